/**
 * The flows that must work, in one place: those a template implies without the user writing them
 * down, and those users declare in {@code .netlint.yaml}. Both are {@link
 * dev.netlint.api.reach.Flow}s that rules check with the reachability API.
 *
 * <p>Implied ({@link FlowInference#infer}): a workload handed another resource's address must reach
 * it, a load balancer must reach its targets and their health-check port, a proxy configured in
 * user data must reach its upstream and its clients must reach it, subnets routed to a NAT instance
 * must reach it and it the internet, and instances managed by Systems Manager must reach {@code
 * ssm}, {@code ssmmessages} and {@code ec2messages}. Declared ({@link DeclaredFlows}, read by
 * {@link NetlintConfig}): {@code flows: [{from, to, port, protocol, expect}]}, their ends named by
 * {@link EndpointNames} (logical IDs, CDK construct paths, {@code internet}, CIDRs, {@code
 * aws:SERVICE}), which {@code netlint path} uses too.
 *
 * <p>Follows <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html">Control traffic
 * to your AWS resources using security groups</a>.
 */
@NullMarked
package dev.netlint.flows;

import org.jspecify.annotations.NullMarked;
