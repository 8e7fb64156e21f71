package dev.netlint.model;

import static dev.netlint.model.ModelIndex.get;
import static dev.netlint.model.ModelIndex.integer;
import static dev.netlint.model.ModelIndex.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code AWS::EC2::NetworkAcl}, {@code AWS::EC2::NetworkAclEntry} and {@code
 * AWS::EC2::SubnetNetworkAclAssociation} into {@link NetworkAcl}s with their entries in rule number
 * order, and the association of each subnet.
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html">Control
 * subnet traffic with network access control lists</a>.
 */
final class NetworkAclConverter {
  private final ModelIndex index;
  private final NetworkModel model;

  NetworkAclConverter(ModelIndex index) {
    this.index = index;
    this.model = index.model;
  }

  void convert() {
    Map<ResourceId, List<NetworkAclEntry>> entries = new LinkedHashMap<>();
    for (Resource r : model.resourcesOfType(ResourceTypes.NETWORK_ACL_ENTRY)) {
      ResourceId acl = index.referenced(r.property("NetworkAclId"), ResourceTypes.NETWORK_ACL);
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
      index.networkAcls.put(r.id(), new NetworkAcl(r, index.vpcId(r.property("VpcId")), in, out));
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.SUBNET_NETWORK_ACL_ASSOCIATION)) {
      ResourceId subnet = index.referenced(r.property("SubnetId"), ResourceTypes.SUBNET);
      if (subnet != null) {
        Value acl = r.property("NetworkAclId");
        index.networkAclAssociations.put(
            subnet,
            new SubnetNetworkAclAssociation(
                r, subnet, acl, model.referencedResource(acl).orElse(null)));
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
        cidrValue == null ? null : index.addressing.cidrOf(cidrValue, r.id().stack()));
  }
}
