package dev.netlint.rules.reach;

import dev.netlint.api.RuleContext;
import dev.netlint.api.reach.Hop;
import dev.netlint.model.NetworkModel;
import java.util.List;
import java.util.Optional;

/** NL301, NL302 and NL303 differ only in the hop they report. */
final class FlowGaps {
  private FlowGaps() {}

  /** Reports the inferred flows whose first blocking hop is one of {@code kinds}. */
  static void report(RuleContext context, Hop.Kind... kinds) {
    NetworkModel model = context.model();
    List<Hop.Kind> wanted = List.of(kinds);
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (FlowChecks.Blocked b : FlowChecks.blocked(context, FlowChecks::inferredTraffic)) {
      if (!wanted.contains(b.hop().kind())) {
        continue;
      }
      boolean atDestination =
          b.hop().kind() == Hop.Kind.SECURITY_GROUP_INGRESS
              || b.hop().kind() == Hop.Kind.NETWORK_ACL_INBOUND;
      Optional<FlowChecks.At> at =
          atDestination
              ? FlowChecks.at(model, b.hop(), b.flow(), b.flow().destination(), b.flow().source())
              : FlowChecks.at(model, b.hop(), b.flow(), b.flow().source(), b.flow().destination());
      if (at.isEmpty() || !reported.add(FlowChecks.sameFix(at.get(), b.hop(), b.flow()))) {
        continue;
      }
      String message =
          FlowChecks.name(b.flow().source())
              + " cannot reach "
              + FlowChecks.name(b.flow().destination())
              + " on "
              + FlowChecks.traffic(b.flow())
              + ": "
              + FlowChecks.hop(b.hop())
              + " blocks it ("
              + b.hop().detail()
              + "). The flow is implied: "
              + b.flow().evidence();
      context.report(
          context.rule().defaultSeverity(),
          at.get().resource(),
          at.get().origin(),
          message,
          FlowChecks.fix(model, b.flow(), b.hop()),
          FlowChecks.properties(b.flow(), b.hop()));
    }
  }
}
