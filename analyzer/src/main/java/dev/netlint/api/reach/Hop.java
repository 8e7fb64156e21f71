package dev.netlint.api.reach;

import dev.netlint.model.Origin;
import dev.netlint.model.ResourceId;
import org.jspecify.annotations.Nullable;

/**
 * One step of a path and the template element that decided it.
 *
 * @param kind what was evaluated
 * @param element the resource that decided it (the security group, network ACL, route table, route,
 *     gateway), or null
 * @param origin where that element stands in the template (the rule, the entry, the route), or null
 * @param verdict what it decided
 * @param detail a sentence naming concrete values ("AppSg egress allows tcp/0-65535 to 0.0.0.0/0")
 */
public record Hop(
    Kind kind,
    @Nullable ResourceId element,
    @Nullable Origin origin,
    Verdict verdict,
    String detail) {

  /** The steps AWS evaluates, in path order. */
  public enum Kind {
    SECURITY_GROUP_EGRESS,
    NETWORK_ACL_OUTBOUND,
    ROUTE,
    NAT,
    GATEWAY,
    NETWORK_ACL_INBOUND,
    SECURITY_GROUP_INGRESS,
    /** The return path through network ACLs, which are stateless, on ephemeral ports. */
    NETWORK_ACL_RETURN,
    /** An opaque hop (VPC peering, transit gateway) netlint does not look through. */
    OPAQUE
  }
}
