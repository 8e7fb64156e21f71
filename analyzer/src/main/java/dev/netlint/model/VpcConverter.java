package dev.netlint.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code AWS::EC2::VPC}, {@code AWS::EC2::VPCCidrBlock}, {@code AWS::EC2::Subnet} and {@code
 * AWS::EC2::PrefixList} into {@link Vpc}s, {@link Subnet}s and prefix-list CIDRs, and decides what
 * CIDR a value stands for: a literal, a VPC's or subnet's {@code CidrBlock} attribute, or block
 * {@code i} of {@code Fn::Cidr} over such an attribute, which the resolver leaves as a typed {@link
 * Value.Symbolic.CidrBlock} for the model to finish.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnet.html">AWS::EC2::Subnet</a>.
 */
final class VpcConverter {
  /** How many attribute and {@code Fn::Cidr} hops a CIDR is followed through. */
  private static final int MAX_DEPTH = 4;

  private final ModelIndex index;
  private final NetworkModel model;

  VpcConverter(ModelIndex index) {
    this.index = index;
    this.model = index.model;
  }

  void convert() {
    convertVpcs();
    for (Resource r : model.resourcesOfType(ResourceTypes.SUBNET)) {
      Value block = r.property("CidrBlock");
      Boolean mapPublic = ModelIndex.bool(r.property("MapPublicIpOnLaunch"), Boolean.FALSE);
      index.subnets.put(
          r.id(),
          new Subnet(
              r,
              index.vpcId(r.property("VpcId")),
              block,
              block == null ? null : cidrOf(block, r.id().stack()),
              Boolean.TRUE.equals(mapPublic),
              mapPublic,
              r.property("VpcId")));
    }
    convertPrefixLists();
  }

  /** A CIDR value resolved as far as the model allows. */
  @Nullable Cidr cidrOf(Value value, String stack) {
    return cidrOf(value, stack, 0);
  }

  private @Nullable Cidr cidrOf(Value value, String stack, int depth) {
    if (depth > MAX_DEPTH) {
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
    if (value instanceof Value.Symbolic s
        && s.computation() instanceof Value.Symbolic.CidrBlock selected
        && selected.blocks().ipBlock() instanceof Value.Attribute a
        && a.attribute().equals("CidrBlock")) {
      // The block of any resource the attribute names, as Fn::Cidr would take it at deploy.
      Value block = model.resource(a.target()).map(r -> r.property("CidrBlock")).orElse(null);
      Cidr base = block == null ? null : cidrOf(block, stack, depth + 1);
      if (base != null) {
        return base.subnet(
                selected.index(), selected.blocks().count(), selected.blocks().cidrBits())
            .orElse(null);
      }
    }
    return null;
  }

  private void convertVpcs() {
    Map<ResourceId, List<Value>> extra = new LinkedHashMap<>();
    Set<ResourceId> unknownExtra = new HashSet<>();
    for (Resource r : model.resourcesOfType(ResourceTypes.VPC_CIDR_BLOCK)) {
      ResourceId vpc = index.vpcId(r.property("VpcId"));
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
      index.vpcs.put(
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

  private void convertPrefixLists() {
    for (Resource r : model.resourcesOfType(ResourceTypes.PREFIX_LIST)) {
      List<Cidr> cidrs = new ArrayList<>();
      boolean known = r.property("Entries") instanceof Value.ListValue;
      for (Value entry : ModelIndex.items(r.property("Entries"))) {
        Value c = ModelIndex.get(entry, "Cidr");
        Cidr cidr = c == null ? null : cidrOf(c, r.id().stack());
        if (cidr == null) {
          known = false;
        } else {
          cidrs.add(cidr);
        }
      }
      if (known) {
        index.prefixLists.put(r.id(), List.copyOf(cidrs));
      }
    }
  }
}
