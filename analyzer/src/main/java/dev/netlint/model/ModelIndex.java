package dev.netlint.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The typed network records of a {@link NetworkModel}, built once from its resources in time linear
 * in their number by the converters of each topic, in an order where each reads only what the
 * earlier ones built: {@link VpcConverter} (VPCs, subnets, prefix lists, CIDRs), {@link
 * RouteConverter} (route tables, routes, gateway attachments), {@link SecurityGroupConverter},
 * {@link NetworkAclConverter}, {@link WorkloadConverter} (workloads and their interfaces, launch
 * templates and launch configurations), {@link DatabaseConverter} (databases and caches), {@link
 * EndpointConverter} (VPC endpoints), {@link LoadBalancingConverter} (listeners, target groups) and
 * {@link HostImageConverter}. The converters are the only readers of raw CloudFormation properties;
 * what they share (how a value names a resource of a type, lists, literals) is here. Never throws
 * on bad input: what cannot be read stays unknown.
 */
final class ModelIndex {
  final NetworkModel model;
  final Map<ResourceId, Vpc> vpcs = new LinkedHashMap<>();
  final Map<ResourceId, Subnet> subnets = new LinkedHashMap<>();
  final Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
  final Map<ResourceId, NetworkAcl> networkAcls = new LinkedHashMap<>();
  final Map<ResourceId, SubnetNetworkAclAssociation> networkAclAssociations = new LinkedHashMap<>();
  final Map<ResourceId, VpcEndpoint> endpoints = new LinkedHashMap<>();
  final Map<ResourceId, Workload> workloads = new LinkedHashMap<>();
  final Map<ResourceId, Listener> listeners = new LinkedHashMap<>();
  final Map<ResourceId, TargetGroup> targetGroups = new LinkedHashMap<>();
  final Map<ResourceId, ClassicLoadBalancer> classicLoadBalancers = new LinkedHashMap<>();
  final List<ListenerRule> listenerRules = new ArrayList<>();
  final Map<ResourceId, List<Cidr>> prefixLists = new LinkedHashMap<>();
  final Set<ResourceId> withElasticIp = new HashSet<>();
  final RouteConverter routing;
  final VpcConverter addressing;
  final SecurityGroupConverter groups;
  final WorkloadConverter placement;
  final HostImageConverter hostImages;
  final DatabaseConverter databases;
  final ApplicationConverter applications;
  final IamConverter iam;

  ModelIndex(NetworkModel model) {
    this.model = model;
    addressing = new VpcConverter(this);
    routing = new RouteConverter(this);
    groups = new SecurityGroupConverter(this);
    placement = new WorkloadConverter(this);
    addressing.convert();
    routing.convert();
    groups.convert();
    new NetworkAclConverter(this).convert();
    placement.convert();
    databases = new DatabaseConverter(this);
    databases.convert();
    placement.convertLoadBalancers();
    new EndpointConverter(this).convert();
    new LoadBalancingConverter(this).convert();
    hostImages = new HostImageConverter(this);
    applications = new ApplicationConverter(this);
    applications.convert();
    iam = new IamConverter(this);
    iam.convert();
  }

  // ------------------------------------------------------------------ shared readers

  /** The resource of the model a value names, when it is of {@code type}; else null. */
  @Nullable ResourceId referenced(@Nullable Value v, String type) {
    ResourceId id = model.referencedResource(v).orElse(null);
    if (id == null) {
      return null;
    }
    return model.resource(id).filter(r -> r.type().equals(type)).map(Resource::id).orElse(null);
  }

  /** The VPC of the model a {@code VpcId} value names, else null. */
  @Nullable ResourceId vpcId(@Nullable Value v) {
    return referenced(v, ResourceTypes.VPC);
  }

  /** The items of a list value; a single value is a list of itself. */
  static List<Value> items(@Nullable Value v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof Value.ListValue l) {
      return l.items();
    }
    return List.of(v);
  }

  static @Nullable Integer integer(@Nullable Value v) {
    return IpProtocol.integer(v);
  }

  static @Nullable String text(@Nullable Value v) {
    return v == null ? null : v.literal().orElse(null);
  }

  /** A key of a map value, or null; {@code AWS::NoValue} is absent. */
  static @Nullable Value get(@Nullable Value map, String key) {
    Value v = map instanceof Value.MapValue m ? m.get(key) : null;
    return v instanceof Value.NoValue ? null : v;
  }

  /**
   * A boolean property: true or false when literal ({@code true}, {@code "False"}), {@code absent}
   * when it is not set, null when it is not known before deploy.
   */
  static @Nullable Boolean bool(@Nullable Value v, @Nullable Boolean absent) {
    if (v == null) {
      return absent;
    }
    if (NetworkModel.isTrue(v)) {
      return Boolean.TRUE;
    }
    return NetworkModel.isFalse(v) ? Boolean.FALSE : null;
  }

  /** Records a workload, its ports sorted without repeats. */
  void put(
      Resource r,
      Workload.Kind kind,
      List<NetworkAttachment> attachments,
      List<Integer> ports,
      @Nullable Boolean sdc) {
    Value sdcValue = r.property("SourceDestCheck");
    workloads.put(
        r.id(),
        new Workload(r, kind, attachments, new ArrayList<>(new TreeSet<>(ports)), sdc, sdcValue));
  }
}
