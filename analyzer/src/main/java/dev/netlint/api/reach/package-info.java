/**
 * The reachability query API that rules and the command line use: {@link Reachability#reach}
 * answers whether traffic from one endpoint reaches another on a protocol and port, hop by hop, the
 * way AWS evaluates it. Rules never see how it is computed.
 *
 * <p>Follows <a
 * href="https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html">How
 * Reachability Analyzer works</a> and <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/infrastructure-security.html">Infrastructure
 * security in Amazon VPC</a>.
 */
@NullMarked
package dev.netlint.api.reach;

import org.jspecify.annotations.NullMarked;
