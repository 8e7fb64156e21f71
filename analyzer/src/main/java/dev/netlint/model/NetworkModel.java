package dev.netlint.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The stacks analyzed together (one cloud assembly, or one template) and the network they
 * declare, in CloudFormation's own terms: which subnets a route table serves, the routes in it,
 * the workloads in a subnet, the user data of instances. Only active resources (whose {@code
 * Condition} is not false with default parameter values) take part.
 *
 * <p>A subnet with no {@code AWS::EC2::SubnetRouteTableAssociation} uses its VPC's main route
 * table, which CloudFormation cannot add routes to: it holds only the {@code local} route.
 *
 * <p>Typed records in CloudFormation's terms are built once with the model, in time linear in its
 * resources: {@link Vpc}s with their CIDR blocks, {@link Subnet}s, {@link SecurityGroup}s with
 * every rule that applies to them, {@link NetworkAcl}s with their entries and subnet
 * associations, {@link VpcEndpoint}s, {@link Workload}s with the subnets and security groups of
 * their interfaces, load balancer {@link Listener}s and {@link TargetGroup}s with their targets.
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html">Configure
 * route tables</a>.
 */
public final class NetworkModel {
  private final List<Stack> stacks;
  private final Map<ResourceId, Resource> resources = new LinkedHashMap<>();
  private final Map<String, List<Resource>> byType = new TreeMap<>();
  private final Map<ResourceId, List<Route>> routesByTable = new LinkedHashMap<>();
  private final List<Route> allRoutes = new ArrayList<>();
  private final Map<ResourceId, ResourceId> tableBySubnet = new LinkedHashMap<>();
  private final Map<ResourceId, List<ResourceId>> subnetsByTable = new LinkedHashMap<>();
  private final Map<ResourceId, UserData> userData;
  private final Map<ResourceId, HostFacts> hostFacts;
  private final ModelIndex index;

  /**
   * Builds the model.
   *
   * @param stacks the stacks, in load order
   * @param userData the parsed user data of instances, launch templates and launch configurations
   * @param hostFacts what that user data does to the host's network, by the same owners
   */
  public NetworkModel(
      List<Stack> stacks,
      Map<ResourceId, UserData> userData,
      Map<ResourceId, HostFacts> hostFacts) {
    this.stacks = List.copyOf(stacks);
    this.userData = Collections.unmodifiableMap(new TreeMap<>(userData));
    this.hostFacts = Collections.unmodifiableMap(new TreeMap<>(hostFacts));
    for (Stack stack : stacks) {
      for (Resource r : stack.resources().values()) {
        if (r.active()) {
          resources.put(r.id(), r);
          byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
        }
      }
    }
    for (Resource r : resourcesOfType(ResourceTypes.SUBNET_ROUTE_TABLE_ASSOCIATION)) {
      Optional<ResourceId> subnet = referencedResource(r.property("SubnetId"));
      Optional<ResourceId> table = referencedResource(r.property("RouteTableId"));
      if (subnet.isPresent() && table.isPresent()) {
        tableBySubnet.put(subnet.get(), table.get());
        subnetsByTable.computeIfAbsent(table.get(), t -> new ArrayList<>()).add(subnet.get());
      }
    }
    for (Resource r : resourcesOfType(ResourceTypes.ROUTE)) {
      Route route = route(r);
      allRoutes.add(route);
      if (route.routeTable() != null) {
        routesByTable.computeIfAbsent(route.routeTable(), t -> new ArrayList<>()).add(route);
      }
    }
    index = new ModelIndex(this);
  }

  /** A model whose user data has not been read for host facts. */
  public NetworkModel(List<Stack> stacks, Map<ResourceId, UserData> userData) {
    this(stacks, userData, Map.of());
  }

  /** A model of stacks with no user data parsed. */
  public NetworkModel(List<Stack> stacks) {
    this(stacks, Map.of(), Map.of());
  }

  /** The stacks, in load order. */
  public List<Stack> stacks() {
    return stacks;
  }

