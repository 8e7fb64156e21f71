package dev.netlint.graph;

import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.Verdict;
import dev.netlint.graph.FilterEvaluator.FilterResult;
import dev.netlint.graph.FilterEvaluator.SplitFirst;
import dev.netlint.graph.FilterStep.AclTraffic;
import dev.netlint.model.NetworkAcl;
import dev.netlint.model.NetworkAclEntry;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.SecurityGroup;
import dev.netlint.model.SecurityGroupRef;
import dev.netlint.model.SecurityGroupRule;
import dev.netlint.model.Subnet;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The security group and network ACL hops of a trace: which filter applies at a place (the groups
 * of an interface, the network ACL a subnet is associated with, its VPC's default one, one outside
 * the templates), what {@link FilterEvaluator} decides, and the {@link FilterStep} that records it.
 */
final class FilterHops {
  private final NetworkModel model;
  private final Topology topology;
  private final FilterEvaluator filters;

  FilterHops(NetworkModel model, Topology topology) {
    this.model = model;
    this.topology = topology;
    this.filters = new FilterEvaluator(model);
  }

  /**
   * Evaluates security groups {@code refs} in one direction and records the hop.
   *
   * @param egress true for egress rules, false for ingress rules
   * @param remote how messages name the other end
   * @return null, or the split of the box the security groups need first
   */
  @Nullable Split securityGroups(
      TraceRecorder rec,
      Box box,
      List<SecurityGroupRef> refs,
      boolean egress,
      View v,
      String remote) {
    List<SecurityGroup> known = new ArrayList<>();
    SecurityGroupRef unknown = null;
    for (SecurityGroupRef ref : refs) {
      SecurityGroup g = model.securityGroup(ref).orElse(null);
      if (g == null) {
        if (unknown == null) {
          unknown = ref;
        }
      } else {
        known.add(g);
      }
    }
    FilterResult<SecurityGroupRule> result = filters.securityGroups(known, egress, unknown, v);
    if (result instanceof SplitFirst<SecurityGroupRule> s) {
      return s.split();
    }
    Decision<SecurityGroupRule> d = (Decision<SecurityGroupRule>) result;
    Hop.Kind kind = egress ? Hop.Kind.SECURITY_GROUP_EGRESS : Hop.Kind.SECURITY_GROUP_INGRESS;
    SecurityGroupRule groupRule = d.entry();
    if (groupRule != null) {
      Step step =
          d.verdict() == Verdict.REACHABLE
              ? new FilterStep.SecurityGroupAllows(groupRule, egress, box, remote)
              : new FilterStep.SecurityGroupRuleInDoubt(
                  groupRule, egress, box, remote, d.uncertainty());
      rec.add(kind, groupRule.group().resource(), groupRule.origin(), d.verdict(), step);
      return null;
    }
    if (d.verdict() == Verdict.BLOCKED) {
      SecurityGroup first = known.isEmpty() ? null : known.get(0);
      Origin origin = first == null ? null : first.rulesOrigin(egress);
      rec.add(
          kind,
          first == null ? null : first.ref().resource(),
          origin,
          Verdict.BLOCKED,
          new FilterStep.SecurityGroupsDeny(refs, egress, box, remote));
      return null;
    }
    rec.add(
        kind,
        unknown == null ? null : unknown.resource(),
        null,
        d.verdict(),
        new FilterStep.SecurityGroupsInDoubt(refs, egress, d.uncertainty()));
    return null;
  }

  /**
   * Evaluates the network ACL of {@code subnet} in one direction and records the hop.
   *
   * @param subnet the subnet, or null when not known before deploy
   * @param reply true for the reply on the client's ephemeral ports
   * @param remote how messages name the other end
   * @param self how messages name the end in {@code subnet}
   * @return null, or the split of the box the network ACL needs first
   */
  @Nullable Split networkAcl(
      TraceRecorder rec,
      Box box,
      @Nullable ResourceId subnet,
      boolean outbound,
      boolean reply,
      View v,
      String remote,
      String self) {
    Hop.Kind kind =
        reply
            ? Hop.Kind.NETWORK_ACL_RETURN
            : outbound ? Hop.Kind.NETWORK_ACL_OUTBOUND : Hop.Kind.NETWORK_ACL_INBOUND;
    AclTraffic traffic = new AclTraffic(box, outbound, reply, remote);
    if (subnet == null) {
      rec.add(kind, null, null, Verdict.UNKNOWN, new FilterStep.AclSubnetUnknown(self));
      return null;
    }
    if (topology.networkAclUnknown(subnet)) {
      Resource assoc = model.networkAclAssociation(subnet).orElseThrow();
      rec.add(
          kind,
          assoc.id(),
          assoc.origin(),
          Verdict.UNKNOWN,
          new FilterStep.AclOutsideTemplates(subnet));
      return null;
    }
    NetworkAcl acl = topology.networkAclOf(subnet);
    if (acl == null) {
      Subnet s = model.subnet(subnet).orElse(null);
      rec.add(
          kind,
          subnet,
          s == null ? null : s.resource().origin(),
          Verdict.REACHABLE,
          new FilterStep.DefaultAclAllows(subnet, traffic));
      return null;
    }
    FilterResult<NetworkAclEntry> result = filters.networkAcl(acl.entries(outbound), v);
    if (result instanceof SplitFirst<NetworkAclEntry> s) {
      return s.split();
    }
    Decision<NetworkAclEntry> d = (Decision<NetworkAclEntry>) result;
    NetworkAclEntry entry = d.entry();
    if (entry != null) {
      rec.add(
          kind,
          entry.resource().id(),
          entry.resource().origin(),
          d.verdict(),
          new FilterStep.AclEntryDecides(acl, entry, d.verdict(), traffic, d.uncertainty()));
    } else if (d.verdict() == Verdict.UNKNOWN) {
      rec.add(
          kind,
          acl.resource().id(),
          acl.resource().origin(),
          Verdict.UNKNOWN,
          new FilterStep.AclInDoubt(acl, traffic, d.uncertainty()));
    } else {
      rec.add(
          kind,
          acl.resource().id(),
          acl.resource().origin(),
          Verdict.BLOCKED,
          new FilterStep.AclDefaultDenies(acl, traffic));
    }
    return null;
  }
}
