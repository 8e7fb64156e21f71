package dev.netlint.rules.reach;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Hop;

/**
 * NL303: a flow the templates imply is blocked by a network ACL: outbound from the source's subnet,
 * inbound to the destination's, or on the return path, since network ACLs are stateless and must
 * also allow the replies on the ephemeral ports (1024-65535). Reported at the network ACL (the
 * entry's location when the graph names one).
 */
@RuleInfo(
    id = "NL303",
    name = "network-acl-gap",
    summary =
        "A flow the templates imply is blocked by a network ACL, either way or on the return path",
    severity = Severity.ERROR,
    resourceTypes = {"AWS::EC2::NetworkAcl", "AWS::EC2::NetworkAclEntry"},
    source = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html")
public final class NetworkAclGap implements Rule {

  @Override
  public void check(RuleContext context) {
    FlowGaps.report(
        context,
        Hop.Kind.NETWORK_ACL_OUTBOUND,
        Hop.Kind.NETWORK_ACL_INBOUND,
        Hop.Kind.NETWORK_ACL_RETURN);
  }
}
