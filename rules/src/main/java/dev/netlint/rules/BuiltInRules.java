package dev.netlint.rules;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleDescriptor;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** The metadata of every built-in rule, sorted by ID. */
  public static List<RuleDescriptor> descriptors() {
    return all().stream().map(r -> RuleDescriptor.of(r.getClass())).toList();
  }

  /**
   * The built-in rule whose ID, or one of whose former IDs ({@link
   * dev.netlint.api.RuleInfo#aliases()}), is {@code idOrAlias} ({@code NL101}), as a suppression
   * naming a renamed rule's old ID still matches it. Empty for an ID netlint does not know.
   */
  public static Optional<RuleDescriptor> byId(String idOrAlias) {
    return Optional.ofNullable(ById.INDEX.get(idOrAlias));
  }

  /**
   * Every ID and alias of {@code rules}, to its rule. A current ID wins over a clashing alias and
   * the first rule over a later one; BuiltInRulesTest checks that no ID or alias is claimed twice.
   */
  static Map<String, RuleDescriptor> index(List<RuleDescriptor> rules) {
    Map<String, RuleDescriptor> index = new LinkedHashMap<>();
    rules.forEach(d -> index.putIfAbsent(d.id(), d));
    rules.forEach(d -> d.aliases().forEach(a -> index.putIfAbsent(a, d)));
    return Map.copyOf(index);
  }

  /** Built once, on first use. */
  private static final class ById {
    static final Map<String, RuleDescriptor> INDEX = index(descriptors());
  }
}
