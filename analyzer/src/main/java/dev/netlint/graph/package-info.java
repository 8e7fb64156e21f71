/**
 * The reachability graph: the network model as a JGraphT graph of VPCs, subnets, route tables,
 * network ACLs, gateways, forwarders and workload equivalence classes ({@link
 * dev.netlint.graph.Topology}), and the evaluation of traffic over it hop by hop as AWS evaluates
 * it ({@link dev.netlint.graph.Tracer}). {@link dev.netlint.graph.NetworkGraph#build} is the only
 * entry point; rules see its answers through {@link dev.netlint.api.reach.Reachability}, never
 * JGraphT types.
 *
 * <p>Traffic is evaluated as boxes of packets (source and destination addresses, protocols,
 * ports). A rule that covers part of a box along a dimension where every packet must get through
 * (the ports asked about, a CIDR end) splits the box; along a dimension that is one unknown value
 * (the address a workload gets in its subnet, the ephemeral port a client picks) the parts are
 * evaluated and an answer that differs between them is unknown.
 */
@NullMarked
package dev.netlint.graph;

import org.jspecify.annotations.NullMarked;
