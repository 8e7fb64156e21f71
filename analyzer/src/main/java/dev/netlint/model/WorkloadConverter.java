package dev.netlint.model;

import static dev.netlint.model.ModelIndex.get;
import static dev.netlint.model.ModelIndex.integer;
import static dev.netlint.model.ModelIndex.items;
import static dev.netlint.model.ModelIndex.text;

import dev.netlint.model.NetworkAttachment.PublicIp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads the resources that hold network interfaces into {@link Workload}s with the subnets and
 * security groups of each interface: network interfaces, instances (their {@code NetworkInterfaces}
 * in device-index order), NAT gateways, Auto Scaling groups (through the {@link Launch} decided
 * here once: launch template by ID or name, or launch configuration), Lambda functions, ECS
 * services and load balancers; and the network interfaces attached to instances with their device
 * index. Databases and caches are placed by {@link DatabaseConverter} with the same {@link
 * #attachment}.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html">Elastic
 * network interfaces</a>.
 */
final class WorkloadConverter {
  private final ModelIndex index;
  private final NetworkModel model;
  final Map<ResourceId, Launch> launches = new LinkedHashMap<>();
  final List<NetworkInterfaceAttachment> interfaceAttachments = new ArrayList<>();

  WorkloadConverter(ModelIndex index) {
    this.index = index;
    this.model = index.model;
  }

  void convert() {
    convertElasticIps();
    convertLaunches();
    convertInterfaceAttachments();
    for (Resource r : model.resourcesOfType(ResourceTypes.NETWORK_INTERFACE)) {
      PublicIp pub = index.withElasticIp.contains(r.id()) ? PublicIp.YES : PublicIp.NO;
      index.put(
          r,
          Workload.Kind.NETWORK_INTERFACE,
          List.of(
              attachment(
                  items(r.property("SubnetId")),
                  index.groups.groupRefs(r.property("GroupSet")),
                  true,
                  r.property("PrivateIpAddress"),
                  pub,
                  r.origin())),
          List.of(),
          ModelIndex.bool(r.property("SourceDestCheck"), Boolean.TRUE));
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.INSTANCE)) {
      index.put(
          r,
          Workload.Kind.INSTANCE,
          instanceAttachments(r),
          List.of(),
          ModelIndex.bool(r.property("SourceDestCheck"), Boolean.TRUE));
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.NAT_GATEWAY)) {
      NatGateway natGateway =
          Objects.requireNonNull(
              index.routing.natGateways.get(r.id()),
              "RouteConverter.convert() runs first and models every NAT gateway");
      boolean isPrivate = natGateway.isPrivate();
      index.put(
          r,
          Workload.Kind.NAT_GATEWAY,
          List.of(
              attachment(
                  items(r.property("SubnetId")),
                  List.of(),
                  false,
                  r.property("PrivateIpAddress"),
                  isPrivate ? PublicIp.NO : PublicIp.YES,
                  r.origin())),
          List.of(),
          Boolean.FALSE);
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.AUTO_SCALING_GROUP)) {
      index.put(
          r,
          Workload.Kind.AUTO_SCALING_GROUP,
          List.of(autoScalingAttachment(r)),
          List.of(),
          Boolean.TRUE);
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.LAMBDA_FUNCTION)) {
      Value vpc = r.property("VpcConfig");
      if (!(vpc instanceof Value.MapValue m) || m.get("SubnetIds") == null) {
        continue;
      }
      index.put(
          r,
          Workload.Kind.LAMBDA_FUNCTION,
          List.of(
              attachment(
                  items(m.get("SubnetIds")),
                  index.groups.groupRefs(m.get("SecurityGroupIds")),
                  true,
                  null,
                  PublicIp.NO,
                  vpc.origin())),
          List.of(),
          Boolean.TRUE);
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.ECS_SERVICE)) {
      Value aws = get(r.property("NetworkConfiguration"), "AwsvpcConfiguration");
      List<NetworkAttachment> attachments = new ArrayList<>();
      if (aws != null) {
        String assign = text(get(aws, "AssignPublicIp"));
        PublicIp pub =
            get(aws, "AssignPublicIp") == null
                ? PublicIp.NO
                : assign == null
                    ? PublicIp.UNKNOWN
                    : assign.equalsIgnoreCase("ENABLED") ? PublicIp.YES : PublicIp.NO;
        attachments.add(
            attachment(
                items(get(aws, "Subnets")),
                index.groups.groupRefs(get(aws, "SecurityGroups")),
                true,
                null,
                pub,
                aws.origin()));
      }
      index.put(r, Workload.Kind.ECS_SERVICE, attachments, List.of(), Boolean.TRUE);
    }
  }

  void convertLoadBalancers() {
    for (Resource r : model.resourcesOfType(ResourceTypes.LOAD_BALANCER)) {
      List<Value> subnetValues = new ArrayList<>(items(r.property("Subnets")));
      for (Value mapping : items(r.property("SubnetMappings"))) {
        Value s = get(mapping, "SubnetId");
        if (s != null) {
          subnetValues.add(s);
        }
      }
      String type = Optional.ofNullable(text(r.property("Type"))).orElse("application");
      String scheme = text(r.property("Scheme"));
      PublicIp pub =
          r.property("Scheme") == null
              ? PublicIp.YES
              : scheme == null
                  ? PublicIp.UNKNOWN
                  : scheme.equalsIgnoreCase("internal") ? PublicIp.NO : PublicIp.YES;
      index.put(
          r,
          Workload.Kind.LOAD_BALANCER,
          List.of(
              attachment(
                  subnetValues,
                  index.groups.groupRefs(r.property("SecurityGroups")),
                  type.equalsIgnoreCase("application"),
                  null,
                  pub,
                  r.origin())),
          List.of(),
          Boolean.TRUE);
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.CLASSIC_LOAD_BALANCER)) {
      if (r.property("Subnets") == null) {
        continue;
      }
      String scheme = text(r.property("Scheme"));
      PublicIp pub =
          scheme != null && scheme.equalsIgnoreCase("internal") ? PublicIp.NO : PublicIp.YES;
      List<Integer> ports = new ArrayList<>();
      for (Value l : items(r.property("Listeners"))) {
        Integer p = integer(get(l, "LoadBalancerPort"));
        if (p != null) {
          ports.add(p);
        }
      }
      index.put(
          r,
          Workload.Kind.LOAD_BALANCER,
          List.of(
              attachment(
                  items(r.property("Subnets")),
                  index.groups.groupRefs(r.property("SecurityGroups")),
                  true,
                  null,
                  pub,
                  r.origin())),
          ports,
          Boolean.TRUE);
    }
  }

  private List<NetworkAttachment> instanceAttachments(Resource r) {
    boolean eip = index.withElasticIp.contains(r.id());
    List<Value> nics = new ArrayList<>(items(r.property("NetworkInterfaces")));
    if (nics.isEmpty()) {
      return List.of(
          attachment(
              items(r.property("SubnetId")),
              index.groups.groupRefs(r.property("SecurityGroupIds"), r.property("SecurityGroups")),
              true,
              r.property("PrivateIpAddress"),
              eip ? PublicIp.YES : PublicIp.SUBNET_DEFAULT,
              r.origin()));
    }
    nics.sort(
        Comparator.comparingInt(
            n -> {
              Integer index = integer(get(n, "DeviceIndex"));
              return index == null ? Integer.MAX_VALUE : index;
            }));
    List<NetworkAttachment> out = new ArrayList<>();
    for (int i = 0; i < nics.size(); i++) {
      Value nic = nics.get(i);
      boolean primary = i == 0;
      Value eniValue = get(nic, "NetworkInterfaceId");
      ResourceId eni = index.referenced(eniValue, ResourceTypes.NETWORK_INTERFACE);
      if (eni != null) {
        Resource e = model.resource(eni).orElseThrow();
        boolean public_ = index.withElasticIp.contains(eni) || (primary && eip);
        out.add(
            attachment(
                items(e.property("SubnetId")),
                index.groups.groupRefs(e.property("GroupSet")),
                true,
                e.property("PrivateIpAddress"),
                public_ ? PublicIp.YES : PublicIp.NO,
                nic.origin()));
        continue;
      }
      if (eniValue != null) {
        Value groups =
            new Value.Text(
                "the security groups of network interface " + eniValue.render(), nic.origin());
        out.add(
            attachment(
                List.of(eniValue),
                List.of(SecurityGroupConverter.symbolicGroup(groups)),
                false,
                null,
                PublicIp.UNKNOWN,
                nic.origin()));
        continue;
      }
      PublicIp pub =
          primary && eip
              ? PublicIp.YES
              : publicIp(
                  get(nic, "AssociatePublicIpAddress"),
                  primary ? PublicIp.SUBNET_DEFAULT : PublicIp.NO);
      out.add(
          attachment(
              items(get(nic, "SubnetId")),
              index.groups.groupRefs(get(nic, "GroupSet")),
              true,
              get(nic, "PrivateIpAddress"),
              pub,
              nic.origin()));
    }
    return out;
  }

  private NetworkAttachment autoScalingAttachment(Resource r) {
    List<Value> subnetValues = items(r.property("VPCZoneIdentifier"));
    Launch launch = launches.get(r.id());
    Value spec = launch == null ? null : launch.launchTemplateSpec();
    if (launch != null && spec != null) {
      Value idValue = launch.launchTemplateName();
      ResourceId lt = launch.launchTemplate();
      if (lt == null) {
        Value v =
            new Value.Text(
                "the security groups of launch template "
                    + (idValue == null ? "(not named)" : idValue.render()),
                spec.origin());
        return attachment(
            subnetValues,
            List.of(SecurityGroupConverter.symbolicGroup(v)),
            false,
            null,
            PublicIp.UNKNOWN,
            r.origin());
      }
      Value data = model.resource(lt).orElseThrow().property("LaunchTemplateData");
      List<SecurityGroupRef> groups =
          index.groups.groupRefs(get(data, "SecurityGroupIds"), get(data, "SecurityGroups"));
      PublicIp pub = PublicIp.SUBNET_DEFAULT;
      for (Value nic : items(get(data, "NetworkInterfaces"))) {
        Integer device = integer(get(nic, "DeviceIndex"));
        if (device == null || device == 0) {
          groups = groups.isEmpty() ? index.groups.groupRefs(get(nic, "Groups")) : groups;
          pub = publicIp(get(nic, "AssociatePublicIpAddress"), PublicIp.SUBNET_DEFAULT);
        }
      }
      return attachment(subnetValues, groups, true, null, pub, r.origin());
    }
    Value lcValue = launch == null ? null : launch.launchConfigurationName();
    ResourceId lc = launch == null ? null : launch.launchConfiguration();
    if (lc != null) {
      Resource c = model.resource(lc).orElseThrow();
      return attachment(
          subnetValues,
          index.groups.groupRefs(c.property("SecurityGroups")),
          true,
          null,
          publicIp(c.property("AssociatePublicIpAddress"), PublicIp.SUBNET_DEFAULT),
          r.origin());
    }
    Value v =
        new Value.Text(
            lcValue != null
                ? "the security groups of launch configuration " + lcValue.render()
                : "the security groups of its instances (no launch template or configuration)",
            r.origin());
    return attachment(
        subnetValues,
        List.of(SecurityGroupConverter.symbolicGroup(v)),
        false,
        null,
        PublicIp.UNKNOWN,
        r.origin());
  }

  private void convertElasticIps() {
    for (Resource r : model.resourcesOfType(ResourceTypes.EIP)) {
      model.referencedResource(r.property("InstanceId")).ifPresent(index.withElasticIp::add);
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.EIP_ASSOCIATION)) {
      model.referencedResource(r.property("InstanceId")).ifPresent(index.withElasticIp::add);
      model
          .referencedResource(r.property("NetworkInterfaceId"))
          .ifPresent(index.withElasticIp::add);
    }
  }

  /** The VPC of the first subnet of the model among {@code subnets}. */
  @Nullable ResourceId vpcOfSubnets(List<ResourceId> subnetIds) {
    for (ResourceId id : subnetIds) {
      Subnet s = index.subnets.get(id);
      if (s != null && s.vpc() != null) {
        return s.vpc();
      }
    }
    return null;
  }

  NetworkAttachment attachment(
      List<Value> subnetValues,
      List<SecurityGroupRef> groups,
      boolean defaultGroupWhenNone,
      @Nullable Value privateIp,
      PublicIp publicIp,
      Origin origin) {
    List<ResourceId> ids = new ArrayList<>();
    boolean known = !subnetValues.isEmpty();
    for (Value v : subnetValues) {
      ResourceId id = index.referenced(v, ResourceTypes.SUBNET);
      if (id == null) {
        known = false;
      } else if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    List<SecurityGroupRef> sgs = groups;
    if (sgs.isEmpty() && defaultGroupWhenNone) {
      ResourceId vpc = vpcOfSubnets(ids);
      sgs =
          List.of(
              vpc != null
                  ? SecurityGroupRef.vpcDefault(vpc, null)
                  : new SecurityGroupRef(
                      SecurityGroupRef.Kind.SYMBOLIC,
                      null,
                      null,
                      "symbolic the default security group of "
                          + (subnetValues.isEmpty()
                              ? "the default VPC"
                              : "the VPC of " + subnetValues.get(0).render())));
    }
    Cidr ip = null;
    if (privateIp != null) {
      ip =
          privateIp
              .literal()
              .flatMap(Cidr::parse)
              .filter(c -> !c.ipv6() && c.prefixLength() == 32)
              .orElse(null);
    }
    return new NetworkAttachment(subnetValues, ids, known, sgs, privateIp, ip, publicIp, origin);
  }

  static PublicIp publicIp(@Nullable Value associate, PublicIp otherwise) {
    if (associate == null) {
      return otherwise;
    }
    if (NetworkModel.isTrue(associate)) {
      return PublicIp.YES;
    }
    if (NetworkModel.isFalse(associate)) {
      return PublicIp.NO;
    }
    return PublicIp.UNKNOWN;
  }

  /**
   * The launch of every instance and Auto Scaling group: an instance's {@code LaunchTemplate}; a
   * group's {@code LaunchTemplate}, else its {@code MixedInstancesPolicy}'s, and its {@code
   * LaunchConfigurationName}. The template is named by {@code LaunchTemplateId}, else {@code
   * LaunchTemplateName}.
   */
  private void convertLaunches() {
    for (String type : List.of(ResourceTypes.INSTANCE, ResourceTypes.AUTO_SCALING_GROUP)) {
      boolean group = type.equals(ResourceTypes.AUTO_SCALING_GROUP);
      for (Resource r : model.resourcesOfType(type)) {
        Value spec = r.property("LaunchTemplate");
        if (spec == null && group) {
          spec =
              get(
                  get(r.property("MixedInstancesPolicy"), "LaunchTemplate"),
                  "LaunchTemplateSpecification");
        }
        Value name = get(spec, "LaunchTemplateId");
        if (name == null) {
          name = get(spec, "LaunchTemplateName");
        }
        Value configuration = group ? r.property("LaunchConfigurationName") : null;
        launches.put(
            r.id(),
            new Launch(
                r.id(),
                spec,
                name,
                get(spec, "Version"),
                index.referenced(name, ResourceTypes.LAUNCH_TEMPLATE),
                configuration,
                index.referenced(configuration, ResourceTypes.LAUNCH_CONFIGURATION)));
      }
    }
  }

  /**
   * The network interfaces attached to instances: by an instance's {@code
   * NetworkInterfaces[].NetworkInterfaceId}, in template order, then by {@code
   * AWS::EC2::NetworkInterfaceAttachment}s.
   */
  private void convertInterfaceAttachments() {
    for (Resource instance : model.resourcesOfType(ResourceTypes.INSTANCE)) {
      for (Value nic : items(instance.property("NetworkInterfaces"))) {
        if (nic instanceof Value.MapValue m) {
          model
              .referencedResource(m.get("NetworkInterfaceId"))
              .ifPresent(
                  eni ->
                      interfaceAttachments.add(
                          new NetworkInterfaceAttachment(
                              instance.id(), eni, deviceIndex(m.get("DeviceIndex")), m.origin())));
        }
      }
    }
    for (Resource a : model.resourcesOfType(ResourceTypes.NETWORK_INTERFACE_ATTACHMENT)) {
      Optional<ResourceId> instance = model.referencedResource(a.property("InstanceId"));
      Optional<ResourceId> eni = model.referencedResource(a.property("NetworkInterfaceId"));
      if (instance.isPresent() && eni.isPresent()) {
        interfaceAttachments.add(
            new NetworkInterfaceAttachment(
                instance.get(), eni.get(), deviceIndex(a.property("DeviceIndex")), a.origin()));
      }
    }
  }

  /** The property keys that name security groups, in any resource type. */
  private static final Set<String> GROUP_KEYS =
      Set.of(
          "SecurityGroupIds",
          "SecurityGroups",
          "VPCSecurityGroups",
          "VpcSecurityGroupIds",
          "GroupSet",
          "Groups");

  /** How deep {@link #securityGroupsOf} looks into the properties of a resource. */
  private static final int MAX_GROUP_DEPTH = 6;

  /** See {@link NetworkModel#securityGroupsOf}. */
  List<ResourceId> securityGroupsOf(ResourceId id) {
    Set<ResourceId> groups = new LinkedHashSet<>();
    Workload w = index.workloads.get(id);
    if (w != null) {
      for (NetworkAttachment a : w.interfaces()) {
        for (SecurityGroupRef g : a.securityGroups()) {
          if (g.kind() == SecurityGroupRef.Kind.RESOURCE && g.resource() != null) {
            groups.add(g.resource());
          }
        }
      }
    } else {
      model
          .resource(id)
          .ifPresent(r -> walk(new Value.MapValue(r.properties(), r.origin()), groups, 0));
    }
    return List.copyOf(groups);
  }

  /** The groups named under {@link #GROUP_KEYS} anywhere in a value, keys in sorted order. */
  private void walk(@Nullable Value v, Set<ResourceId> into, int depth) {
    if (depth > MAX_GROUP_DEPTH || v == null) {
      return;
    }
    if (v instanceof Value.MapValue m) {
      for (Map.Entry<String, Value> e : new TreeMap<>(m.entries()).entrySet()) {
        if (GROUP_KEYS.contains(e.getKey()) && e.getValue() instanceof Value.ListValue list) {
          for (Value g : list.items()) {
            ResourceId group = index.referenced(g, ResourceTypes.SECURITY_GROUP);
            if (group != null) {
              into.add(group);
            }
          }
        } else if (!e.getKey().equals("UserData") && !e.getKey().equals("Tags")) {
          walk(e.getValue(), into, depth + 1);
        }
      }
    } else if (v instanceof Value.ListValue l) {
      l.items().forEach(item -> walk(item, into, depth + 1));
    }
  }

  private static String deviceIndex(@Nullable Value v) {
    return v == null ? "" : v.literal().orElse("");
  }
}
