package dev.netlint.rules.reach;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Hop;

/**
 * NL302: a flow the templates imply is blocked at the source's security group egress (a group
 * created with {@code SecurityGroupEgress} rules, or CDK's {@code allowAllOutbound: false}, without
 * the rule this flow needs). Reported at the source's security group.
 */
@RuleInfo(
    id = "NL302",
    name = "security-group-egress-gap",
    summary = "A flow the templates imply is blocked by the source's security group egress",
    severity = Severity.ERROR,
    resourceTypes = {"AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupEgress"},
    source = "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html")
public final class SecurityGroupEgressGap implements Rule {

  @Override
  public void check(RuleContext context) {
    FlowGaps.report(context, Hop.Kind.SECURITY_GROUP_EGRESS);
  }
}
