package dev.netlint.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The stacks analyzed together (one cloud assembly, or one template) and the network they declare,
 * in CloudFormation's own terms: which subnets a route table serves, the routes in it, the
 * workloads in a subnet, the user data of instances. Only active resources (whose {@code Condition}
 * is not false with default parameter values) take part.
 *
 * <p>A subnet with no {@code AWS::EC2::SubnetRouteTableAssociation} uses its VPC's main route
 * table, which CloudFormation cannot add routes to: it holds only the {@code local} route.
 *
 * <p>Typed records in CloudFormation's terms are built once with the model, in time linear in its
 * resources: {@link Vpc}s with their CIDR blocks, {@link Subnet}s, {@link SecurityGroup}s with
 * every rule that applies to them, {@link NetworkAcl}s with their entries and subnet associations,
 * {@link VpcEndpoint}s, {@link Workload}s with the subnets and security groups of their interfaces,
 * load balancer {@link Listener}s and {@link TargetGroup}s with their targets. Each topic has its
 * converter (see {@code ModelIndex}); they are the only readers of raw CloudFormation properties,
 * so that the graph, flow inference and rules read each fact where it is decided, once.
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html">Configure
 * route tables</a>.
 */
public final class NetworkModel {
  /** The workloads {@link #subnetsOfWorkload} and {@link #workloadsIn} place. */
  private static final Set<Workload.Kind> PLACED_KINDS =
      EnumSet.of(
          Workload.Kind.INSTANCE,
          Workload.Kind.NETWORK_INTERFACE,
          Workload.Kind.NAT_GATEWAY,
          Workload.Kind.LAMBDA_FUNCTION,
          Workload.Kind.AUTO_SCALING_GROUP,
          Workload.Kind.ECS_SERVICE);

  private final List<Stack> stacks;
  private final Map<ResourceId, Resource> resources = new LinkedHashMap<>();
  private final Map<String, List<Resource>> byType = new TreeMap<>();
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
   * The resource a value points at: {@code Ref} of a resource, or {@code Fn::GetAtt} of one (an
   * attribute such as {@code GroupId} or {@code AllocationId} names the resource too).
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
   * Every active route, in stack and template order, including routes in route tables outside the
   * model (a {@code RouteTableId} from a parameter or an import).
   */
  public List<Route> routes() {
    return Collections.unmodifiableList(index.routing.routes);
  }

  /** The routes of a route table, in stack and template order. */
  public List<Route> routes(ResourceId routeTable) {
    return index.routing.routesByTable.getOrDefault(routeTable, List.of());
  }

  /**
   * The route table explicitly associated with a subnet; empty when the subnet uses its VPC's main
   * route table.
   */
  public Optional<ResourceId> routeTableOf(ResourceId subnet) {
    return Optional.ofNullable(index.routing.tableBySubnet.get(subnet));
  }

  /** The subnets explicitly associated with a route table. */
  public List<ResourceId> subnetsOf(ResourceId routeTable) {
    return index.routing.subnetsByTable.getOrDefault(routeTable, List.of());
  }

  /** The VPC of a subnet, route table, security group or other resource with a {@code VpcId}. */
  public Optional<ResourceId> vpcOf(Resource resource) {
    return index.routing.vpcOf(resource);
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
   * What the user data of an instance, launch template or launch configuration does to the host's
   * network; empty when it has no user data.
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
    return index.groups.groupRef(value);
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
    return subnetNetworkAclAssociation(subnet).map(SubnetNetworkAclAssociation::resource);
  }

  /** The typed {@code AWS::EC2::SubnetNetworkAclAssociation} of a subnet (see above). */
  public Optional<SubnetNetworkAclAssociation> subnetNetworkAclAssociation(ResourceId subnet) {
    return Optional.ofNullable(index.networkAclAssociations.get(subnet));
  }

  /**
   * The network ACL associated with a subnet, when the association names one of the model (see
   * {@link #networkAclAssociation}).
   */
  public Optional<NetworkAcl> networkAclOf(ResourceId subnet) {
    return subnetNetworkAclAssociation(subnet)
        .map(SubnetNetworkAclAssociation::networkAcl)
        .flatMap(this::networkAcl);
  }

  /** The network ACL of the model an {@code AWS::EC2::NetworkAclEntry} belongs to. */
  public Optional<ResourceId> networkAclOfEntry(ResourceId entry) {
    return index.networkAcls.values().stream()
        .filter(
            acl ->
                acl.inbound().stream().anyMatch(e -> e.resource().id().equals(entry))
                    || acl.outbound().stream().anyMatch(e -> e.resource().id().equals(entry)))
        .map(acl -> acl.resource().id())
        .findFirst();
  }

