package dev.netlint.rules.reach;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Hop;

/**
 * NL301: a flow the templates imply (an app handed a database's address, a load balancer and its
 * targets, a proxy and its upstream, clients of a NAT instance) is blocked at the destination's
 * security group ingress. Reported at the security group (the rule's location when the graph names
 * one), with the rule to add.
 */
@RuleInfo(
    id = "NL301",
    name = "security-group-ingress-gap",
    summary = "A flow the templates imply is blocked by the destination's security group ingress",
    severity = Severity.ERROR,
    resourceTypes = {"AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"},
    source = "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html")
public final class SecurityGroupIngressGap implements Rule {

  @Override
  public void check(RuleContext context) {
    FlowGaps.report(context, Hop.Kind.SECURITY_GROUP_INGRESS);
  }
}
