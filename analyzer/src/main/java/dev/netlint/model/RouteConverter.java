package dev.netlint.model;

import static dev.netlint.model.ModelIndex.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code AWS::EC2::Route}, {@code AWS::EC2::SubnetRouteTableAssociation}, {@code
 * AWS::EC2::VPCGatewayAttachment} and {@code AWS::EC2::NatGateway} into {@link Route}s with their
 * {@link RouteTarget}, the route table of each subnet, {@link GatewayAttachment}s and {@link
 * NatGateway}s, and reads what every resource says of its VPC and tags.
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html">Configure
 * route tables</a>.
 */
final class RouteConverter {
  private final ModelIndex index;
  private final NetworkModel model;
  final Map<ResourceId, List<Route>> routesByTable = new LinkedHashMap<>();
  final List<Route> routes = new ArrayList<>();
  final List<SubnetRouteTableAssociation> associations = new ArrayList<>();
  final Map<ResourceId, ResourceId> tableBySubnet = new LinkedHashMap<>();
  final Map<ResourceId, List<ResourceId>> subnetsByTable = new LinkedHashMap<>();
  final List<GatewayAttachment> gatewayAttachments = new ArrayList<>();
  final Map<ResourceId, NatGateway> natGateways = new LinkedHashMap<>();

  RouteConverter(ModelIndex index) {
    this.index = index;
    this.model = index.model;
  }

  void convert() {
    for (Resource r : model.resourcesOfType(ResourceTypes.SUBNET_ROUTE_TABLE_ASSOCIATION)) {
      Optional<ResourceId> subnet = model.referencedResource(r.property("SubnetId"));
      Optional<ResourceId> table = model.referencedResource(r.property("RouteTableId"));
      boolean tableInModel =
          model
              .referencedType(r.property("RouteTableId"))
              .filter(ResourceTypes.ROUTE_TABLE::equals)
              .isPresent();
      associations.add(
          new SubnetRouteTableAssociation(
              r, subnet.orElse(null), table.orElse(null), tableInModel));
      if (subnet.isPresent() && table.isPresent()) {
        tableBySubnet.put(subnet.get(), table.get());
        subnetsByTable.computeIfAbsent(table.get(), t -> new ArrayList<>()).add(subnet.get());
      }
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.ROUTE)) {
      Route route = route(r);
      routes.add(route);
      if (route.routeTable() != null) {
        routesByTable.computeIfAbsent(route.routeTable(), t -> new ArrayList<>()).add(route);
      }
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.VPC_GATEWAY_ATTACHMENT)) {
      Value igw = r.property("InternetGatewayId");
      gatewayAttachments.add(
          new GatewayAttachment(
              r,
              model.referencedResource(r.property("VpcId")).orElse(null),
              igw,
              model.referencedResource(igw).orElse(null)));
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.NAT_GATEWAY)) {
      Value connectivity = r.property("ConnectivityType");
      natGateways.put(
          r.id(),
          new NatGateway(
              r,
              index.referenced(r.property("SubnetId"), ResourceTypes.SUBNET),
              connectivity == null ? "public" : text(connectivity)));
    }
  }

  /** The resource a resource's {@code VpcId} names. */
  Optional<ResourceId> vpcOf(Resource resource) {
    return model.referencedResource(resource.property("VpcId"));
  }

  /** The literal {@code Tags} of a resource (key to value), in template order. */
  static Map<String, String> tags(Resource resource) {
    Map<String, String> tags = new LinkedHashMap<>();
    Value v = resource.property("Tags");
    if (v instanceof Value.ListValue list) {
      for (Value item : list.items()) {
        if (item instanceof Value.MapValue m) {
          Optional<String> key = Optional.ofNullable(m.get("Key")).flatMap(Value::literal);
          Value val = m.get("Value");
          if (key.isPresent() && val != null) {
            tags.put(key.get(), val.render());
          }
        }
      }
    } else if (v instanceof Value.MapValue m) {
      for (var e : m.entries().entrySet()) {
        tags.put(e.getKey(), e.getValue().render());
      }
    }
    return tags;
  }

  private Route route(Resource r) {
    ResourceId table = model.referencedResource(r.property("RouteTableId")).orElse(null);
    String destination = "";
    for (String key :
        List.of("DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId")) {
      Value v = r.property(key);
      if (v != null) {
        destination = v.render();
        break;
      }
    }
    return new Route(
        r,
        table,
        destination,
        target(r),
        r.property("RouteTableId"),
        r.property("DestinationCidrBlock"),
        r.property("DestinationIpv6CidrBlock"),
        r.property("DestinationPrefixListId"));
  }

  private RouteTarget target(Resource r) {
    record Prop(String name, RouteTarget.Kind kind) {}
    List<Prop> props =
        List.of(
            new Prop("GatewayId", RouteTarget.Kind.GATEWAY),
            new Prop("NatGatewayId", RouteTarget.Kind.NAT_GATEWAY),
            new Prop("InstanceId", RouteTarget.Kind.INSTANCE),
            new Prop("NetworkInterfaceId", RouteTarget.Kind.NETWORK_INTERFACE),
            new Prop("VpcPeeringConnectionId", RouteTarget.Kind.VPC_PEERING_CONNECTION),
            new Prop("TransitGatewayId", RouteTarget.Kind.TRANSIT_GATEWAY),
            new Prop("VpcEndpointId", RouteTarget.Kind.VPC_ENDPOINT),
            new Prop("EgressOnlyInternetGatewayId", RouteTarget.Kind.EGRESS_ONLY_INTERNET_GATEWAY),
            new Prop("CarrierGatewayId", RouteTarget.Kind.CARRIER_GATEWAY),
            new Prop("LocalGatewayId", RouteTarget.Kind.LOCAL_GATEWAY),
            new Prop("CoreNetworkArn", RouteTarget.Kind.CORE_NETWORK));
    for (Prop p : props) {
      Value v = r.property(p.name());
      if (v == null) {
        continue;
      }
      ResourceId id = model.referencedResource(v).orElse(null);
      RouteTarget.Kind kind = p.kind();
      if (kind == RouteTarget.Kind.GATEWAY) {
        kind = gatewayKind(v, id);
      }
      return new RouteTarget(kind, id, v);
    }
    return new RouteTarget(RouteTarget.Kind.NONE, null, null);
  }

  private RouteTarget.Kind gatewayKind(Value v, @Nullable ResourceId id) {
    if (id != null) {
      String type = model.resource(id).map(Resource::type).orElse("");
      return switch (type) {
        case ResourceTypes.INTERNET_GATEWAY -> RouteTarget.Kind.INTERNET_GATEWAY;
        case ResourceTypes.VPN_GATEWAY -> RouteTarget.Kind.VPN_GATEWAY;
        case ResourceTypes.VPC_ENDPOINT -> RouteTarget.Kind.VPC_ENDPOINT;
        default -> RouteTarget.Kind.GATEWAY;
      };
    }
    String text = v.literal().orElse("");
    if (text.equals("local")) {
      return RouteTarget.Kind.LOCAL;
    }
    if (text.startsWith("igw-")) {
      return RouteTarget.Kind.INTERNET_GATEWAY;
    }
    if (text.startsWith("vgw-")) {
      return RouteTarget.Kind.VPN_GATEWAY;
    }
    return RouteTarget.Kind.GATEWAY;
  }
}
