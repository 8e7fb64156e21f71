package dev.netlint.api.reach;

import java.util.List;

/**
 * Answers reachability questions about the network model: can {@code source} reach {@code
 * destination} on a protocol and port range, and if not, which element blocks it. Traffic is
 * evaluated as AWS evaluates it: source security group egress (stateful), source subnet network ACL
 * outbound, route table longest-prefix match, destination network ACL inbound, the return path
 * through the network ACLs on ephemeral ports, destination security group ingress. Symbolic values
 * give {@link Verdict#UNKNOWN} with the reason, never a false {@link Verdict#BLOCKED}.
 */
public interface Reachability {

  /**
   * Evaluates one flow.
   *
   * @param ports the destination ports, an inclusive range (ignored for ICMP)
   */
  ReachResult reach(Endpoint source, Endpoint destination, Protocol protocol, PortRange ports);

  /** The workload endpoints of the model, sorted. */
  List<Endpoint.Workload> workloads();
}