  /**
   * The {@code AWS::EC2::SecurityGroup}s of the model a resource is placed in: for a workload, the
   * groups of its interfaces (the launch template or configuration of an instance or Auto Scaling
   * group included); for another resource that holds groups (a DocumentDB cluster, an EFS mount
   * target, an OpenSearch domain), those its properties name. Without repeats, in the order the
   * properties name them.
   */
  public List<ResourceId> securityGroupsOf(ResourceId resource) {
    return index.placement.securityGroupsOf(resource);
  }

  /** The database, cache or database proxy with this ID. */
  public Optional<DataStore> dataStore(ResourceId id) {
    return Optional.ofNullable(index.databases.dataStores.get(id));
  }

  /** The {@code AWS::SecretsManager::SecretTargetAttachment}s, in stack and template order. */
  public List<SecretTargetAttachment> secretTargetAttachments() {
    return Collections.unmodifiableList(index.databases.secretAttachments);
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

  /** The listener with this ID. */
  public Optional<Listener> listener(ResourceId id) {
    return Optional.ofNullable(index.listeners.get(id));
  }

  /** The listeners of a load balancer. */
  public List<Listener> listenersOf(ResourceId loadBalancer) {
    return index.listeners.values().stream()
        .filter(l -> loadBalancer.equals(l.loadBalancer()))
        .toList();
  }

  /** The Classic Load Balancer with this ID. */
  public Optional<ClassicLoadBalancer> classicLoadBalancer(ResourceId id) {
    return Optional.ofNullable(index.classicLoadBalancers.get(id));
  }

  /** The listener rules, in stack and template order. */
  public List<ListenerRule> listenerRules() {
    return Collections.unmodifiableList(index.listenerRules);
  }

  /** The ECS task definition with this ID. */
  public Optional<TaskDefinition> taskDefinition(ResourceId id) {
    return Optional.ofNullable(index.applications.taskDefinitions.get(id));
  }

  /** The ECS service with this ID. */
  public Optional<EcsService> ecsService(ResourceId id) {
    return Optional.ofNullable(index.applications.ecsServices.get(id));
  }

  /** The Lambda function with this ID. */
  public Optional<LambdaFunction> lambdaFunction(ResourceId id) {
    return Optional.ofNullable(index.applications.lambdaFunctions.get(id));
  }

  /** The load balancer registrations of the Auto Scaling group with this ID. */
  public Optional<AutoScalingGroup> autoScalingGroup(ResourceId id) {
    return Optional.ofNullable(index.applications.autoScalingGroups.get(id));
  }

  /** The instance profile with this ID. */
  public Optional<InstanceProfile> instanceProfile(ResourceId id) {
    return Optional.ofNullable(index.iam.instanceProfiles.get(id));
  }

  /** The IAM role with this ID. */
  public Optional<IamRole> iamRole(ResourceId id) {
    return Optional.ofNullable(index.iam.roles.get(id));
  }

  /** The IAM policy or managed policy with this ID. */
  public Optional<IamPolicy> iamPolicy(ResourceId id) {
    return Optional.ofNullable(index.iam.policies.get(id));
  }

  /** The IAM policies, then the managed policies, in stack and template order. */
  public List<IamPolicy> iamPolicies() {
    return List.copyOf(index.iam.policies.values());
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
   * A CIDR value as far as the model knows it: a literal, {@code Fn::GetAtt} of a VPC's or subnet's
   * {@code CidrBlock}, or {@code Fn::Select} of {@code Fn::Cidr} of a VPC's {@code CidrBlock}
   * attribute.
   *
   * @param stack the stack the value belongs to
   */
  public Optional<Cidr> cidrOf(Value value, String stack) {
    return Optional.ofNullable(index.addressing.cidrOf(value, stack));
  }

  /**
   * The service part of a VPC endpoint service name, after the region: {@code ssm} for {@code
   * com.amazonaws.${AWS::Region}.ssm}, {@code ecr.dkr} for {@code com.amazonaws.eu-west-1.ecr.dkr}.
   */
  public static Optional<String> endpointService(String serviceName) {
    return Optional.ofNullable(EndpointConverter.serviceOf(serviceName));
  }

  /** The literal {@code Tags} of a resource (key to value), in template order. */
  public static Map<String, String> tags(Resource resource) {
    return RouteConverter.tags(resource);
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
    if (subnet(subnet.id()).map(Subnet::mapPublicIpOnLaunch).orElse(false)) {
      return true;
    }
    return routeTableOf(subnet.id()).stream()
        .flatMap(t -> routes(t).stream())
        .anyMatch(r -> r.isIpv4Default() && r.target().kind() == RouteTarget.Kind.INTERNET_GATEWAY);
  }

  /**
   * The workloads placed in a subnet: instances (by {@code SubnetId} or their network interfaces),
   * network interfaces, NAT gateways, Lambda functions ({@code VpcConfig}), Auto Scaling groups
   * ({@code VPCZoneIdentifier}) and ECS services ({@code AwsvpcConfiguration}).
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

  /**
   * The subnets of the model a workload is placed in: those of its interfaces, for instances,
   * network interfaces, NAT gateways, Lambda functions, Auto Scaling groups and ECS services.
   */
  public List<ResourceId> subnetsOfWorkload(Resource r) {
    Workload w = index.workloads.get(r.id());
    if (w == null || !PLACED_KINDS.contains(w.kind())) {
      return List.of();
    }
    return w.subnetIds();
  }

  /**
   * The {@code AWS::EC2::VPCGatewayAttachment}s, in stack and template order.
   *
   * <p>See <a
   * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcgatewayattachment.html">AWS::EC2::VPCGatewayAttachment</a>.
   */
  public List<GatewayAttachment> gatewayAttachments() {
    return Collections.unmodifiableList(index.routing.gatewayAttachments);
  }

  /**
   * The gateway attachments whose {@code InternetGatewayId} names this internet gateway, in stack
   * and template order. An internet gateway carries traffic only for the VPC it is attached to.
   */
  public List<Resource> internetGatewayAttachments(ResourceId internetGateway) {
    return index.routing.gatewayAttachments.stream()
        .filter(a -> internetGateway.equals(a.internetGateway()))
        .map(GatewayAttachment::resource)
        .toList();
  }

  /** The {@code AWS::EC2::SubnetRouteTableAssociation}s, in stack and template order. */
  public List<SubnetRouteTableAssociation> subnetRouteTableAssociations() {
    return Collections.unmodifiableList(index.routing.associations);
  }

  /** The NAT gateway with this ID. */
  public Optional<NatGateway> natGateway(ResourceId id) {
    return Optional.ofNullable(index.routing.natGateways.get(id));
  }

  /**
   * How an instance or Auto Scaling group is launched (its launch template or launch
   * configuration); empty for other resources.
   */
  public Optional<Launch> launchOf(ResourceId workload) {
    return Optional.ofNullable(index.placement.launches.get(workload));
  }

  /**
   * The resources whose user data and instance profile a workload runs with: an instance itself,
   * then its launch template; an Auto Scaling group's launch template and launch configuration.
   */
  public List<Resource> launchSources(Resource workload) {
    List<Resource> sources = new ArrayList<>();
    if (workload.type().equals(ResourceTypes.INSTANCE)) {
      sources.add(workload);
    }
    launchOf(workload.id())
        .ifPresent(l -> l.templates().forEach(id -> resource(id).ifPresent(sources::add)));
    return sources;
  }

  /**
   * The AMI, operating system and platform of an instance, launch template or launch configuration;
   * empty for other resources.
   */
  public Optional<HostImage> hostImage(ResourceId host) {
    return index.hostImages.hostImage(host);
  }

  /**
   * The network interfaces attached to instances: by an instance's {@code NetworkInterfaces}, in
   * template order, then by {@code AWS::EC2::NetworkInterfaceAttachment}s.
   */
  public List<NetworkInterfaceAttachment> networkInterfaceAttachments() {
    return Collections.unmodifiableList(index.placement.interfaceAttachments);
  }

  /**
   * The network interfaces attached to an instance in the template: those named by {@code
   * NetworkInterfaces[].NetworkInterfaceId} and those an {@code
   * AWS::EC2::NetworkInterfaceAttachment} attaches, in that order without repeats. Interfaces the
   * instance creates from a {@code NetworkInterfaces} entry with a {@code SubnetId} have no
   * resource and are not listed.
   */
  public List<ResourceId> networkInterfacesOf(ResourceId instance) {
    if (resource(instance).filter(r -> r.type().equals(ResourceTypes.INSTANCE)).isEmpty()) {
      return List.of();
    }
    return index.placement.interfaceAttachments.stream()
        .filter(a -> a.instance().equals(instance))
        .map(NetworkInterfaceAttachment::networkInterface)
        .distinct()
        .toList();
  }

  /**
   * The instance a network interface is attached to in the template ({@code
   * NetworkInterfaces[].NetworkInterfaceId} of an instance, or an {@code
   * AWS::EC2::NetworkInterfaceAttachment}); empty when none is, or when it is attached at boot.
   */
  public Optional<ResourceId> instanceOfNetworkInterface(ResourceId networkInterface) {
    return index.placement.interfaceAttachments.stream()
        .filter(a -> a.networkInterface().equals(networkInterface))
        .map(NetworkInterfaceAttachment::instance)
        .filter(i -> resource(i).filter(r -> r.type().equals(ResourceTypes.INSTANCE)).isPresent())
        .findFirst();
  }

  /**
   * The resources CloudFormation creates before this one: those its {@code DependsOn} names (in its
   * own stack) and those its resolved properties point at with {@code Ref}, {@code Fn::GetAtt} or
   * {@code Fn::Sub}, possibly in other stacks of the cloud assembly, in that order without repeats.
   * A reference inside an {@code Fn::If} whose condition netlint cannot decide is not seen. Direct
   * dependencies only: callers walk them for the transitive ones.
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
}
