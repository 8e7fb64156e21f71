/**
 * The flows a template implies without the user writing them down: a workload handed another
 * resource's address must reach it, a load balancer must reach its targets and their health-check
 * port, a proxy configured in user data must reach its upstream and its clients must reach it,
 * subnets routed to a NAT instance must reach it and it the internet, and instances managed by
 * Systems Manager must reach {@code ssm}, {@code ssmmessages} and {@code ec2messages}. {@link
 * FlowInference#infer} reads them from the network model; rules check them with the reachability
 * API.
 *
 * <p>Follows <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html">Control traffic
 * to your AWS resources using security groups</a>.
 */
@NullMarked
package dev.netlint.graph.flows;

import org.jspecify.annotations.NullMarked;
