package dev.netlint.model;

import static dev.netlint.model.ModelIndex.get;
import static dev.netlint.model.ModelIndex.integer;
import static dev.netlint.model.ModelIndex.items;
import static dev.netlint.model.ModelIndex.text;

import dev.netlint.model.SecurityGroupRule.Direction;
import dev.netlint.model.SecurityGroupRule.Peer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code AWS::EC2::SecurityGroup}, {@code AWS::EC2::SecurityGroupIngress} and {@code
 * AWS::EC2::SecurityGroupEgress} (and the default group of each VPC, which the CDK's {@code
 * Custom::VpcRestrictDefaultSG} empties) into {@link SecurityGroup}s with every rule that applies
 * to them, and decides which group a value names.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html">AWS::EC2::SecurityGroup</a>.
 */
final class SecurityGroupConverter {
  private final ModelIndex index;
  private final NetworkModel model;

  SecurityGroupConverter(ModelIndex index) {
    this.index = index;
    this.model = index.model;
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

  static SecurityGroupRef symbolicGroup(Value v) {
    return new SecurityGroupRef(SecurityGroupRef.Kind.SYMBOLIC, null, v, "symbolic " + v.render());
  }

  List<SecurityGroupRef> groupRefs(@Nullable Value... values) {
    Set<SecurityGroupRef> refs = new LinkedHashSet<>();
    for (Value value : values) {
      for (Value item : items(value)) {
        refs.add(groupRef(item));
      }
    }
    return new ArrayList<>(refs);
  }

  void convert() {
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
    for (Vpc vpc : index.vpcs.values()) {
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
      ResourceId vpc = index.vpcId(r.property("VpcId"));
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
        SecurityGroupRef owned = refs.get(ref.key());
        List<SecurityGroupRule> rules =
            (direction == Direction.INGRESS ? ingress : egress).get(ref.key());
        if (owned == null || rules == null) {
          continue;
        }
        Value props = new Value.MapValue(r.properties(), r.origin());
        rules.add(rule(owned, direction, props, r, r.origin()));
      }
    }
    for (Map.Entry<String, Resource> e : owners.entrySet()) {
      String key = e.getKey();
      String why = "each owner above was put together with its reference and both rule lists";
      index.securityGroups.put(
          key,
          new SecurityGroup(
              Objects.requireNonNull(refs.get(key), why),
              e.getValue(),
              vpcOf.get(key),
              Objects.requireNonNull(ingress.get(key), why),
              Objects.requireNonNull(egress.get(key), why),
              !inlineEgress.getOrDefault(key, false),
              originOf(e.getValue().property("SecurityGroupIngress")),
              originOf(e.getValue().property("SecurityGroupEgress"))));
    }
  }

  private static @Nullable Origin originOf(@Nullable Value property) {
    return property == null ? null : property.origin();
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
        return new Peer.CidrBlock(v, index.addressing.cidrOf(v, stack));
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
      return new Peer.PrefixList(pl, index.referenced(pl, ResourceTypes.PREFIX_LIST));
    }
    return new Peer.Missing();
  }
}
