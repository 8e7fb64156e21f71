package dev.netlint.rules.routing;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.model.NatGateway;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Route;
import dev.netlint.model.RouteTarget;
import dev.netlint.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * NL203: an {@code AWS::EC2::Route} whose target cannot carry the traffic:
 *
 * <ul>
 *   <li>an internet gateway that no {@code AWS::EC2::VPCGatewayAttachment} attaches to the route
 *       table's VPC (attached nowhere, or to another VPC);
 *   <li>a public NAT gateway ({@code ConnectivityType} {@code public} or absent) or a NAT instance
 *       that a {@code 0.0.0.0/0} route points at, sitting in a subnet with no route to an internet
 *       gateway;
 *   <li>a NAT gateway, instance, network interface, egress-only internet gateway or VPC endpoint in
 *       another VPC than the route table.
 * </ul>
 *
 * A target, VPC or subnet that the template names by parameter, import or literal ID is unknown and
 * never reported. A NAT instance whose subnets all route {@code 0.0.0.0/0} back to it is NL202's
 * finding, not this one's.
 */
@RuleInfo(
    id = "NL203",
    name = "route-target-unusable",
    summary = "A route points at a gateway, NAT or interface that cannot carry its traffic",
    severity = Severity.ERROR,
    resourceTypes = {"AWS::EC2::Route"},
    source = "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html")
public final class RouteTargetUnusable implements Rule {

  /** What is wrong with one route. */
  private record Problem(String reason, String fix, String kind) {}

  @Override
  public void check(RuleContext context) {
    NetworkModel model = context.model();
    boolean attachmentsKnown =
        model.gatewayAttachments().stream()
            .allMatch(a -> a.internetGatewayId() == null || a.internetGateway() != null);
    for (Route route : model.routes()) {
      Optional<Resource> table =
          RouteTargets.resolve(model, route.routeTable(), ResourceTypes.ROUTE_TABLE);
      Optional<Resource> vpc = table.flatMap(t -> RouteTargets.vpcOf(model, t));
      Optional<Problem> problem =
          switch (route.target().kind()) {
            case INTERNET_GATEWAY -> internetGateway(model, route, vpc, attachmentsKnown);
            case NAT_GATEWAY -> natGateway(model, route, vpc);
            case INSTANCE, NETWORK_INTERFACE -> natInstance(model, route, vpc);
            case EGRESS_ONLY_INTERNET_GATEWAY ->
                ownVpc(
                    model,
                    route,
                    vpc,
                    RouteTargets.resolve(
                        model,
                        route.target().resource(),
                        ResourceTypes.EGRESS_ONLY_INTERNET_GATEWAY));
            case VPC_ENDPOINT ->
                ownVpc(
                    model,
                    route,
                    vpc,
                    RouteTargets.resolve(
                        model, route.target().resource(), ResourceTypes.VPC_ENDPOINT));
            default -> Optional.empty();
          };
      problem.ifPresent(p -> report(context, route, vpc, p));
    }
  }

  private static Optional<Problem> internetGateway(
      NetworkModel model, Route route, Optional<Resource> vpc, boolean attachmentsKnown) {
    Optional<Resource> igw =
        RouteTargets.resolve(model, route.target().resource(), ResourceTypes.INTERNET_GATEWAY);
    if (igw.isEmpty()) {
      return Optional.empty();
    }
    String name = igw.get().logicalId();
    String vpcName = vpc.map(Resource::logicalId).orElse("the route table's VPC");
    List<Resource> attachments = model.internetGatewayAttachments(igw.get().id());
    if (attachments.isEmpty()) {
      if (!attachmentsKnown) {
        return Optional.empty();
      }
      return Optional.of(
          new Problem(
              "internet gateway "
                  + name
                  + ", which no AWS::EC2::VPCGatewayAttachment attaches to"
                  + " a VPC",
              "Attach " + name + " to " + vpcName + " with an AWS::EC2::VPCGatewayAttachment.",
              "unattached-internet-gateway"));
    }
    if (vpc.isEmpty()) {
      return Optional.empty();
    }
    for (Resource a : attachments) {
      Optional<Resource> attached = RouteTargets.vpcOf(model, a);
      if (attached.isEmpty() || attached.get().id().equals(vpc.get().id())) {
        return Optional.empty();
      }
    }
    Resource other = attachments.get(0);
    String otherVpc = RouteTargets.vpcOf(model, other).map(Resource::logicalId).orElse("?");
    return Optional.of(
        new Problem(
            "internet gateway "
                + name
                + ", which "
                + other.logicalId()
                + " attaches to VPC "
                + otherVpc
                + ", not to the route table's VPC "
                + vpcName,
            "Point the route at the internet gateway attached to " + vpcName + ".",
            "internet-gateway-of-another-vpc"));
  }

