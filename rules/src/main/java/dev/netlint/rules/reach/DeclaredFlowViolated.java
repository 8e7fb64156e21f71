package dev.netlint.rules.reach;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.ResourceId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * NL402: a flow declared in {@code .netlint.yaml} whose verdict differs from its {@code expect}: a
 * flow that must be reachable is blocked (reported at the blocking element, with the fix), or
 * isolation that must hold does not (reported at the security group ingress that admits the
 * traffic, else at the first element on the path). Declared flows are checked by this rule alone,
 * so that one broken assertion is one finding, whatever blocks it.
 *
 * <p>{@code expect: reachable} holds when all of the flow's traffic gets through ({@link
 * ReachResult#verdict}); {@code expect: blocked} holds only when none of it does, from any subnet
 * or address of the source ({@link ReachResult#anyTraffic}): a function that runs in two subnets,
 * one of which the destination admits, is not isolated.
 */
@RuleInfo(
    id = "NL402",
    name = "declared-flow-violated",
    summary = "A flow declared in .netlint.yaml does not have the verdict it expects",
    severity = Severity.ERROR,
    resourceTypes = {"AWS::EC2::SecurityGroup", "AWS::EC2::NetworkAcl", "AWS::EC2::RouteTable"},
    source =
        "https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html")
public final class DeclaredFlowViolated implements Rule {

  @Override
  public void check(RuleContext context) {
    NetworkModel model = context.model();
    for (Flow flow : context.flows()) {
      if (flow.kind() != Flow.Kind.DECLARED || flow.expected() == Verdict.UNKNOWN) {
        continue;
      }
      ReachResult r = FlowChecks.reach(context, flow);
      if (flow.expected() == Verdict.BLOCKED) {
        if (r.anyTraffic() == Verdict.REACHABLE) {
          reachable(context, model, flow, r);
        }
      } else if (r.verdict() == Verdict.BLOCKED) {
        blocked(context, model, flow, r);
      }
    }
  }

  /**
   * A declared flow is reported on its source, the resource the declaration names first; the
   * element that decides is named in the message and in {@code blockedBy}.
   */
  private static Optional<FlowChecks.At> atSource(NetworkModel model, Flow flow) {
    return FlowChecks.resource(model, flow.source()).map(r -> new FlowChecks.At(r, r.origin()));
  }

  private static void blocked(RuleContext context, NetworkModel model, Flow flow, ReachResult r) {
    Optional<Hop> hop = r.blockingHop();
    Optional<FlowChecks.At> at =
        atSource(model, flow)
            .or(
                () ->
                    hop.isPresent()
                        ? FlowChecks.at(model, hop.get(), flow, flow.destination(), flow.source())
                        : FlowChecks.atFlow(model, flow, flow.destination(), flow.source()));
    if (at.isEmpty()) {
      return;
    }
    String why =
        hop.map(h -> FlowChecks.hop(h) + " blocks it (" + h.detail() + ")").orElse(r.reason());
    context.report(
        context.rule().defaultSeverity(),
        at.get().resource(),
        at.get().origin(),
        "flow "
            + FlowChecks.label(flow)
            + " must be reachable ("
            + flow.evidence()
            + ") but is"
            + " blocked: "
            + why,
        hop.map(h -> FlowChecks.fix(model, flow, h)).orElse(null),
        properties(flow, hop));
  }

  private static void reachable(RuleContext context, NetworkModel model, Flow flow, ReachResult r) {
    if (r.verdict() != Verdict.REACHABLE) {
      partlyReachable(context, model, flow, r);
      return;
    }
    List<Hop> hops = r.hops();
    Optional<Hop> admitting =
        hops.stream()
            .filter(h -> h.kind() == Hop.Kind.SECURITY_GROUP_INGRESS && h.element() != null)
            .reduce((a, b) -> b)
            .or(() -> hops.stream().filter(h -> h.element() != null).findFirst());
    Optional<FlowChecks.At> at =
        atSource(model, flow)
            .or(
                () ->
                    admitting.isPresent()
                        ? FlowChecks.at(
                            model, admitting.get(), flow, flow.destination(), flow.source())
                        : FlowChecks.atFlow(model, flow, flow.destination(), flow.source()));
    if (at.isEmpty()) {
      return;
    }
    String how =
        admitting
            .map(h -> FlowChecks.hop(h) + " admits it (" + h.detail() + ")")
            .orElse(r.reason());
    String fix =
        admitting
            .filter(h -> h.kind() == Hop.Kind.SECURITY_GROUP_INGRESS)
            .map(
                h ->
                    "Remove or narrow the rule of "
                        + Objects.requireNonNull(h.element(), "admitting has an element")
                            .logicalId()
                        + " that admits "
                        + FlowChecks.traffic(flow)
                        + " from "
                        + FlowChecks.name(flow.source())
                        + ".")
            .orElse(
                "Block "
                    + FlowChecks.traffic(flow)
                    + " from "
                    + FlowChecks.name(flow.source())
                    + " to "
                    + FlowChecks.name(flow.destination())
                    + " in a security group or network ACL.");
    context.report(
        context.rule().defaultSeverity(),
        at.get().resource(),
        at.get().origin(),
        "flow "
            + FlowChecks.label(flow)
            + " must be blocked ("
            + flow.evidence()
            + ") but is"
            + " reachable: "
            + how,
        fix,
        properties(flow, admitting));
  }

  /**
   * Isolation that holds for some of the source's subnets or addresses only. The answer's hops are
   * those of traffic that does not get through, so they cannot name what admits the rest; the
   * message names the part that is stopped, and the fix asks for every part to be.
   */
  private static void partlyReachable(
      RuleContext context, NetworkModel model, Flow flow, ReachResult r) {
    Optional<FlowChecks.At> at =
        atSource(model, flow)
            .or(() -> FlowChecks.atFlow(model, flow, flow.destination(), flow.source()));
    if (at.isEmpty()) {
      return;
    }
    Optional<Hop> hop = r.blockingHop();
    String rest =
        r.verdict() == Verdict.BLOCKED
            ? "the rest is blocked"
                + hop.map(h -> " where " + FlowChecks.hop(h) + " stops it (" + h.detail() + ")")
                    .orElse(" (" + r.reason() + ")")
            : "the rest is unknown (" + r.reason() + ")";
    context.report(
        context.rule().defaultSeverity(),
        at.get().resource(),
        at.get().origin(),
        "flow "
            + FlowChecks.label(flow)
            + " must be blocked ("
            + flow.evidence()
            + ") but some of its traffic is reachable: it gets through from "
            + placements(model, flow.source())
            + "; "
            + rest,
        "Block "
            + FlowChecks.traffic(flow)
            + " from every subnet and address of "
            + FlowChecks.name(flow.source())
            + " to "
            + FlowChecks.name(flow.destination())
            + " in a security group or network ACL.",
        properties(flow, Optional.empty()));
  }

  /** {@code at least one of the subnets of Fn (AppSubnetA, AppSubnetB)}, for a workload. */
  private static String placements(NetworkModel model, Endpoint source) {
    if (source instanceof Endpoint.Workload w) {
      List<String> subnets =
          model.workload(w.resource()).stream()
              .flatMap(x -> x.interfaces().stream())
              .flatMap(i -> i.subnetIds().stream())
              .map(ResourceId::logicalId)
              .distinct()
              .sorted()
              .toList();
      if (!subnets.isEmpty()) {
        return "at least one of the subnets of "
            + w.resource().logicalId()
            + " ("
            + String.join(", ", subnets)
            + ")";
      }
    }
    return "some of the addresses of " + FlowChecks.name(source);
  }

  private static Map<String, String> properties(Flow flow, Optional<Hop> hop) {
    Map<String, String> p =
        hop.isPresent() ? new TreeMap<>(FlowChecks.properties(flow, hop.get())) : new TreeMap<>();
    p.put("flow", FlowChecks.label(flow));
    p.put("declaredAt", flow.origin().location().toString());
    return p;
  }
}
