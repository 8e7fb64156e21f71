package dev.netlint.model;

import dev.netlint.model.NetworkAttachment.PublicIp;
import dev.netlint.model.SecurityGroupRule.Direction;
import dev.netlint.model.SecurityGroupRule.Peer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds the typed network records of a {@link NetworkModel} from its resources, once, in time
 * linear in the number of resources. Never throws on bad input: what cannot be read stays unknown.
 */
final class ModelIndex {
  /** What the resolver leaves for {@code Fn::Select(i, Fn::Cidr(Vpc.CidrBlock, n, bits))}. */
  private static final Pattern SELECT_CIDR =
      Pattern.compile(
          "Fn::Select\\((\\d{1,4}), Fn::Cidr\\(([A-Za-z0-9]+)\\.CidrBlock, (\\d{1,4}),"
              + " (\\d{1,3})\\)\\)");

  private static final Pattern SERVICE_NAME =
      Pattern.compile("^(?:com\\.amazonaws|aws\\.[a-z0-9-]+|cn\\.com\\.amazonaws)\\.[^.]+\\.(.+)$");

  private final NetworkModel model;
  final Map<ResourceId, Vpc> vpcs = new LinkedHashMap<>();
  final Map<ResourceId, Subnet> subnets = new LinkedHashMap<>();
  final Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
  final Map<ResourceId, NetworkAcl> networkAcls = new LinkedHashMap<>();
  final Map<ResourceId, Resource> networkAclAssociations = new LinkedHashMap<>();
  final Map<ResourceId, VpcEndpoint> endpoints = new LinkedHashMap<>();
  final Map<ResourceId, Workload> workloads = new LinkedHashMap<>();
  final Map<ResourceId, Listener> listeners = new LinkedHashMap<>();
  final Map<ResourceId, TargetGroup> targetGroups = new LinkedHashMap<>();
  final Map<ResourceId, List<Cidr>> prefixLists = new LinkedHashMap<>();
  private final Set<ResourceId> withElasticIp = new HashSet<>();

  ModelIndex(NetworkModel model) {
    this.model = model;
    indexVpcs();
    for (Resource r : model.resourcesOfType(ResourceTypes.SUBNET)) {
      Value block = r.property("CidrBlock");
      subnets.put(
          r.id(),
          new Subnet(
              r,
              vpcId(r.property("VpcId")),
              block,
              block == null ? null : cidrOf(block, r.id().stack()),
              NetworkModel.isTrue(r.property("MapPublicIpOnLaunch"))));
    }
    indexPrefixLists();
    indexSecurityGroups();
    indexNetworkAcls();
    indexElasticIps();
    indexWorkloads();
    indexEndpoints();
    indexLoadBalancing();
  }

  // ------------------------------------------------------------------ values

  /** A CIDR value resolved as far as the model allows. */
  @Nullable Cidr cidrOf(Value value, String stack) {
    return cidrOf(value, stack, 0);
  }

