package dev.netlint.rules.routing;

import dev.netlint.model.NetworkAttachment;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Route;
import dev.netlint.model.RouteTarget;
import dev.netlint.model.Value;
import dev.netlint.model.Workload;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the routing rules NL202 and NL203 share: the VPC a resource is in, the instance behind a
 * route target, the subnets an instance has interfaces in, and whether a subnet's route table gives
 * a NAT a way to an internet gateway. Every answer is "unknown" (empty) rather than a guess when
 * the template names something by parameter, import or literal ID.
 */
final class RouteTargets {
  private RouteTargets() {}

  /**
   * Default-route targets that never reach the internet for the traffic a NAT forwards: another NAT
   * (a NAT gateway, NAT instance or network interface), the VPC itself, a peering connection (AWS
   * does not route to an internet gateway across a peering), an egress-only internet gateway (IPv6
   * only), no target at all.
   */
  private static final Set<RouteTarget.Kind> NO_INTERNET =
      EnumSet.of(
          RouteTarget.Kind.NAT_GATEWAY,
          RouteTarget.Kind.INSTANCE,
          RouteTarget.Kind.NETWORK_INTERFACE,
          RouteTarget.Kind.LOCAL,
          RouteTarget.Kind.VPC_PEERING_CONNECTION,
          RouteTarget.Kind.EGRESS_ONLY_INTERNET_GATEWAY,
          RouteTarget.Kind.NONE);

  private static final Pattern LITERAL_CIDR =
      Pattern.compile("[0-9.]+/[0-9]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*/[0-9]+");

  /** How a subnet's route table lets a NAT in it reach the internet. */
  record Egress(boolean none, String why) {
    static final Egress MAYBE = new Egress(false, "");
  }

  /** The resource a value points at, when it is in the model and of this type. */
  static Optional<Resource> resolve(NetworkModel model, @Nullable Value value, String type) {
    return model
        .referencedResource(value)
        .flatMap(model::resource)
        .filter(r -> r.type().equals(type));
  }

  /** The resource with this ID, when it is in the model and of this type. */
  static Optional<Resource> resolve(NetworkModel model, @Nullable ResourceId id, String type) {
    return id == null ? Optional.empty() : model.resource(id).filter(r -> r.type().equals(type));
  }

  /** The {@code AWS::EC2::VPC} a resource's {@code VpcId} names, when it is in the model. */
  static Optional<Resource> vpcOf(NetworkModel model, Resource resource) {
    return resolve(model, model.vpcOf(resource).orElse(null), ResourceTypes.VPC);
  }

  /** The VPC of a subnet in the model. */
  static Optional<Resource> vpcOfSubnet(NetworkModel model, ResourceId subnet) {
    return resolve(model, subnet, ResourceTypes.SUBNET).flatMap(s -> vpcOf(model, s));
  }

  /**
   * The instance a route forwards to: its {@code InstanceId}, or the instance its {@code
   * NetworkInterfaceId} is attached to.
   */
  static Optional<Resource> instanceTarget(NetworkModel model, RouteTarget target) {
    if (target.kind() == RouteTarget.Kind.INSTANCE) {
      return resolve(model, target.resource(), ResourceTypes.INSTANCE);
    }
    if (target.kind() == RouteTarget.Kind.NETWORK_INTERFACE) {
      return resolve(model, target.resource(), ResourceTypes.NETWORK_INTERFACE)
          .flatMap(eni -> model.instanceOfNetworkInterface(eni.id()))
          .flatMap(model::resource);
    }
    return Optional.empty();
  }

  /** True when a route forwards to this instance, directly or through an interface of it. */
  static boolean targets(NetworkModel model, Route route, ResourceId instance) {
    return instanceTarget(model, route.target()).filter(i -> i.id().equals(instance)).isPresent();
  }

