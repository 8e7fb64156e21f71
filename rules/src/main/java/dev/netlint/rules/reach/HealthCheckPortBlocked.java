package dev.netlint.rules.reach;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.Hop;
import dev.netlint.model.NetworkModel;
import java.util.Optional;

/**
 * NL304: a target group health-checks its targets on a port of its own ({@code HealthCheckPort}
 * other than {@code traffic-port}, or a Classic Load Balancer's {@code HealthCheck.Target} port)
 * that the load balancer cannot reach, whatever blocks it. The targets never turn healthy, and the
 * load balancer sends them no traffic even though the traffic port is open.
 */
@RuleInfo(
    id = "NL304",
    name = "health-check-port-blocked",
    summary = "A load balancer's health check cannot reach its targets on the health-check port",
    severity = Severity.ERROR,
    resourceTypes = {
      "AWS::EC2::SecurityGroup",
      "AWS::EC2::NetworkAcl",
      "AWS::ElasticLoadBalancingV2::TargetGroup"
    },
    source =
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html")
public final class HealthCheckPortBlocked implements Rule {

  @Override
  public void check(RuleContext context) {
    NetworkModel model = context.model();
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (FlowChecks.Blocked b :
        FlowChecks.blocked(context, f -> f.kind() == Flow.Kind.HEALTH_CHECK)) {
      Hop hop = b.hop();
      boolean atDestination =
          hop.kind() == Hop.Kind.SECURITY_GROUP_INGRESS
              || hop.kind() == Hop.Kind.NETWORK_ACL_INBOUND;
      Optional<FlowChecks.At> at =
          atDestination
              ? FlowChecks.at(model, hop, b.flow(), b.flow().destination(), b.flow().source())
              : FlowChecks.at(model, hop, b.flow(), b.flow().source(), b.flow().destination());
      if (at.isEmpty() || !reported.add(FlowChecks.sameFix(at.get(), hop, b.flow()))) {
        continue;
      }
      String message =
          "the health check of "
              + FlowChecks.name(b.flow().source())
              + " cannot reach "
              + FlowChecks.name(b.flow().destination())
              + " on "
              + FlowChecks.traffic(b.flow())
              + ": "
              + FlowChecks.hop(hop)
              + " blocks it ("
              + hop.detail()
              + "), so the targets never turn"
              + " healthy. "
              + capitalize(b.flow().evidence());
      String fix = FlowChecks.fix(model, b.flow(), hop);
      fix = fix.substring(0, fix.length() - 1) + ", or health-check on the traffic port.";
      context.report(
          context.rule().defaultSeverity(),
          at.get().resource(),
          at.get().origin(),
          message,
          fix,
          FlowChecks.properties(b.flow(), hop));
    }
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
