package dev.netlint.rules;

import dev.netlint.api.Rule;
import dev.netlint.rules.host.IpForwardingDisabled;
import dev.netlint.rules.host.NatMasqueradeMissing;
import dev.netlint.rules.host.SourceDestCheckEnabled;
import dev.netlint.rules.reach.DeclaredFlowViolated;
import dev.netlint.rules.reach.HealthCheckPortBlocked;
import dev.netlint.rules.reach.NetworkAclGap;
import dev.netlint.rules.reach.SecurityGroupEgressGap;
import dev.netlint.rules.reach.SecurityGroupIngressGap;
import dev.netlint.rules.reach.SsmUnreachable;
import dev.netlint.rules.routing.GatewayRouteMissingAttachmentDependency;
import dev.netlint.rules.routing.PrivateSubnetWithoutDefaultRoute;
import dev.netlint.rules.routing.ProxyInClientSubnet;
import dev.netlint.rules.routing.RouteTargetUnusable;
import dev.netlint.rules.userdata.HardcodedInterfaceName;
import java.util.List;

/** netlint's rules, in one explicit list sorted by rule ID. */
public final class BuiltInRules {
  private BuiltInRules() {}

  /** A new instance of every built-in rule, sorted by ID. */
  public static List<Rule> all() {
    return List.of(
        // NL1xx: what user data does to the host's network
        new HardcodedInterfaceName(),
        new IpForwardingDisabled(),
        new NatMasqueradeMissing(),
        new SourceDestCheckEnabled(),
        // NL2xx: routing
        new PrivateSubnetWithoutDefaultRoute(),
        new ProxyInClientSubnet(),
        new RouteTargetUnusable(),
        new GatewayRouteMissingAttachmentDependency(),
        // NL3xx: flows the templates imply, blocked on the way
        new SecurityGroupIngressGap(),
        new SecurityGroupEgressGap(),
        new NetworkAclGap(),
        new HealthCheckPortBlocked(),
        // NL4xx: management and declared flows
        new SsmUnreachable(),
        new DeclaredFlowViolated());
  }
}
