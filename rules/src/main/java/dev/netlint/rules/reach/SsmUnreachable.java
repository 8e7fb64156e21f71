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
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.VpcEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * NL401: a private instance (or Auto Scaling group) whose role says it is managed by Systems
 * Manager ({@code AmazonSSMManagedInstanceCore} or equivalent) cannot reach {@code ssm}, {@code
 * ssmmessages} or {@code ec2messages} on tcp/443: no route to a NAT and no interface endpoint, an
 * interface endpoint without private DNS, or an endpoint whose security group does not admit 443
 * from the instance. Session Manager, Run Command and patching then fail without an error at
 * deploy. One finding per instance, naming each service that fails and why.
 */
@RuleInfo(
    id = "NL401",
    name = "ssm-unreachable",
    summary = "A private instance managed by Systems Manager has no path to the SSM endpoints",
    severity = Severity.WARNING,
    resourceTypes = {
      "AWS::EC2::Instance",
      "AWS::AutoScaling::AutoScalingGroup",
      "AWS::EC2::VPCEndpoint",
      "AWS::EC2::SecurityGroup",
      "AWS::EC2::RouteTable"
    },
    source = "https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html")
public final class SsmUnreachable implements Rule {

  private static final List<String> SERVICES = List.of("ssm", "ssmmessages", "ec2messages");

  /** Why one service fails, and the fix that goes with it. */
  private record Failure(String service, Hop hop, String why, String fix) {}

  @Override
  public void check(RuleContext context) {
    NetworkModel model = context.model();
    Map<Endpoint, List<Flow>> bySource = new LinkedHashMap<>();
    for (Flow flow : context.flows()) {
      if (flow.kind() == Flow.Kind.SYSTEMS_MANAGER && flow.expected() == Verdict.REACHABLE) {
        bySource.computeIfAbsent(flow.source(), s -> new ArrayList<>()).add(flow);
      }
    }
    for (Map.Entry<Endpoint, List<Flow>> e : bySource.entrySet()) {
      List<Flow> flows = new ArrayList<>(e.getValue());
      flows.sort(java.util.Comparator.comparingInt(f -> serviceOrder(f.destination())));
      List<Failure> failures = new ArrayList<>();
      Flow first = null;
      for (Flow flow : flows) {
        ReachResult r = FlowChecks.reach(context, flow);
        if (r.verdict() != Verdict.BLOCKED || r.blockingHop().isEmpty()) {
          continue;
        }
        if (first == null) {
          first = flow;
        }
        failures.add(diagnose(model, flow, r.blockingHop().get()));
      }
      if (first == null) {
        continue;
      }
      Failure head = failures.get(0);
      // One finding per managed instance, on the instance: what blocks each service is in the
      // message, and there may be several elements to change.
      Flow managed = first;
      Optional<FlowChecks.At> at =
          FlowChecks.resource(model, managed.source())
              .map(r -> new FlowChecks.At(r, r.origin()))
              .or(() -> FlowChecks.at(model, head.hop(), managed, managed.source()));
      if (at.isEmpty()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (Failure f : failures) {
        parts.add(f.service() + ": " + f.why());
      }
      String source = FlowChecks.name(e.getKey());
      String message =
          source
              + " is managed by Systems Manager ("
              + first.evidence()
              + ") but cannot reach "
              + String.join(", ", failures.stream().map(Failure::service).toList())
              + " on tcp/443: "
              + String.join("; ", parts);
      Map<String, String> properties = new TreeMap<>(FlowChecks.properties(first, head.hop()));
      properties.put("flow", source + " -> ssm, ssmmessages, ec2messages tcp/443");
      properties.put(
          "services", String.join(",", failures.stream().map(Failure::service).toList()));
      context.report(
          context.rule().defaultSeverity(),
          at.get().resource(),
          at.get().origin(),
          message,
          head.fix(),
          properties);
    }
  }

  private static int serviceOrder(Endpoint e) {
    int i = e instanceof Endpoint.AwsService s ? SERVICES.indexOf(s.name()) : -1;
    return i < 0 ? SERVICES.size() : i;
  }

  private static Failure diagnose(NetworkModel model, Flow flow, Hop hop) {
    String service =
        flow.destination() instanceof Endpoint.AwsService s
            ? s.name()
            : flow.destination().toString();
    String blocked = FlowChecks.hop(hop) + " blocks it (" + hop.detail() + ")";
    List<VpcEndpoint> endpoints = interfaceEndpoints(model, flow.source(), service);
    if (endpoints.isEmpty()) {
      String why = "no interface endpoint for " + service + " in its VPC, and " + blocked;
      String fix =
          hop.kind() == Hop.Kind.ROUTE
                  || hop.kind() == Hop.Kind.GATEWAY
                  || hop.kind() == Hop.Kind.NAT
              ? "Route 0.0.0.0/0 from the subnets of "
                  + FlowChecks.name(flow.source())
                  + " to a NAT gateway, or add interface VPC endpoints for ssm, ssmmessages and"
                  + " ec2messages with PrivateDnsEnabled: true."
              : FlowChecks.fix(model, flow, hop);
      return new Failure(service, hop, why, fix);
    }
    if (endpoints.stream().noneMatch(VpcEndpoint::privateDnsEnabled)) {
      Resource endpoint = endpoints.get(0).resource();
      return new Failure(
          service,
          hop,
          "interface endpoint "
              + endpoint.logicalId()
              + " has no private DNS"
              + " (PrivateDnsEnabled is not true), so the agent resolves the public endpoint, and "
              + blocked,
          "Set PrivateDnsEnabled: true on " + endpoint.logicalId() + ".");
    }
    String endpointNames =
        String.join(", ", endpoints.stream().map(ep -> ep.resource().logicalId()).toList());
    if (hop.kind() == Hop.Kind.SECURITY_GROUP_INGRESS) {
      return new Failure(
          service,
          hop,
          "the security group of interface endpoint "
              + endpointNames
              + " does not admit tcp/443"
              + " from "
              + FlowChecks.name(flow.source())
              + " ("
              + hop.detail()
              + ")",
          "Allow tcp/443 from "
              + FlowChecks.peer(model, flow.source())
              + " in "
              + (hop.element() == null
                  ? "the endpoint's security group"
                  : hop.element().logicalId())
              + " ingress.");
    }
    return new Failure(
        service,
        hop,
        "interface endpoint " + endpointNames + " exists, but " + blocked,
        FlowChecks.fix(model, flow, hop));
  }

  /**
   * The interface VPC endpoints for {@code service} (the service part of {@code ServiceName}, as
   * the model reads it) in the VPC of the workload's subnets.
   */
  private static List<VpcEndpoint> interfaceEndpoints(
      NetworkModel model, Endpoint source, String service) {
    Optional<Resource> workload = FlowChecks.resource(model, source);
    List<ResourceId> vpcs = new ArrayList<>();
    if (workload.isPresent()) {
      for (ResourceId subnet : model.subnetsOfWorkload(workload.get())) {
        model.resource(subnet).flatMap(model::vpcOf).ifPresent(vpcs::add);
      }
    }
    List<VpcEndpoint> found = new ArrayList<>();
    for (VpcEndpoint ep : model.vpcEndpoints()) {
      boolean isInterface = ep.type() == VpcEndpoint.Type.INTERFACE;
      boolean forService = ep.service() != null && ep.service().equalsIgnoreCase(service);
      boolean inVpc = model.vpcOf(ep.resource()).map(vpcs::contains).orElse(vpcs.isEmpty());
      if (isInterface && forService && inVpc) {
        found.add(ep);
      }
    }
    return found;
  }
}
