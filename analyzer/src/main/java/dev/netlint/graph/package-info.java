/**
 * The reachability graph: the network model as a JGraphT graph of VPCs, subnets, route tables,
 * network ACLs, gateways, forwarders and workload equivalence classes ({@link
 * dev.netlint.graph.Topology}), and the evaluation of traffic over it hop by hop as AWS evaluates
 * it ({@link dev.netlint.graph.Tracer}). {@link dev.netlint.graph.NetworkGraph#build} is the only
 * entry point; lint rules see its answers through {@link dev.netlint.api.reach.Reachability}, never
 * JGraphT types.
 *
 * <p>The tracer is in parts, as Batfish keeps its FIB, filter evaluator, NAT evaluator and trace
 * recorder apart: {@link dev.netlint.graph.RouteLookup} (longest-prefix match in one route table),
 * {@link dev.netlint.graph.FilterEvaluator} (security groups and network ACLs), {@link
 * dev.netlint.graph.Gateways} (internet and NAT gateways, NAT instances, endpoints), {@link
 * dev.netlint.graph.ReturnPath} (replies through stateless network ACLs) and {@link
 * dev.netlint.graph.TraceRecorder}, which records typed {@link dev.netlint.graph.Step}s that {@link
 * dev.netlint.graph.HopDetails} alone turns into sentences.
 *
 * <p>Traffic is evaluated as boxes of packets (source and destination addresses, protocols, ports).
 * A security group rule, network ACL entry or route that covers part of a box along a dimension
 * where every packet must get through splits the box ({@link dev.netlint.graph.Split}, a returned
 * value); along a dimension that is one unknown value (the address a workload gets in its subnet,
 * the ephemeral port a client picks) the parts are evaluated and an answer that differs between
 * them is unknown.
 */
@NullMarked
package dev.netlint.graph;

import org.jspecify.annotations.NullMarked;
