package dev.netlint.graph;

import dev.netlint.api.reach.Verdict;
import dev.netlint.model.Cidr;
import dev.netlint.model.IpProtocol;
import dev.netlint.model.NetworkAclEntry;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.SecurityGroup;
import dev.netlint.model.SecurityGroupRef;
import dev.netlint.model.SecurityGroupRule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the two filters of a VPC against a {@link View}, as AWS evaluates them: security groups
 * allow when any rule of any group allows, and deny otherwise; network ACL entries are tried lowest
 * rule number first, the first matching entry decides, and nothing matching is denied (the {@code
 * *} entry).
 *
 * <p>A security group rule or network ACL entry matches a view fully, not at all, or partly. A
 * partial match along a dimension where every packet must get through asks for a {@link Split} of
 * the box; along a dimension that is one unknown value (the address a workload gets in its subnet,
 * a client's ephemeral port) the parts are evaluated here and combined, and an entry that is not
 * known before deploy makes its effect unknown.
 *
 * <p>Follows <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html">
 * security groups</a> and <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html">network ACL rules</a>.
 */
final class FilterEvaluator {

  /** How a security group rule or network ACL entry covers a view: a coverage, or a split. */
  sealed interface Match permits Coverage, Split {}

  /** How much of a view a security group rule or network ACL entry covers. */
  enum Coverage implements Match {
    /** None of it. */
    NONE,
    /** All of it. */
    FULL,
    /** Maybe some of it: a value is not known before deploy, or the view is one unknown value. */
    PARTIAL
  }

  /**
   * What a filter answers: a {@link Decision}, or a split of the box it needs first.
   *
   * @param <E> the entry type
   */
  sealed interface FilterResult<E> permits Decision, SplitFirst {}

  /**
   * The box must be split before the filter can decide.
   *
   * @param <E> the entry type
   */
  record SplitFirst<E>(Split split) implements FilterResult<E> {}

  private final NetworkModel model;

  /** Per model object: what takes long to compute again. Identity keys: the model is immutable. */
  private final Map<Cidr, AddressSet> cidrAddresses = new IdentityHashMap<>();

  private final Map<SecurityGroupRule.Peer.PrefixList, AddressSet> prefixListAddresses =
      new IdentityHashMap<>();

  private final Map<SecurityGroup, List<SecurityGroupRule>> egressRules = new IdentityHashMap<>();

  FilterEvaluator(NetworkModel model) {
    this.model = model;
  }

  // ------------------------------------------------------------------ dimensions

  private static Match protocol(int entryProtocol, View v) {
    if (entryProtocol == IpProtocol.ALL) {
      return Coverage.FULL;
    }
    if (entryProtocol == IpProtocol.UNKNOWN) {
      return Coverage.PARTIAL;
    }
    if (entryProtocol < v.protoLo() || entryProtocol > v.protoHi()) {
      return Coverage.NONE;
    }
    if (v.protoLo() == v.protoHi()) {
      return Coverage.FULL;
    }
    return Split.range(Split.Dim.PROTO, entryProtocol, entryProtocol);
  }

  private static Match ports(int lo, int hi, View v) {
    if (lo <= v.lo() && v.hi() <= hi) {
      return Coverage.FULL;
    }
    if (hi < v.lo() || lo > v.hi()) {
      return Coverage.NONE;
    }
    return Split.range(v.portsSplittable() ? Split.Dim.PORT : Split.Dim.VIEW_PORT, lo, hi);
  }

  /** ICMP type and code of an entry against the view's ICMP types; -1 means all. */
  private static Match icmp(int type, int code, View v) {
    if (type < 0) {
      return Coverage.FULL;
    }
    // The view's unit is a whole ICMP type; an entry for one code covers a type only when that
    // type has no other code (echo request 8 and echo reply 0 have only code 0).
    boolean wholeType = code < 0 || (code == 0 && (type == 0 || type == 8));
    if (!wholeType) {
      return Coverage.NONE;
    }
    return ports(type, type, v);
  }

  private static Match address(AddressSet covered, View v) {
    AddressSet remote = v.remote();
    if (remote.within(covered)) {
      return Coverage.FULL;
    }
    if (remote.disjoint(covered)) {
      return Coverage.NONE;
    }
    return Split.addresses(v.remoteDim() != null ? v.remoteDim() : Split.Dim.VIEW_REMOTE, covered);
  }

  /** The protocol and ports (or ICMP type) of an entry: the view's protocol is a single one. */
  private static Match portsOf(
      boolean portsKnown, int firstPort, int lastPort, int icmpType, int icmpCode, View v) {
    int p = v.protoLo();
    if (!portsKnown) {
      return Coverage.PARTIAL;
    }
    if (IpProtocol.hasPorts(p)) {
      return ports(firstPort, lastPort, v);
    }
    if (p == IpProtocol.ICMP) {
      return icmp(icmpType, icmpCode, v);
    }
    return Coverage.FULL;
  }

  /** Combines per-dimension matches: none wins, then the first split asked for, then partial. */
  private static final class Conjunction {
    private boolean partial;
    private @Nullable Split split;

    /** Adds one dimension's match; false when it excludes the entry. */
    boolean add(Match m) {
      if (m == Coverage.NONE) {
        return false;
      }
      if (m instanceof Split s) {
        if (split == null) {
          split = s;
        }
      } else if (m == Coverage.PARTIAL) {
        partial = true;
      }
      return true;
    }

    Match result() {
      if (split != null) {
        return split;
      }
      return partial ? Coverage.PARTIAL : Coverage.FULL;
    }
  }

  /** How a security group rule covers a view. */
  Match match(SecurityGroupRule groupRule, View v) {
    Conjunction c = new Conjunction();
    if (!c.add(protocol(groupRule.protocol(), v))) {
      return Coverage.NONE;
    }
    if (groupRule.protocol() != IpProtocol.ALL
        && v.protoLo() == v.protoHi()
        && !c.add(
            portsOf(
                groupRule.portsKnown(),
                groupRule.firstPort(),
                groupRule.lastPort(),
                groupRule.fromPort(),
                groupRule.toPort(),
                v))) {
      return Coverage.NONE;
    }
    if (!c.add(peer(groupRule.peer(), v))) {
      return Coverage.NONE;
    }
    return c.result();
  }

  private Match peer(SecurityGroupRule.Peer peer, View v) {
    if (peer instanceof SecurityGroupRule.Peer.CidrBlock c) {
      if (c.cidr() == null) {
        return Coverage.PARTIAL;
      }
      return c.cidr().ipv6() ? Coverage.NONE : address(addresses(c.cidr()), v);
    }
    if (peer instanceof SecurityGroupRule.Peer.Group g) {
      if (v.remoteGroups() == null) {
        return Coverage.NONE;
      }
      if (v.remoteGroups().contains(g.group().key())) {
        return Coverage.FULL;
      }
      return v.remoteGroupsOpen() || g.group().kind() == SecurityGroupRef.Kind.SYMBOLIC
          ? Coverage.PARTIAL
          : Coverage.NONE;
    }
    if (peer instanceof SecurityGroupRule.Peer.PrefixList p) {
      AddressSet set = p.prefixList() == null ? null : prefixListAddresses.get(p);
      if (set == null && p.prefixList() != null) {
        List<Cidr> cidrs = model.prefixListCidrs(p.prefixList()).orElse(null);
        if (cidrs != null) {
          set = AddressSet.EMPTY;
          for (Cidr c : cidrs) {
            set = set.plus(AddressSet.of(c));
          }
          prefixListAddresses.put(p, set);
        }
      }
      return set == null ? Coverage.PARTIAL : address(set, v);
    }
    return Coverage.NONE;
  }

  /** How a network ACL entry covers a view, its rule number and action aside. */
  Match match(NetworkAclEntry entry, View v) {
    Conjunction c = new Conjunction();
    if (!c.add(protocol(entry.protocol(), v))) {
      return Coverage.NONE;
    }
    if (entry.protocol() != IpProtocol.ALL
        && v.protoLo() == v.protoHi()
        && !c.add(
            portsOf(
                entry.portsKnown(),
                entry.firstPort(),
                entry.lastPort(),
                entry.icmpType(),
                entry.icmpCode(),
                v))) {
      return Coverage.NONE;
    }
    Match a;
    if (entry.cidr() == null) {
      a = entry.cidrValue() == null ? Coverage.NONE : Coverage.PARTIAL;
    } else {
      a = entry.cidr().ipv6() ? Coverage.NONE : address(addresses(entry.cidr()), v);
    }
    if (!c.add(a)) {
      return Coverage.NONE;
    }
    return c.result();
  }

  private AddressSet addresses(Cidr cidr) {
    return cidrAddresses.computeIfAbsent(cidr, AddressSet::of);
  }

  /** The egress rules that apply, without the CDK's placeholder. */
  private List<SecurityGroupRule> egress(SecurityGroup g) {
    return egressRules.computeIfAbsent(
        g, x -> x.effectiveEgress().stream().filter(r -> !r.isCdkNoEgressPlaceholder()).toList());
  }

  // ------------------------------------------------------------------ local splits

  /** The parts of a view on either side of a local split's boundary. */
  private static List<View> parts(View v, Split s) {
    List<View> out = new ArrayList<>(3);
    if (s.dim() == Split.Dim.VIEW_REMOTE) {
      AddressSet in = v.remote().intersect(s.addresses());
      AddressSet rest = v.remote().minus(s.addresses());
      for (AddressSet part : List.of(in, rest)) {
        if (!part.isEmpty()) {
          out.add(
              new View(
                  part,
                  null,
                  v.remoteGroups(),
                  v.remoteGroupsOpen(),
                  v.protoLo(),
                  v.protoHi(),
                  v.lo(),
                  v.hi(),
                  v.portsSplittable()));
        }
      }
      return out;
    }
    int l = Math.max(s.lo(), v.lo());
    int h = Math.min(s.hi(), v.hi());
    int[][] ranges = {{v.lo(), l - 1}, {l, h}, {h + 1, v.hi()}};
    for (int[] r : ranges) {
      if (r[0] <= r[1]) {
        out.add(
            new View(
                v.remote(),
                v.remoteDim(),
                v.remoteGroups(),
                v.remoteGroupsOpen(),
                v.protoLo(),
                v.protoHi(),
                r[0],
                r[1],
                v.portsSplittable()));
      }
    }
    return out;
  }

  /**
   * Evaluates a filter over the parts of a view split locally and combines the answers: the same
   * answer for every part is the answer; different answers make it unknown.
   */
  private static <E> FilterResult<E> overParts(
      View v, Split s, java.util.function.Function<View, FilterResult<E>> filter) {
    List<Decision<E>> parts = new ArrayList<>();
    for (View part : parts(v, s)) {
      FilterResult<E> r = filter.apply(part);
      if (r instanceof SplitFirst<E>) {
        return r;
      }
      parts.add((Decision<E>) r);
    }
    Decision<E> first = parts.get(0);
    for (Decision<E> d : parts) {
      if (d.verdict() != first.verdict()) {
        Decision<E> deciding =
            parts.stream().filter(x -> x.entry() != null).findFirst().orElse(first);
        Uncertainty why =
            s.dim() == Split.Dim.VIEW_PORT
                ? new Uncertainty.DependsOnEphemeralPort(v.lo(), v.hi())
                : new Uncertainty.DependsOnAddress(v.remote());
        return Decision.unknown(deciding.entry(), why);
      }
    }
    return first;
  }

  // ------------------------------------------------------------------ filters

  /**
   * Evaluates the rules of some security groups in one direction.
   *
   * @param groups the groups known to the model
   * @param egress true for egress rules, false for ingress rules
   * @param unknown a group whose rules are not known, or null
   * @return the decision, or the split of the box needed when a security group rule covers part of
   *     it along a dimension that must get through and no security group rule covers all of it
   */
  FilterResult<SecurityGroupRule> securityGroups(
      List<SecurityGroup> groups, boolean egress, @Nullable SecurityGroupRef unknown, View v) {
    Split split = null;
    SecurityGroupRule partial = null;
    for (SecurityGroup g : groups) {
      for (SecurityGroupRule groupRule : egress ? egress(g) : g.ingress()) {
        Match m = match(groupRule, v);
        if (m == Coverage.FULL) {
          return Decision.decided(Verdict.REACHABLE, groupRule);
        }
        if (m instanceof Split s) {
          if (split == null || (split.local() && !s.local())) {
            split = s;
          }
        } else if (m == Coverage.PARTIAL && partial == null) {
          partial = groupRule;
        }
      }
    }
    if (split != null) {
      if (!split.local()) {
        return new SplitFirst<>(split);
      }
      return overParts(v, split, part -> securityGroups(groups, egress, unknown, part));
    }
    if (unknown != null) {
      return Decision.unknown(null, new Uncertainty.GroupRulesUnknown(unknown.label()));
    }
    if (partial != null) {
      return Decision.unknown(partial, partialReason(partial, v));
    }
    return Decision.decided(Verdict.BLOCKED, null);
  }

  private static Uncertainty partialReason(SecurityGroupRule groupRule, View v) {
    if (groupRule.protocol() == IpProtocol.UNKNOWN || !groupRule.portsKnown()) {
      return new Uncertainty.ProtocolOrPortsUnknown();
    }
    if (groupRule.peer() instanceof SecurityGroupRule.Peer.CidrBlock c && c.cidr() == null) {
      return new Uncertainty.CidrUnknown(c.value().render());
    }
    if (groupRule.peer() instanceof SecurityGroupRule.Peer.Group g) {
      return new Uncertainty.GroupMembershipUnknown(g.group().label());
    }
    if (groupRule.peer() instanceof SecurityGroupRule.Peer.PrefixList p) {
      return new Uncertainty.PrefixListUnknown(p.value().render());
    }
    return new Uncertainty.CoversPartOfAddresses(v.remote());
  }

  /**
   * Evaluates the network ACL entries of one direction, lowest rule number first.
   *
   * @return the decision, or the split of the box needed when the first entry that decides covers
   *     part of it
   */
  FilterResult<NetworkAclEntry> networkAcl(List<NetworkAclEntry> entries, View v) {
    for (NetworkAclEntry e : entries) {
      if (e.ruleNumber() < 0) {
        Match m = match(e, v);
        if (m instanceof Split s) {
          return splitNetworkAcl(entries, v, s);
        }
        if (m != Coverage.NONE) {
          return Decision.unknown(e, new Uncertainty.RuleNumberUnknown(e.resource().logicalId()));
        }
      }
    }
    return firstMatch(entries, 0, v);
  }

  private FilterResult<NetworkAclEntry> firstMatch(
      List<NetworkAclEntry> entries, int from, View v) {
    for (int i = from; i < entries.size(); i++) {
      NetworkAclEntry e = entries.get(i);
      if (e.ruleNumber() < 0) {
        continue;
      }
      Match m = match(e, v);
      if (m == Coverage.NONE) {
        continue;
      }
      if (m instanceof Split s) {
        return splitNetworkAcl(entries, v, s);
      }
      Verdict action = action(e);
      if (m == Coverage.FULL) {
        return new Decision<>(
            action, e, action == Verdict.UNKNOWN ? new Uncertainty.RuleActionUnknown() : null);
      }
      FilterResult<NetworkAclEntry> after = firstMatch(entries, i + 1, v);
      if (after instanceof SplitFirst<NetworkAclEntry>) {
        return after;
      }
      Decision<NetworkAclEntry> rest = (Decision<NetworkAclEntry>) after;
      if (action != Verdict.UNKNOWN && rest.verdict() == action) {
        return rest.entry() == null ? Decision.decided(action, e) : rest;
      }
      return Decision.unknown(e, partialReason(e, v));
    }
    return Decision.decided(Verdict.BLOCKED, null);
  }

  private FilterResult<NetworkAclEntry> splitNetworkAcl(
      List<NetworkAclEntry> entries, View v, Split split) {
    if (!split.local()) {
      return new SplitFirst<>(split);
    }
    return overParts(v, split, part -> networkAcl(entries, part));
  }

  private static Verdict action(NetworkAclEntry e) {
    return switch (e.action()) {
      case ALLOW -> Verdict.REACHABLE;
      case DENY -> Verdict.BLOCKED;
      case UNKNOWN -> Verdict.UNKNOWN;
    };
  }

  private static Uncertainty partialReason(NetworkAclEntry e, View v) {
    if (e.protocol() == IpProtocol.UNKNOWN || !e.portsKnown()) {
      return new Uncertainty.ProtocolOrPortsUnknown();
    }
    if (e.cidr() == null) {
      return new Uncertainty.CidrUnknown(e.cidrValue() == null ? null : e.cidrValue().render());
    }
    AddressSet set = e.cidr().ipv6() ? AddressSet.EMPTY : AddressSet.of(e.cidr());
    boolean addressPartial = !v.remote().within(set) && !v.remote().disjoint(set);
    if (!addressPartial && !v.portsSplittable()) {
      return new Uncertainty.CoversPartOfEphemeralPorts(v.lo(), v.hi());
    }
    return new Uncertainty.CoversPartOfAddresses(v.remote());
  }
}