  /** Every active resource, in stack and template order. */
  public List<Resource> resources() {
    return List.copyOf(resources.values());
  }

  /** The active resources of one type ({@code AWS::EC2::Subnet}), in stack and template order. */
  public List<Resource> resourcesOfType(String type) {
    return byType.getOrDefault(type, List.of());
  }

  /** The active resource with this ID. */
  public Optional<Resource> resource(ResourceId id) {
    return Optional.ofNullable(resources.get(id));
  }

  /**
   * The resource a value points at: {@code Ref} of a resource, or {@code Fn::GetAtt} of one
   * (an attribute such as {@code GroupId} or {@code AllocationId} names the resource too).
   */
  public Optional<ResourceId> referencedResource(@Nullable Value value) {
    if (value instanceof Value.ResourceRef r) {
      return Optional.of(r.target());
    }
    if (value instanceof Value.Attribute a) {
      return Optional.of(a.target());
    }
    return Optional.empty();
  }

  /** The type of the resource a value points at, when it is in the model. */
  public Optional<String> referencedType(@Nullable Value value) {
    return referencedResource(value).flatMap(this::resource).map(Resource::type);
  }

  /**
   * Every active route, in stack and template order, including routes in route tables outside
   * the model (a {@code RouteTableId} from a parameter or an import).
   */
  public List<Route> routes() {
    return Collections.unmodifiableList(allRoutes);
  }

  /** The routes of a route table, in stack and template order. */
  public List<Route> routes(ResourceId routeTable) {
    return routesByTable.getOrDefault(routeTable, List.of());
  }

  /**
   * The route table explicitly associated with a subnet; empty when the subnet uses its VPC's
   * main route table.
   */
  public Optional<ResourceId> routeTableOf(ResourceId subnet) {
    return Optional.ofNullable(tableBySubnet.get(subnet));
  }

  /** The subnets explicitly associated with a route table. */
  public List<ResourceId> subnetsOf(ResourceId routeTable) {
    return subnetsByTable.getOrDefault(routeTable, List.of());
  }

  /** The VPC of a subnet, route table, security group or other resource with a {@code VpcId}. */
  public Optional<ResourceId> vpcOf(Resource resource) {
    return referencedResource(resource.property("VpcId"));
  }

  /** The parsed user data of an instance, launch template or launch configuration. */
  public Optional<UserData> userData(ResourceId owner) {
    return Optional.ofNullable(userData.get(owner));
  }

  /** Every parsed user data, by owner. */
  public Map<ResourceId, UserData> allUserData() {
    return userData;
  }

  /**
   * What the user data of an instance, launch template or launch configuration does to the
   * host's network; empty when it has no user data.
   */
  public Optional<HostFacts> hostFacts(ResourceId owner) {
    return Optional.ofNullable(hostFacts.get(owner));
  }

  // ------------------------------------------------------------------ typed network records

  /** The VPCs, in stack and template order. */
  public List<Vpc> vpcs() {
    return List.copyOf(index.vpcs.values());
  }

  /** The VPC with this ID. */
  public Optional<Vpc> vpc(ResourceId id) {
    return Optional.ofNullable(index.vpcs.get(id));
  }

  /** The subnets, in stack and template order. */
  public List<Subnet> subnets() {
    return List.copyOf(index.subnets.values());
  }

  /** The subnet with this ID. */
  public Optional<Subnet> subnet(ResourceId id) {
    return Optional.ofNullable(index.subnets.get(id));
  }

  /**
   * Every security group with its rules: the default group of each VPC first, then the {@code
   * AWS::EC2::SecurityGroup} resources, in stack and template order.
   */
  public List<SecurityGroup> securityGroups() {
    return List.copyOf(index.securityGroups.values());
  }

  /** The security group a reference names, when the model knows it. */
  public Optional<SecurityGroup> securityGroup(SecurityGroupRef ref) {
    return Optional.ofNullable(index.securityGroups.get(ref.key()));
  }

