package dev.netlint.rules;

import dev.netlint.api.Rule;
import dev.netlint.rules.host.IpForwardingDisabled;
import dev.netlint.rules.host.NatMasqueradeMissing;
import dev.netlint.rules.host.SourceDestCheckEnabled;
import dev.netlint.rules.routing.PrivateSubnetWithoutDefaultRoute;
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
        new PrivateSubnetWithoutDefaultRoute());
  }
}