  private @Nullable Cidr cidrOf(Value value, String stack, int depth) {
    if (depth > 4) {
      return null;
    }
    Optional<String> literal = value.literal();
    if (literal.isPresent()) {
      return Cidr.parse(literal.get()).orElse(null);
    }
    if (value instanceof Value.Attribute a && a.attribute().equals("CidrBlock")) {
      Resource target = model.resource(a.target()).orElse(null);
      if (target != null
          && (target.type().equals(ResourceTypes.VPC)
              || target.type().equals(ResourceTypes.SUBNET))) {
        Value block = target.property("CidrBlock");
        return block == null ? null : cidrOf(block, target.id().stack(), depth + 1);
      }
      return null;
    }
    if (value instanceof Value.Symbolic s && s.kind() == Value.Symbolic.Kind.UNRESOLVED) {
      Matcher m = SELECT_CIDR.matcher(s.description());
      if (m.matches()) {
        Resource vpc = model.resource(new ResourceId(stack, m.group(2))).orElse(null);
        Value block = vpc == null ? null : vpc.property("CidrBlock");
        Cidr base = block == null ? null : cidrOf(block, stack, depth + 1);
        if (base != null) {
          return base.subnet(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(3)),
                  Integer.parseInt(m.group(4)))
              .orElse(null);
        }
      }
    }
    return null;
  }

  private @Nullable ResourceId referenced(@Nullable Value v, String type) {
    ResourceId id = model.referencedResource(v).orElse(null);
    if (id == null) {
      return null;
    }
    return model.resource(id).filter(r -> r.type().equals(type)).map(Resource::id).orElse(null);
  }

  private @Nullable ResourceId vpcId(@Nullable Value v) {
    return referenced(v, ResourceTypes.VPC);
  }

  private static List<Value> items(@Nullable Value v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof Value.ListValue l) {
      return l.items();
    }
    return List.of(v);
  }

  private static @Nullable Integer integer(@Nullable Value v) {
    return IpProtocol.integer(v);
  }

  private static @Nullable String text(@Nullable Value v) {
    return v == null ? null : v.literal().orElse(null);
  }

  private static @Nullable Value get(@Nullable Value map, String key) {
    return map instanceof Value.MapValue m ? m.get(key) : null;
  }

  /** The group a value names. */
  SecurityGroupRef groupRef(Value v) {
    ResourceId id = model.referencedResource(v).orElse(null);
    if (id != null) {
      Resource target = model.resource(id).orElse(null);
      if (target != null && target.type().equals(ResourceTypes.SECURITY_GROUP)) {
        return SecurityGroupRef.resource(id, v);
      }
      if (target != null
          && target.type().equals(ResourceTypes.VPC)
          && v instanceof Value.Attribute a
          && a.attribute().equals("DefaultSecurityGroup")) {
        return SecurityGroupRef.vpcDefault(id, v);
      }
      return symbolicGroup(v);
    }
    String literal = text(v);
    if (literal != null) {
      return new SecurityGroupRef(SecurityGroupRef.Kind.EXTERNAL, null, v, "id " + literal.trim());
    }
    return symbolicGroup(v);
  }

  private static SecurityGroupRef symbolicGroup(Value v) {
    return new SecurityGroupRef(SecurityGroupRef.Kind.SYMBOLIC, null, v, "symbolic " + v.render());
  }

  private List<SecurityGroupRef> groupRefs(@Nullable Value... values) {
    Set<SecurityGroupRef> refs = new LinkedHashSet<>();
    for (Value value : values) {
      for (Value item : items(value)) {
        refs.add(groupRef(item));
      }
    }
    return new ArrayList<>(refs);
  }

  // ------------------------------------------------------------------ VPCs, prefix lists

  private void indexVpcs() {
    Map<ResourceId, List<Value>> extra = new LinkedHashMap<>();
    Set<ResourceId> unknownExtra = new HashSet<>();
    for (Resource r : model.resourcesOfType(ResourceTypes.VPC_CIDR_BLOCK)) {
      ResourceId vpc = vpcId(r.property("VpcId"));
      if (vpc == null) {
        continue;
      }
      Value block = r.property("CidrBlock");
      if (block != null) {
        extra.computeIfAbsent(vpc, k -> new ArrayList<>()).add(block);
      } else if (r.property("Ipv4IpamPoolId") != null) {
        unknownExtra.add(vpc);
      }
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.VPC)) {
      List<Value> blocks = new ArrayList<>();
      boolean known = true;
      Value primary = r.property("CidrBlock");
      if (primary != null) {
        blocks.add(primary);
      } else {
        known = false;
      }
      blocks.addAll(extra.getOrDefault(r.id(), List.of()));
      known &= !unknownExtra.contains(r.id());
      List<Cidr> cidrs = new ArrayList<>();
      for (Value b : blocks) {
        Cidr c = cidrOf(b, r.id().stack());
        if (c == null || c.ipv6()) {
          known = false;
        } else {
          cidrs.add(c);
        }
      }
      vpcs.put(
          r.id(),
          new Vpc(
              r,
              blocks,
              cidrs,
              known,
              !NetworkModel.isFalse(r.property("EnableDnsSupport")),
              NetworkModel.isTrue(r.property("EnableDnsHostnames"))));
    }
  }

  private void indexPrefixLists() {
    for (Resource r : model.resourcesOfType(ResourceTypes.PREFIX_LIST)) {
      List<Cidr> cidrs = new ArrayList<>();
      boolean known = r.property("Entries") instanceof Value.ListValue;
      for (Value entry : items(r.property("Entries"))) {
        Value c = get(entry, "Cidr");
        Cidr cidr = c == null ? null : cidrOf(c, r.id().stack());
        if (cidr == null) {
          known = false;
        } else {
          cidrs.add(cidr);
        }
      }
      if (known) {
        prefixLists.put(r.id(), List.copyOf(cidrs));
      }
    }
  }

  // ------------------------------------------------------------------ security groups

  private void indexSecurityGroups() {
    Map<String, List<SecurityGroupRule>> ingress = new LinkedHashMap<>();
    Map<String, List<SecurityGroupRule>> egress = new LinkedHashMap<>();
    Map<String, Boolean> inlineEgress = new LinkedHashMap<>();
    Map<String, Resource> owners = new LinkedHashMap<>();
    Map<String, SecurityGroupRef> refs = new LinkedHashMap<>();
    Map<String, ResourceId> vpcOf = new LinkedHashMap<>();

    Set<ResourceId> restricted = new HashSet<>();
    for (Resource r : model.resourcesOfType(ResourceTypes.CDK_RESTRICT_DEFAULT_SG)) {
      Value v = r.property("DefaultSecurityGroupId");
      if (v != null) {
        SecurityGroupRef ref = groupRef(v);
        if (ref.kind() == SecurityGroupRef.Kind.VPC_DEFAULT && ref.resource() != null) {
          restricted.add(ref.resource());
        }
      }
    }
    for (Vpc vpc : vpcs.values()) {
      SecurityGroupRef ref = SecurityGroupRef.vpcDefault(vpc.id(), null);
      owners.put(ref.key(), vpc.resource());
      refs.put(ref.key(), ref);
      vpcOf.put(ref.key(), vpc.id());
      List<SecurityGroupRule> in = new ArrayList<>();
      if (!restricted.contains(vpc.id())) {
        in.add(
            new SecurityGroupRule(
                ref,
                Direction.INGRESS,
                IpProtocol.ALL,
                -1,
                -1,
                true,
                new Peer.Group(ref),
                "the default rule: all traffic from members of the group",
                vpc.resource(),
                vpc.resource().origin()));
      } else {
        // The custom resource revokes the default egress rule too: only an explicit rule remains.
        inlineEgress.put(ref.key(), true);
      }
      ingress.put(ref.key(), in);
      egress.put(ref.key(), new ArrayList<>());
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.SECURITY_GROUP)) {
      SecurityGroupRef ref = SecurityGroupRef.resource(r.id(), null);
      owners.put(ref.key(), r);
      refs.put(ref.key(), ref);
      ResourceId vpc = vpcId(r.property("VpcId"));
      if (vpc != null) {
        vpcOf.put(ref.key(), vpc);
      }
      List<SecurityGroupRule> in = new ArrayList<>();
      for (Value rule : items(r.property("SecurityGroupIngress"))) {
        in.add(rule(ref, Direction.INGRESS, rule, r, rule.origin()));
      }
      List<SecurityGroupRule> out = new ArrayList<>();
      for (Value rule : items(r.property("SecurityGroupEgress"))) {
        out.add(rule(ref, Direction.EGRESS, rule, r, rule.origin()));
      }
      ingress.put(ref.key(), in);
      egress.put(ref.key(), out);
      inlineEgress.put(ref.key(), !out.isEmpty());
    }
    for (String type :
        List.of(ResourceTypes.SECURITY_GROUP_INGRESS, ResourceTypes.SECURITY_GROUP_EGRESS)) {
      Direction direction =
          type.equals(ResourceTypes.SECURITY_GROUP_INGRESS) ? Direction.INGRESS : Direction.EGRESS;
      for (Resource r : model.resourcesOfType(type)) {
        Value groupValue = r.property("GroupId");
        if (groupValue == null) {
          groupValue = r.property("GroupName");
        }
        if (groupValue == null) {
          continue;
        }
        SecurityGroupRef ref = groupRef(groupValue);
        if (!owners.containsKey(ref.key())) {
          continue;
        }
        Value props = new Value.MapValue(r.properties(), r.origin());
        SecurityGroupRule rule = rule(refs.get(ref.key()), direction, props, r, r.origin());
        (direction == Direction.INGRESS ? ingress : egress).get(ref.key()).add(rule);
      }
    }
    for (Map.Entry<String, Resource> e : owners.entrySet()) {
      String key = e.getKey();
      securityGroups.put(
          key,
          new SecurityGroup(
              refs.get(key),
              e.getValue(),
              vpcOf.get(key),
              ingress.get(key),
              egress.get(key),
              !inlineEgress.getOrDefault(key, false)));
    }
  }

  private SecurityGroupRule rule(
      SecurityGroupRef group, Direction direction, Value rule, Resource declaredBy, Origin origin) {
    int protocol = IpProtocol.parse(get(rule, "IpProtocol"));
    Value from = get(rule, "FromPort");
    Value to = get(rule, "ToPort");
    Integer f = integer(from);
    Integer t = integer(to);
    boolean portsKnown = (from == null || f != null) && (to == null || t != null);
    Peer peer = peer(rule, direction, declaredBy.id().stack());
    Value description = get(rule, "Description");
    return new SecurityGroupRule(
        group,
        direction,
        protocol,
        f == null ? -1 : f,
        t == null ? -1 : t,
        portsKnown,
        peer,
        description == null ? null : description.render(),
        declaredBy,
        origin);
  }

  private Peer peer(Value rule, Direction direction, String stack) {
    for (String key : List.of("CidrIp", "CidrIpv6")) {
      Value v = get(rule, key);
      if (v != null) {
        return new Peer.CidrBlock(v, cidrOf(v, stack));
      }
    }
    List<String> groupKeys =
        direction == Direction.INGRESS
            ? List.of("SourceSecurityGroupId", "SourceSecurityGroupName")
            : List.of("DestinationSecurityGroupId");
    for (String key : groupKeys) {
      Value v = get(rule, key);
      if (v != null) {
        return new Peer.Group(groupRef(v));
      }
    }
    Value pl =
        get(
            rule,
            direction == Direction.INGRESS ? "SourcePrefixListId" : "DestinationPrefixListId");
    if (pl != null) {
      return new Peer.PrefixList(pl, referenced(pl, ResourceTypes.PREFIX_LIST));
    }
    return new Peer.Missing();
  }

  // ------------------------------------------------------------------ network ACLs

  private void indexNetworkAcls() {
    Map<ResourceId, List<NetworkAclEntry>> entries = new LinkedHashMap<>();
    for (Resource r : model.resourcesOfType(ResourceTypes.NETWORK_ACL_ENTRY)) {
      ResourceId acl = referenced(r.property("NetworkAclId"), ResourceTypes.NETWORK_ACL);
      if (acl == null) {
        continue;
      }
      NetworkAclEntry e = entry(r, acl);
      entries.computeIfAbsent(acl, k -> new ArrayList<>()).add(e);
      Value egress = r.property("Egress");
      if (egress != null && egress.literal().isEmpty()) {
        // Which direction it filters is not known before deploy: it may decide either one.
        List<NetworkAclEntry> list = entries.get(acl);
        list.set(list.size() - 1, withAction(e, NetworkAclEntry.Action.UNKNOWN, false));
        list.add(withAction(e, NetworkAclEntry.Action.UNKNOWN, true));
      }
    }
    Comparator<NetworkAclEntry> order =
        Comparator.comparingInt(
            (NetworkAclEntry e) -> e.ruleNumber() < 0 ? Integer.MAX_VALUE : e.ruleNumber());
    for (Resource r : model.resourcesOfType(ResourceTypes.NETWORK_ACL)) {
      List<NetworkAclEntry> all = entries.getOrDefault(r.id(), List.of());
      List<NetworkAclEntry> in = new ArrayList<>();
      List<NetworkAclEntry> out = new ArrayList<>();
      for (NetworkAclEntry e : all) {
        (e.egress() ? out : in).add(e);
      }
      in.sort(order);
      out.sort(order);
      networkAcls.put(r.id(), new NetworkAcl(r, vpcId(r.property("VpcId")), in, out));
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.SUBNET_NETWORK_ACL_ASSOCIATION)) {
      ResourceId subnet = referenced(r.property("SubnetId"), ResourceTypes.SUBNET);
      if (subnet != null) {
        networkAclAssociations.put(subnet, r);
      }
    }
  }

  private static NetworkAclEntry withAction(
      NetworkAclEntry e, NetworkAclEntry.Action action, boolean egress) {
    return new NetworkAclEntry(
        e.resource(),
        e.networkAcl(),
        e.ruleNumber(),
        egress,
        action,
        e.protocol(),
        e.fromPort(),
        e.toPort(),
        e.icmpType(),
        e.icmpCode(),
        e.portsKnown(),
        e.cidrValue(),
        e.cidr());
  }

  private NetworkAclEntry entry(Resource r, ResourceId acl) {
    Integer number = integer(r.property("RuleNumber"));
    String action = text(r.property("RuleAction"));
    NetworkAclEntry.Action a;
    if (action == null) {
      a = NetworkAclEntry.Action.UNKNOWN;
    } else if (action.trim().equalsIgnoreCase("allow")) {
      a = NetworkAclEntry.Action.ALLOW;
    } else if (action.trim().equalsIgnoreCase("deny")) {
      a = NetworkAclEntry.Action.DENY;
    } else {
      a = NetworkAclEntry.Action.UNKNOWN;
    }
    Value egressValue = r.property("Egress");
    boolean egress = NetworkModel.isTrue(egressValue);
    Value range = r.property("PortRange");
    Value icmp = r.property("Icmp");
    Value from = get(range, "From");
    Value to = get(range, "To");
    Value type = get(icmp, "Type");
    Value code = get(icmp, "Code");
    boolean known = true;
    for (Value v : new Value[] {from, to, type, code}) {
      if (v != null && integer(v) == null) {
        known = false;
      }
    }
    Value cidrValue = r.property("CidrBlock");
    if (cidrValue == null) {
      cidrValue = r.property("Ipv6CidrBlock");
    }
    Integer f = integer(from);
    Integer t = integer(to);
    Integer ty = integer(type);
    Integer co = integer(code);
    return new NetworkAclEntry(
        r,
        acl,
        number == null ? -1 : number,
        egress,
        a,
        IpProtocol.parse(r.property("Protocol")),
        f == null ? -1 : f,
        t == null ? -1 : t,
        ty == null ? -1 : ty,
        co == null ? -1 : co,
        known,
        cidrValue,
        cidrValue == null ? null : cidrOf(cidrValue, r.id().stack()));
  }

  // ------------------------------------------------------------------ workloads

  private void indexElasticIps() {
    for (Resource r : model.resourcesOfType(ResourceTypes.EIP)) {
      model.referencedResource(r.property("InstanceId")).ifPresent(withElasticIp::add);
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.EIP_ASSOCIATION)) {
      model.referencedResource(r.property("InstanceId")).ifPresent(withElasticIp::add);
      model.referencedResource(r.property("NetworkInterfaceId")).ifPresent(withElasticIp::add);
    }
  }

  /** The VPC of the first subnet of the model among {@code subnets}. */
  private @Nullable ResourceId vpcOfSubnets(List<ResourceId> subnetIds) {
    for (ResourceId id : subnetIds) {
      Subnet s = subnets.get(id);
      if (s != null && s.vpc() != null) {
        return s.vpc();
      }
    }
    return null;
  }

  private NetworkAttachment attachment(
      List<Value> subnetValues,
      List<SecurityGroupRef> groups,
      boolean defaultGroupWhenNone,
      @Nullable Value privateIp,
      PublicIp publicIp,
      Origin origin) {
    List<ResourceId> ids = new ArrayList<>();
    boolean known = !subnetValues.isEmpty();
    for (Value v : subnetValues) {
      ResourceId id = referenced(v, ResourceTypes.SUBNET);
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

  private static PublicIp publicIp(@Nullable Value associate, PublicIp otherwise) {
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

  private static @Nullable Boolean sourceDestCheck(@Nullable Value v) {
    if (v == null || NetworkModel.isTrue(v)) {
      return Boolean.TRUE;
    }
    return NetworkModel.isFalse(v) ? Boolean.FALSE : null;
  }

  private void put(
      Resource r,
      Workload.Kind kind,
      List<NetworkAttachment> attachments,
      List<Integer> ports,
      @Nullable Boolean sdc) {
    workloads.put(
        r.id(), new Workload(r, kind, attachments, new ArrayList<>(new TreeSet<>(ports)), sdc));
  }

  private void indexWorkloads() {
    for (Resource r : model.resourcesOfType(ResourceTypes.NETWORK_INTERFACE)) {
      PublicIp pub = withElasticIp.contains(r.id()) ? PublicIp.YES : PublicIp.NO;
      put(
          r,
          Workload.Kind.NETWORK_INTERFACE,
          List.of(
              attachment(
                  items(r.property("SubnetId")),
                  groupRefs(r.property("GroupSet")),
                  true,
                  r.property("PrivateIpAddress"),
                  pub,
                  r.origin())),
          List.of(),
          sourceDestCheck(r.property("SourceDestCheck")));
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.INSTANCE)) {
      put(
          r,
          Workload.Kind.INSTANCE,
          instanceAttachments(r),
          List.of(),
          sourceDestCheck(r.property("SourceDestCheck")));
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.NAT_GATEWAY)) {
      String connectivity = text(r.property("ConnectivityType"));
      boolean isPrivate = connectivity != null && connectivity.equalsIgnoreCase("private");
      put(
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
      put(
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
      put(
          r,
          Workload.Kind.LAMBDA_FUNCTION,
          List.of(
              attachment(
                  items(m.get("SubnetIds")),
                  groupRefs(m.get("SecurityGroupIds")),
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
                groupRefs(get(aws, "SecurityGroups")),
                true,
                null,
                pub,
                aws.origin()));
      }
      put(r, Workload.Kind.ECS_SERVICE, attachments, List.of(), Boolean.TRUE);
    }
    indexDatabases();
    indexCaches();
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
      put(
          r,
          Workload.Kind.LOAD_BALANCER,
          List.of(
              attachment(
                  subnetValues,
                  groupRefs(r.property("SecurityGroups")),
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
      put(
          r,
          Workload.Kind.LOAD_BALANCER,
          List.of(
              attachment(
                  items(r.property("Subnets")),
                  groupRefs(r.property("SecurityGroups")),
                  true,
                  null,
                  pub,
                  r.origin())),
          ports,
          Boolean.TRUE);
    }
  }

  private List<NetworkAttachment> instanceAttachments(Resource r) {
    boolean eip = withElasticIp.contains(r.id());
    List<Value> nics = new ArrayList<>(items(r.property("NetworkInterfaces")));
    if (nics.isEmpty()) {
      return List.of(
          attachment(
              items(r.property("SubnetId")),
              groupRefs(r.property("SecurityGroupIds"), r.property("SecurityGroups")),
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
      ResourceId eni = referenced(eniValue, ResourceTypes.NETWORK_INTERFACE);
      if (eni != null) {
        Resource e = model.resource(eni).orElseThrow();
        boolean public_ = withElasticIp.contains(eni) || (primary && eip);
        out.add(
            attachment(
                items(e.property("SubnetId")),
                groupRefs(e.property("GroupSet")),
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
                List.of(symbolicGroup(groups)),
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
              groupRefs(get(nic, "GroupSet")),
              true,
              get(nic, "PrivateIpAddress"),
              pub,
              nic.origin()));
    }
    return out;
  }

  private NetworkAttachment autoScalingAttachment(Resource r) {
    List<Value> subnetValues = items(r.property("VPCZoneIdentifier"));
    Value spec = r.property("LaunchTemplate");
    if (spec == null) {
      spec =
          get(
              get(r.property("MixedInstancesPolicy"), "LaunchTemplate"),
              "LaunchTemplateSpecification");
    }
    if (spec != null) {
      Value idValue = get(spec, "LaunchTemplateId");
      if (idValue == null) {
        idValue = get(spec, "LaunchTemplateName");
      }
      ResourceId lt = referenced(idValue, ResourceTypes.LAUNCH_TEMPLATE);
      if (lt == null) {
        Value v =
            new Value.Text(
                "the security groups of launch template "
                    + (idValue == null ? "(not named)" : idValue.render()),
                spec.origin());
        return attachment(
            subnetValues, List.of(symbolicGroup(v)), false, null, PublicIp.UNKNOWN, r.origin());
      }
      Value data = model.resource(lt).orElseThrow().property("LaunchTemplateData");
      List<SecurityGroupRef> groups =
          groupRefs(get(data, "SecurityGroupIds"), get(data, "SecurityGroups"));
      PublicIp pub = PublicIp.SUBNET_DEFAULT;
      for (Value nic : items(get(data, "NetworkInterfaces"))) {
        Integer index = integer(get(nic, "DeviceIndex"));
        if (index == null || index == 0) {
          groups = groups.isEmpty() ? groupRefs(get(nic, "Groups")) : groups;
          pub = publicIp(get(nic, "AssociatePublicIpAddress"), PublicIp.SUBNET_DEFAULT);
        }
      }
      return attachment(subnetValues, groups, true, null, pub, r.origin());
    }
    Value lcValue = r.property("LaunchConfigurationName");
    ResourceId lc = referenced(lcValue, ResourceTypes.LAUNCH_CONFIGURATION);
    if (lc != null) {
      Resource c = model.resource(lc).orElseThrow();
      return attachment(
          subnetValues,
          groupRefs(c.property("SecurityGroups")),
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
        subnetValues, List.of(symbolicGroup(v)), false, null, PublicIp.UNKNOWN, r.origin());
  }

  /** The default port of a database engine, or null. */
  static @Nullable Integer databasePort(@Nullable String engine) {
    if (engine == null) {
      return null;
    }
    String e = engine.toLowerCase(Locale.ROOT);
    if (e.startsWith("aurora-postgresql") || e.startsWith("postgres")) {
      return 5432;
    }
    if (e.startsWith("aurora") || e.startsWith("mysql") || e.startsWith("mariadb")) {
      return 3306;
    }
    if (e.startsWith("sqlserver")) {
      return 1433;
    }
    if (e.startsWith("oracle")) {
      return 1521;
    }
    if (e.startsWith("db2")) {
      return 50000;
    }
    return null;
  }

  private List<Value> subnetGroupSubnets(@Nullable Value groupName, String type) {
    ResourceId group = referenced(groupName, type);
    if (group == null) {
      return groupName == null ? List.of() : List.of(groupName);
    }
    return items(model.resource(group).orElseThrow().property("SubnetIds"));
  }

  /**
   * Whether a database without {@code PubliclyAccessible} is public: RDS makes it public when its
   * subnets' VPC has an internet gateway attached, private otherwise; unknown when the subnets are
   * (a DB instance without a subnet group sits in the default VPC).
   */
  private PublicIp databaseDefaultPublicIp(List<Value> subnetValues) {
    List<ResourceId> ids = new ArrayList<>();
    for (Value v : subnetValues) {
      ResourceId id = referenced(v, ResourceTypes.SUBNET);
      if (id != null) {
        ids.add(id);
      }
    }
    ResourceId vpc = vpcOfSubnets(ids);
    if (vpc == null) {
      return PublicIp.UNKNOWN;
    }
    for (Resource a : model.resourcesOfType(ResourceTypes.VPC_GATEWAY_ATTACHMENT)) {
      if (vpc.equals(vpcId(a.property("VpcId"))) && a.property("InternetGatewayId") != null) {
        return PublicIp.YES;
      }
    }
    return PublicIp.NO;
  }

  private void indexDatabases() {
    for (Resource r : model.resourcesOfType(ResourceTypes.DB_CLUSTER)) {
      putDatabase(r, Workload.Kind.DB_CLUSTER, "VpcSecurityGroupIds");
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.DB_INSTANCE)) {
      ResourceId cluster = referenced(r.property("DBClusterIdentifier"), ResourceTypes.DB_CLUSTER);
      Workload c = cluster == null ? null : workloads.get(cluster);
      if (c != null) {
        List<NetworkAttachment> attachments = c.interfaces();
        if (r.property("PubliclyAccessible") != null && !attachments.isEmpty()) {
          NetworkAttachment a = attachments.get(0);
          attachments =
              List.of(
                  new NetworkAttachment(
                      a.subnets(),
                      a.subnetIds(),
                      a.subnetsKnown(),
                      a.securityGroups(),
                      null,
                      null,
                      publicIp(r.property("PubliclyAccessible"), a.publicIp()),
                      a.origin()));
        }
        put(r, Workload.Kind.DB_INSTANCE, attachments, c.ports(), Boolean.TRUE);
        continue;
      }
      putDatabase(r, Workload.Kind.DB_INSTANCE, "VPCSecurityGroups");
    }
  }

  /**
   * A database placed by its {@code DBSubnetGroupName}, with the security groups of {@code
   * groupsProperty} (clusters and instances spell it differently) and its port or its engine's
   * default port.
   */
  private void putDatabase(Resource r, Workload.Kind kind, String groupsProperty) {
    List<Value> subnets =
        subnetGroupSubnets(r.property("DBSubnetGroupName"), ResourceTypes.DB_SUBNET_GROUP);
    Integer port = integer(r.property("Port"));
    if (port == null && r.property("Port") == null) {
      port = databasePort(text(r.property("Engine")));
    }
    put(
        r,
        kind,
        List.of(
            attachment(
                subnets,
                groupRefs(r.property(groupsProperty)),
                true,
                null,
                publicIp(r.property("PubliclyAccessible"), databaseDefaultPublicIp(subnets)),
                r.origin())),
        port == null ? List.of() : List.of(port),
        Boolean.TRUE);
  }

  private void indexCaches() {
    for (String type :
        List.of(ResourceTypes.CACHE_CLUSTER, ResourceTypes.CACHE_REPLICATION_GROUP)) {
      boolean cluster = type.equals(ResourceTypes.CACHE_CLUSTER);
      for (Resource r : model.resourcesOfType(type)) {
        Integer port = integer(r.property("Port"));
        if (port == null && r.property("Port") == null) {
          String engine = text(r.property("Engine"));
          port =
              engine != null && engine.toLowerCase(Locale.ROOT).startsWith("memcached")
                  ? 11211
                  : engine == null && cluster ? null : 6379;
        }
        put(
            r,
            cluster ? Workload.Kind.CACHE_CLUSTER : Workload.Kind.REPLICATION_GROUP,
            List.of(
                attachment(
                    subnetGroupSubnets(
                        r.property("CacheSubnetGroupName"), ResourceTypes.CACHE_SUBNET_GROUP),
                    groupRefs(r.property(cluster ? "VpcSecurityGroupIds" : "SecurityGroupIds")),
                    true,
                    null,
                    PublicIp.NO,
                    r.origin())),
            port == null ? List.of() : List.of(port),
            Boolean.TRUE);
      }
    }
  }

  // ------------------------------------------------------------------ endpoints

  /** The service part of an endpoint service name, after the region. */
  static @Nullable String serviceOf(String rendered) {
    Matcher m = SERVICE_NAME.matcher(rendered.trim());
    return m.matches() ? m.group(1) : null;
  }

  private void indexEndpoints() {
    for (Resource r : model.resourcesOfType(ResourceTypes.VPC_ENDPOINT)) {
      Value typeValue = r.property("VpcEndpointType");
      String t = typeValue == null ? "Gateway" : text(typeValue);
      VpcEndpoint.Type type;
      if (t == null) {
        type = VpcEndpoint.Type.OTHER;
      } else if (t.equalsIgnoreCase("Interface")) {
        type = VpcEndpoint.Type.INTERFACE;
      } else if (t.equalsIgnoreCase("Gateway")) {
        type = VpcEndpoint.Type.GATEWAY;
      } else if (t.equalsIgnoreCase("GatewayLoadBalancer")) {
        type = VpcEndpoint.Type.GATEWAY_LOAD_BALANCER;
      } else {
        type = VpcEndpoint.Type.OTHER;
      }
      Value name = r.property("ServiceName");
      String service = name == null ? null : serviceOf(name.render());
      NetworkAttachment attachment = null;
      if (type == VpcEndpoint.Type.INTERFACE) {
        attachment =
            attachment(
                items(r.property("SubnetIds")),
                groupRefs(r.property("SecurityGroupIds")),
                true,
                null,
                PublicIp.NO,
                r.origin());
        put(r, Workload.Kind.VPC_ENDPOINT, List.of(attachment), List.of(443), Boolean.TRUE);
      }
      List<Value> tables = items(r.property("RouteTableIds"));
      List<ResourceId> tableIds = new ArrayList<>();
      for (Value v : tables) {
        ResourceId id = referenced(v, ResourceTypes.ROUTE_TABLE);
        if (id != null) {
          tableIds.add(id);
        }
      }
      endpoints.put(
          r.id(),
          new VpcEndpoint(
              r,
              vpcId(r.property("VpcId")),
              type,
              name,
              service,
              attachment,
              NetworkModel.isTrue(r.property("PrivateDnsEnabled")),
              tables,
              tableIds));
    }
  }

  // ------------------------------------------------------------------ load balancing

  private void indexLoadBalancing() {
    Map<ResourceId, List<TargetGroup.Target>> targets = new LinkedHashMap<>();
    for (Resource r : model.resourcesOfType(ResourceTypes.AUTO_SCALING_GROUP)) {
      for (Value arn : items(r.property("TargetGroupARNs"))) {
        ResourceId tg = referenced(arn, ResourceTypes.TARGET_GROUP);
        if (tg != null) {
          targets
              .computeIfAbsent(tg, k -> new ArrayList<>())
              .add(new TargetGroup.Target(arn, r.id(), null, arn.origin()));
        }
      }
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.ECS_SERVICE)) {
      for (Value lb : items(r.property("LoadBalancers"))) {
        Value arn = get(lb, "TargetGroupArn");
        ResourceId tg = referenced(arn, ResourceTypes.TARGET_GROUP);
        if (tg != null) {
          targets
              .computeIfAbsent(tg, k -> new ArrayList<>())
              .add(
                  new TargetGroup.Target(
                      lb, r.id(), integer(get(lb, "ContainerPort")), lb.origin()));
        }
      }
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.TARGET_GROUP)) {
      Integer port = integer(r.property("Port"));
      String type = Optional.ofNullable(text(r.property("TargetType"))).orElse("instance");
      List<TargetGroup.Target> list = new ArrayList<>();
      for (Value t : items(r.property("Targets"))) {
        Value id = get(t, "Id");
        if (id == null) {
          continue;
        }
        ResourceId w = model.referencedResource(id).filter(workloads::containsKey).orElse(null);
        Integer p = integer(get(t, "Port"));
        list.add(new TargetGroup.Target(id, w, p != null ? p : port, t.origin()));
      }
      for (TargetGroup.Target t : targets.getOrDefault(r.id(), List.of())) {
        list.add(
            new TargetGroup.Target(
                t.value(), t.workload(), t.port() != null ? t.port() : port, t.origin()));
      }
      Value hc = r.property("HealthCheckPort");
      String hcText = text(hc);
      boolean onTraffic = hc == null || (hcText != null && hcText.trim().equals("traffic-port"));
      targetGroups.put(
          r.id(),
          new TargetGroup(
              r,
              vpcId(r.property("VpcId")),
              port,
              text(r.property("Protocol")),
              type,
              onTraffic ? null : integer(hc),
              onTraffic,
              text(r.property("HealthCheckProtocol")),
              list));
    }
    Map<ResourceId, List<ResourceId>> ruleGroups = new LinkedHashMap<>();
    for (Resource r : model.resourcesOfType(ResourceTypes.LISTENER_RULE)) {
      ResourceId listener = referenced(r.property("ListenerArn"), ResourceTypes.LISTENER);
      if (listener != null) {
        ruleGroups
            .computeIfAbsent(listener, k -> new ArrayList<>())
            .addAll(forwardTargets(r.property("Actions")));
      }
    }
    Map<ResourceId, List<Integer>> lbPorts = new LinkedHashMap<>();
    for (Resource r : model.resourcesOfType(ResourceTypes.LISTENER)) {
      ResourceId lb = referenced(r.property("LoadBalancerArn"), ResourceTypes.LOAD_BALANCER);
      Integer port = integer(r.property("Port"));
      Set<ResourceId> groups = new LinkedHashSet<>(forwardTargets(r.property("DefaultActions")));
      groups.addAll(ruleGroups.getOrDefault(r.id(), List.of()));
      listeners.put(
          r.id(), new Listener(r, lb, port, text(r.property("Protocol")), new ArrayList<>(groups)));
      if (lb != null && port != null) {
        lbPorts.computeIfAbsent(lb, k -> new ArrayList<>()).add(port);
      }
    }
    lbPorts.forEach(
        (lb, ports) -> {
          Workload w = workloads.get(lb);
          if (w != null) {
            put(w.resource(), w.kind(), w.interfaces(), ports, w.sourceDestCheck());
          }
        });
  }

  private List<ResourceId> forwardTargets(@Nullable Value actions) {
    List<ResourceId> out = new ArrayList<>();
    for (Value action : items(actions)) {
      ResourceId tg = referenced(get(action, "TargetGroupArn"), ResourceTypes.TARGET_GROUP);
      if (tg != null) {
        out.add(tg);
      }
      for (Value weighted : items(get(get(action, "ForwardConfig"), "TargetGroups"))) {
        ResourceId w = referenced(get(weighted, "TargetGroupArn"), ResourceTypes.TARGET_GROUP);
        if (w != null) {
          out.add(w);
        }
      }
    }
    return out;
  }
}