  /**
   * The security group a value names ({@code Ref}/{@code Fn::GetAtt GroupId} of a group, {@code
   * Fn::GetAtt Vpc.DefaultSecurityGroup}, a literal ID, a parameter).
   */
  public SecurityGroupRef securityGroupRef(Value value) {
    return index.groupRef(value);
  }

  /** The network ACLs with their entries, in stack and template order. */
  public List<NetworkAcl> networkAcls() {
    return List.copyOf(index.networkAcls.values());
  }

  /** The network ACL with this ID. */
  public Optional<NetworkAcl> networkAcl(ResourceId id) {
    return Optional.ofNullable(index.networkAcls.get(id));
  }

  /**
   * The {@code AWS::EC2::SubnetNetworkAclAssociation} of a subnet; empty when the subnet uses its
   * VPC's default network ACL, which allows all traffic.
   */
  public Optional<Resource> networkAclAssociation(ResourceId subnet) {
    return Optional.ofNullable(index.networkAclAssociations.get(subnet));
  }

  /**
   * The network ACL associated with a subnet, when the association names one of the model (see
   * {@link #networkAclAssociation}).
   */
  public Optional<NetworkAcl> networkAclOf(ResourceId subnet) {
    return networkAclAssociation(subnet)
        .flatMap(a -> referencedResource(a.property("NetworkAclId")))
        .flatMap(this::networkAcl);
  }

  /** The VPC endpoints, in stack and template order. */
  public List<VpcEndpoint> vpcEndpoints() {
    return List.copyOf(index.endpoints.values());
  }

  /**
   * The workloads (resources that hold network interfaces), grouped by resource type as {@link
   * Workload.Kind} lists them and in template order within a type.
   */
  public List<Workload> workloads() {
    return List.copyOf(index.workloads.values());
  }

  /** The workload with this ID. */
  public Optional<Workload> workload(ResourceId id) {
    return Optional.ofNullable(index.workloads.get(id));
  }

  /** The load balancer listeners, in stack and template order. */
  public List<Listener> listeners() {
    return List.copyOf(index.listeners.values());
  }

  /** The listeners of a load balancer. */
  public List<Listener> listenersOf(ResourceId loadBalancer) {
    return index.listeners.values().stream()
        .filter(l -> loadBalancer.equals(l.loadBalancer()))
        .toList();
  }

  /** The target groups with their targets, in stack and template order. */
  public List<TargetGroup> targetGroups() {
    return List.copyOf(index.targetGroups.values());
  }

  /** The target group with this ID. */
  public Optional<TargetGroup> targetGroup(ResourceId id) {
    return Optional.ofNullable(index.targetGroups.get(id));
  }

  /** The CIDRs of an {@code AWS::EC2::PrefixList} of the model, when all are literal. */
  public Optional<List<Cidr>> prefixListCidrs(ResourceId prefixList) {
    return Optional.ofNullable(index.prefixLists.get(prefixList));
  }

  /**
   * A CIDR value as far as the model knows it: a literal, {@code Fn::GetAtt} of a VPC's or
   * subnet's {@code CidrBlock}, or {@code Fn::Select} of {@code Fn::Cidr} of a VPC's {@code
   * CidrBlock} attribute.
   *
   * @param stack the stack the value belongs to
   */
  public Optional<Cidr> cidrOf(Value value, String stack) {
    return Optional.ofNullable(index.cidrOf(value, stack));
  }

  /**
   * The service part of a VPC endpoint service name, after the region: {@code ssm} for {@code
   * com.amazonaws.${AWS::Region}.ssm}, {@code ecr.dkr} for {@code com.amazonaws.eu-west-1.ecr.dkr}.
   */
  public static Optional<String> endpointService(String serviceName) {
    return Optional.ofNullable(ModelIndex.serviceOf(serviceName));
  }