  /**
   * The subnets of every network interface of an instance ({@code SubnetId}, {@code
   * NetworkInterfaces}, {@code AWS::EC2::NetworkInterfaceAttachment}); empty when any of them is
   * not a subnet in the model, or when the instance names none (default VPC, launch template).
   */
  static Optional<List<ResourceId>> subnetsOfInstance(NetworkModel model, Resource instance) {
    List<ResourceId> subnets = new ArrayList<>();
    List<Workload> placed = new ArrayList<>();
    model.workload(instance.id()).ifPresent(placed::add);
    for (ResourceId eni : model.networkInterfacesOf(instance.id())) {
      Optional<Workload> w =
          model.workload(eni).filter(e -> e.kind() == Workload.Kind.NETWORK_INTERFACE);
      if (w.isEmpty()) {
        return Optional.empty();
      }
      placed.add(w.get());
    }
    for (Workload w : placed) {
      for (NetworkAttachment a : w.interfaces()) {
        if (!a.subnetsKnown()) {
          return Optional.empty();
        }
        subnets.addAll(a.subnetIds());
      }
    }
    List<ResourceId> distinct = subnets.stream().distinct().toList();
    return distinct.isEmpty() ? Optional.empty() : Optional.of(distinct);
  }

  /** The IPv4 default routes of a subnet's route table (none for the VPC's main route table). */
  static List<Route> defaultRoutes(NetworkModel model, ResourceId subnet) {
    return model.routeTableOf(subnet).stream()
        .flatMap(t -> model.routes(t).stream())
        .filter(Route::isIpv4Default)
        .toList();
  }

  /**
   * Whether a NAT in this subnet has a way to an internet gateway: {@code none} when the subnet's
   * route table has no {@code 0.0.0.0/0} route (or the subnet uses the VPC's main route table,
   * which CloudFormation cannot add routes to, unless some route of the template goes to a route
   * table found another way, such as a custom resource), or sends it only to a target that never
   * reaches the internet, with the reason. A route to an internet gateway, to a target netlint
   * cannot identify, to a transit gateway, firewall endpoint or virtual private gateway, or with a
   * destination not known before deploy counts as a way out.
   */
  static Egress egress(NetworkModel model, ResourceId subnet) {
    Optional<ResourceId> table = model.routeTableOf(subnet);
    if (table.isEmpty()) {
      boolean mainTableMayHaveRoutes =
          model.routes().stream()
              .anyMatch(r -> resolve(model, r.routeTable(), ResourceTypes.ROUTE_TABLE).isEmpty());
      return mainTableMayHaveRoutes
          ? Egress.MAYBE
          : new Egress(true, "which uses the VPC's main route table, with only the local route");
    }
    if (resolve(model, table.get(), ResourceTypes.ROUTE_TABLE).isEmpty()) {
      return Egress.MAYBE;
    }
    Route blocked = null;
    for (Route r : model.routes(table.get())) {
      if (r.target().kind() == RouteTarget.Kind.INTERNET_GATEWAY) {
        return Egress.MAYBE;
      }
      boolean maybeDefault = r.isIpv4Default() || !LITERAL_CIDR.matcher(r.destination()).matches();
      if (maybeDefault && !NO_INTERNET.contains(r.target().kind())) {
        return Egress.MAYBE;
      }
      if (r.isIpv4Default() && blocked == null) {
        blocked = r;
      }
    }
    String name = table.get().logicalId();
    if (blocked == null) {
      return new Egress(true, "whose route table " + name + " has no 0.0.0.0/0 route");
    }
    return new Egress(
        true,
        "whose route table "
            + name
            + " sends 0.0.0.0/0 to "
            + describe(model, blocked.target())
            + " (route "
            + blocked.resource().logicalId()
            + ")");
  }

  /** A route target for messages: {@code NAT gateway NatGatewayA}, {@code instance NatInstance}. */
  static String describe(NetworkModel model, RouteTarget target) {
    String kind =
        switch (target.kind()) {
          case INTERNET_GATEWAY -> "internet gateway";
          case EGRESS_ONLY_INTERNET_GATEWAY -> "egress-only internet gateway";
          case VPN_GATEWAY -> "virtual private gateway";
          case NAT_GATEWAY -> "NAT gateway";
          case INSTANCE -> "instance";
          case NETWORK_INTERFACE -> "network interface";
          case VPC_PEERING_CONNECTION -> "peering connection";
          case TRANSIT_GATEWAY -> "transit gateway";
          case VPC_ENDPOINT -> "VPC endpoint";
          case LOCAL -> "local";
          case NONE -> "no target";
          default -> "gateway";
        };
    if (target.kind() == RouteTarget.Kind.LOCAL || target.kind() == RouteTarget.Kind.NONE) {
      return kind;
    }
    String name =
        target.resource() != null
            ? target.resource().logicalId()
            : target.value() == null ? "?" : target.value().render();
    return kind + " " + name;
  }
}