  private static Optional<Problem> natGateway(
      NetworkModel model, Route route, Optional<Resource> vpc) {
    Optional<NatGateway> nat =
        Optional.ofNullable(route.target().resource()).flatMap(model::natGateway);
    Optional<Resource> subnet =
        nat.flatMap(n -> RouteTargets.resolve(model, n.subnet(), ResourceTypes.SUBNET));
    if (subnet.isEmpty()) {
      return Optional.empty();
    }
    String name = nat.get().resource().logicalId();
    Optional<Resource> natVpc = RouteTargets.vpcOf(model, subnet.get());
    if (otherVpc(vpc, natVpc)) {
      return Optional.of(anotherVpc("NAT gateway " + name, vpc.get(), natVpc.get()));
    }
    boolean publicNat = nat.get().isPublic();
    if (!route.isIpv4Default() || !publicNat) {
      return Optional.empty();
    }
    RouteTargets.Egress egress = RouteTargets.egress(model, subnet.get().id());
    if (!egress.none()) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            "NAT gateway "
                + name
                + ", which sits in subnet "
                + subnet.get().logicalId()
                + ", "
                + egress.why()
                + ": the NAT gateway has no route to an internet gateway",
            "Place "
                + name
                + " in a public subnet whose route table sends 0.0.0.0/0 to an internet gateway.",
            "nat-without-internet-route"));
  }

  private static Optional<Problem> natInstance(
      NetworkModel model, Route route, Optional<Resource> vpc) {
    RouteTarget target = route.target();
    Optional<Resource> instance = RouteTargets.instanceTarget(model, target);
    Optional<Resource> targetVpc;
    String what;
    if (target.kind() == RouteTarget.Kind.NETWORK_INTERFACE) {
      Optional<Resource> eni =
          RouteTargets.resolve(model, target.resource(), ResourceTypes.NETWORK_INTERFACE);
      if (eni.isEmpty()) {
        return Optional.empty();
      }
      targetVpc =
          model.workload(eni.get().id()).stream()
              .flatMap(w -> w.subnetIds().stream())
              .findFirst()
              .flatMap(s -> RouteTargets.vpcOfSubnet(model, s));
      what =
          "network interface "
              + eni.get().logicalId()
              + instance.map(i -> " of instance " + i.logicalId()).orElse("");
    } else {
      if (instance.isEmpty()) {
        return Optional.empty();
      }
      List<Optional<Resource>> vpcs =
          RouteTargets.subnetsOfInstance(model, instance.get()).orElse(List.of()).stream()
              .map(s -> RouteTargets.vpcOfSubnet(model, s))
              .distinct()
              .toList();
      targetVpc = vpcs.size() == 1 ? vpcs.get(0) : Optional.empty();
      what = "instance " + instance.get().logicalId();
    }
    if (otherVpc(vpc, targetVpc)) {
      return Optional.of(anotherVpc(what, vpc.get(), targetVpc.get()));
    }
    if (!route.isIpv4Default()
        || instance.isEmpty()
        || ProxyInClientSubnet.routesBackToItself(model, instance.get())) {
      return Optional.empty();
    }
    Optional<List<ResourceId>> subnets = RouteTargets.subnetsOfInstance(model, instance.get());
    if (subnets.isEmpty()) {
      return Optional.empty();
    }
    for (ResourceId s : subnets.get()) {
      if (!RouteTargets.egress(model, s).none()) {
        return Optional.empty();
      }
    }
    RouteTargets.Egress first = RouteTargets.egress(model, subnets.get().get(0));
    String name = instance.get().logicalId();
    return Optional.of(
        new Problem(
            "NAT "
                + what
                + ", which sits in subnet "
                + subnets.get().get(0).logicalId()
                + ", "
                + first.why()
                + ": the NAT instance has no route to an internet gateway",
            "Move "
                + name
                + " to a public subnet whose route table sends 0.0.0.0/0 to an internet gateway.",
            "nat-without-internet-route"));
  }

  private static Optional<Problem> ownVpc(
      NetworkModel model, Route route, Optional<Resource> vpc, Optional<Resource> target) {
    Optional<Resource> targetVpc = target.flatMap(t -> RouteTargets.vpcOf(model, t));
    if (!otherVpc(vpc, targetVpc)) {
      return Optional.empty();
    }
    return Optional.of(
        anotherVpc(RouteTargets.describe(model, route.target()), vpc.get(), targetVpc.get()));
  }

  private static boolean otherVpc(Optional<Resource> vpc, Optional<Resource> targetVpc) {
    return vpc.isPresent() && targetVpc.isPresent() && !vpc.get().id().equals(targetVpc.get().id());
  }

  private static Problem anotherVpc(String what, Resource vpc, Resource targetVpc) {
    return new Problem(
        what
            + " in VPC "
            + targetVpc.logicalId()
            + ", while the route table is in VPC "
            + vpc.logicalId()
            + ": a route can only target a gateway, NAT or interface of its own VPC",
        "Point the route at a target in "
            + vpc.logicalId()
            + ", or reach "
            + targetVpc.logicalId()
            + " through a peering connection or transit gateway.",
        "target-in-another-vpc");
  }

  private static void report(
      RuleContext context, Route route, Optional<Resource> vpc, Problem problem) {
    Resource r = route.resource();
    String table =
        route.routeTable() != null
            ? route.routeTable().logicalId()
            : Optional.ofNullable(route.routeTableId()).map(Value::render).orElse("?");
    String destination = route.destination().isEmpty() ? "?" : route.destination();
    String message =
        String.format(
            "route %s in route table %s sends %s to %s",
            r.logicalId(), table, destination, problem.reason());
    Map<String, String> props = new TreeMap<>();
    props.put("problem", problem.kind());
    props.put("routeTable", table);
    props.put("destination", destination);
    props.put("target", RouteTargets.describe(context.model(), route.target()));
    vpc.ifPresent(v -> props.put("vpc", v.logicalId()));
    context.report(context.rule().defaultSeverity(), r, r.origin(), message, problem.fix(), props);
  }
}