  /** The literal {@code Tags} of a resource (key to value), in template order. */
  public static Map<String, String> tags(Resource resource) {
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

  /**
   * True when a property is literally true ({@code true}, {@code "true"}, any case), as
   * CloudFormation reads booleans.
   */
  public static boolean isTrue(@Nullable Value value) {
    return value != null && value.literal().map(s -> s.equalsIgnoreCase("true")).orElse(false);
  }

  /** True when a property is literally false. */
  public static boolean isFalse(@Nullable Value value) {
    return value != null && value.literal().map(s -> s.equalsIgnoreCase("false")).orElse(false);
  }

  /**
   * True when the subnet is public: it maps public IPs on launch, or its route table sends {@code
   * 0.0.0.0/0} to an internet gateway.
   */
  public boolean isPublicSubnet(Resource subnet) {
    if (isTrue(subnet.property("MapPublicIpOnLaunch"))) {
      return true;
    }
    return routeTableOf(subnet.id()).stream()
        .flatMap(t -> routes(t).stream())
        .anyMatch(r -> r.isIpv4Default() && r.target().kind() == RouteTarget.Kind.INTERNET_GATEWAY);
  }

  /**
   * The workloads placed in a subnet: instances (by {@code SubnetId} or their network
   * interfaces), network interfaces, NAT gateways, Lambda functions ({@code VpcConfig}), Auto
   * Scaling groups ({@code VPCZoneIdentifier}) and ECS services ({@code AwsvpcConfiguration}).
   */
  public List<Resource> workloadsIn(ResourceId subnet) {
    List<Resource> found = new ArrayList<>();
    for (Resource r : resources.values()) {
      if (subnetsOfWorkload(r).contains(subnet)) {
        found.add(r);
      }
    }
    return found;
  }

  /** The subnets a workload is placed in, as far as the model knows. */
  public List<ResourceId> subnetsOfWorkload(Resource r) {
    List<ResourceId> subnets = new ArrayList<>();
    switch (r.type()) {
      case ResourceTypes.INSTANCE -> {
        referencedResource(r.property("SubnetId")).ifPresent(subnets::add);
        if (r.property("NetworkInterfaces") instanceof Value.ListValue nics) {
          for (Value nic : nics.items()) {
            if (nic instanceof Value.MapValue m) {
              referencedResource(m.get("SubnetId")).ifPresent(subnets::add);
              referencedResource(m.get("NetworkInterfaceId"))
                  .flatMap(this::resource)
                  .flatMap(eni -> referencedResource(eni.property("SubnetId")))
                  .ifPresent(subnets::add);
            }
          }
        }
      }
      case ResourceTypes.NETWORK_INTERFACE, ResourceTypes.NAT_GATEWAY ->
          referencedResource(r.property("SubnetId")).ifPresent(subnets::add);
      case ResourceTypes.LAMBDA_FUNCTION -> {
        if (r.property("VpcConfig") instanceof Value.MapValue vpc) {
          addAll(vpc.get("SubnetIds"), subnets);
        }
      }
      case ResourceTypes.AUTO_SCALING_GROUP -> addAll(r.property("VPCZoneIdentifier"), subnets);
      case ResourceTypes.ECS_SERVICE -> {
        if (r.property("NetworkConfiguration") instanceof Value.MapValue nc
            && nc.get("AwsvpcConfiguration") instanceof Value.MapValue aws) {
          addAll(aws.get("Subnets"), subnets);
        }
      }
      default -> {}
    }
    return subnets.stream().distinct().toList();
  }

  /**
   * The {@code AWS::EC2::VPCGatewayAttachment} resources whose {@code InternetGatewayId} names
   * this internet gateway, in stack and template order. An internet gateway carries traffic only
   * for the VPC it is attached to.
   *
   * <p>See <a
   * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcgatewayattachment.html">AWS::EC2::VPCGatewayAttachment</a>.
   */
  public List<Resource> internetGatewayAttachments(ResourceId internetGateway) {
    List<Resource> found = new ArrayList<>();
    for (Resource a : resourcesOfType(ResourceTypes.VPC_GATEWAY_ATTACHMENT)) {
      if (referencedResource(a.property("InternetGatewayId"))
          .filter(internetGateway::equals)
          .isPresent()) {
        found.add(a);
      }
    }
    return found;
  }

  /**
   * The network interfaces attached to an instance in the template: those named by {@code
   * NetworkInterfaces[].NetworkInterfaceId} and those an {@code
   * AWS::EC2::NetworkInterfaceAttachment} attaches, in that order without repeats. Interfaces the
   * instance creates from a {@code NetworkInterfaces} entry with a {@code SubnetId} have no
   * resource and are not listed.
   */
  public List<ResourceId> networkInterfacesOf(ResourceId instance) {
    List<ResourceId> found = new ArrayList<>();
    resource(instance)
        .filter(r -> r.type().equals(ResourceTypes.INSTANCE))
        .ifPresent(
            r -> {
              if (r.property("NetworkInterfaces") instanceof Value.ListValue nics) {
                for (Value nic : nics.items()) {
                  if (nic instanceof Value.MapValue m) {
                    referencedResource(m.get("NetworkInterfaceId")).ifPresent(found::add);
                  }
                }
              }
            });
    for (Resource a : resourcesOfType(ResourceTypes.NETWORK_INTERFACE_ATTACHMENT)) {
      if (referencedResource(a.property("InstanceId")).filter(instance::equals).isPresent()) {
        referencedResource(a.property("NetworkInterfaceId")).ifPresent(found::add);
      }
    }
    return found.stream().distinct().toList();
  }

  /**
   * The instance a network interface is attached to in the template ({@code
   * NetworkInterfaces[].NetworkInterfaceId} of an instance, or an {@code
   * AWS::EC2::NetworkInterfaceAttachment}); empty when none is, or when it is attached at boot.
   */
  public Optional<ResourceId> instanceOfNetworkInterface(ResourceId networkInterface) {
    for (Resource i : resourcesOfType(ResourceTypes.INSTANCE)) {
      if (networkInterfacesOf(i.id()).contains(networkInterface)) {
        return Optional.of(i.id());
      }
    }
    return Optional.empty();
  }

  /**
   * The resources CloudFormation creates before this one: those its {@code DependsOn} names
   * (in its own stack) and those its resolved properties point at with {@code Ref}, {@code
   * Fn::GetAtt} or {@code Fn::Sub}, possibly in other stacks of the cloud assembly, in that order
   * without repeats. A reference inside an {@code Fn::If} whose condition netlint cannot decide
   * is not seen. Direct dependencies only: callers walk them for the transitive ones.
   *
   * <p>See <a
   * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html">DependsOn
   * attribute</a>.
   */
  public List<ResourceId> dependencies(Resource resource) {
    List<ResourceId> found = new ArrayList<>();
    for (String name : resource.dependsOn()) {
      found.add(new ResourceId(resource.id().stack(), name));
    }
    for (Value v : resource.properties().values()) {
      collectReferences(v, found);
    }
    return found.stream().distinct().toList();
  }

  private static void collectReferences(Value value, List<ResourceId> into) {
    if (value instanceof Value.ResourceRef r) {
      into.add(r.target());
    } else if (value instanceof Value.Attribute a) {
      into.add(a.target());
    } else if (value instanceof Value.ListValue l) {
      l.items().forEach(v -> collectReferences(v, into));
    } else if (value instanceof Value.MapValue m) {
      m.entries().values().forEach(v -> collectReferences(v, into));
    } else if (value instanceof Value.Concat c) {
      c.parts().forEach(v -> collectReferences(v, into));
    }
  }

  private void addAll(@Nullable Value list, List<ResourceId> into) {
    if (list instanceof Value.ListValue l) {
      for (Value v : l.items()) {
        referencedResource(v).ifPresent(into::add);
      }
    }
  }

  private Route route(Resource r) {
    ResourceId table = referencedResource(r.property("RouteTableId")).orElse(null);
    String destination = "";
    for (String key :
        List.of("DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId")) {
      Value v = r.property(key);
      if (v != null) {
        destination = v.render();
        break;
      }
    }
    return new Route(r, table, destination, target(r));
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
      ResourceId id = referencedResource(v).orElse(null);
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
      String type = resource(id).map(Resource::type).orElse("");
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
