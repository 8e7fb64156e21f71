package dev.netlint.graph;

import dev.netlint.api.reach.Verdict;
import dev.netlint.model.IpProtocol;
import dev.netlint.model.NetworkAclEntry;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.SecurityGroup;
import dev.netlint.model.SecurityGroupRef;
import dev.netlint.model.SecurityGroupRule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Matches security group rules and network ACL entries against a {@link View}, as AWS evaluates
 * them: security groups allow when any rule of any group allows; network ACL entries are tried
 * lowest rule number first, the first match decides, and nothing matching is denied.
 *
 * <p>A rule matches a view fully, not at all, or partly. A partial match along a dimension where
 * every packet must get through raises a {@link Split}; along a dimension that is one unknown value
 * (the address a workload gets in its subnet, a client's ephemeral port) or for a symbolic rule it
 * makes the rule's effect unknown.
 */
final class RuleMatcher {
  static final int NONE = 0;
  static final int FULL = 1;
  static final int PARTIAL = 2;
  static final int SPLIT = 3;

  private final NetworkModel model;
  private @Nullable Split lastSplit;

  /** Per model object (a CIDR, a prefix list, a group): what it takes long to compute again. */
  private final java.util.Map<Object, AddressSet> addresses = new java.util.IdentityHashMap<>();

  private final java.util.Map<SecurityGroup, List<SecurityGroupRule>> egress =
      new java.util.IdentityHashMap<>();

  RuleMatcher(NetworkModel model) {
    this.model = model;
  }

  // ------------------------------------------------------------------ dimensions

  private int protocol(int rule, View v) {
    if (rule == IpProtocol.ALL) {
      return FULL;
    }
    if (rule == IpProtocol.UNKNOWN) {
      return PARTIAL;
    }
    if (rule < v.protoLo() || rule > v.protoHi()) {
      return NONE;
    }
    if (v.protoLo() == v.protoHi()) {
      return FULL;
    }
    lastSplit = new Split(Split.Dim.PROTO, AddressSet.EMPTY, rule, rule);
    return SPLIT;
  }

  private int range(int lo, int hi, View v) {
    if (lo <= v.lo() && v.hi() <= hi) {
      return FULL;
    }
    if (hi < v.lo() || lo > v.hi()) {
      return NONE;
    }
    lastSplit =
        new Split(
            v.portsSplittable() ? Split.Dim.PORT : Split.Dim.VIEW_PORT, AddressSet.EMPTY, lo, hi);
    return SPLIT;
  }

  /** ICMP type and code of a rule against the view's ICMP types; -1 means all. */
  private int icmp(int type, int code, View v) {
    if (type < 0) {
      return FULL;
    }
    // The view's unit is a whole ICMP type; a rule for one code covers a type only when that
    // type has no other code (echo request 8 and echo reply 0 have only code 0).
    boolean wholeType = code < 0 || (code == 0 && (type == 0 || type == 8));
    if (!wholeType) {
      return NONE;
    }
    return range(type, type, v);
  }

  int address(AddressSet rule, View v) {
    AddressSet remote = v.remote();
    if (remote.within(rule)) {
      return FULL;
    }
    if (remote.disjoint(rule)) {
      return NONE;
    }
    lastSplit =
        new Split(v.remoteDim() != null ? v.remoteDim() : Split.Dim.VIEW_REMOTE, rule, 0, 0);
    return SPLIT;
  }

  private static boolean local(Split s) {
    return s.dim == Split.Dim.VIEW_REMOTE || s.dim == Split.Dim.VIEW_PORT;
  }

  /** The parts of a view on either side of a local split's boundary. */
  private static List<View> parts(View v, Split s) {
    List<View> out = new java.util.ArrayList<>(3);
    if (s.dim == Split.Dim.VIEW_REMOTE) {
      AddressSet in = v.remote().intersect(s.addresses);
      AddressSet rest = v.remote().minus(s.addresses);
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
    int l = Math.max(s.lo, v.lo());
    int h = Math.min(s.hi, v.hi());
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
   * Combines the answers for the parts of a view that is one unknown value: the same answer for
   * every part is the answer; different answers make it unknown.
   */
  private static Decision combine(View v, Split s, List<Decision> parts) {
    Decision first = parts.get(0);
    for (Decision d : parts) {
      if (d.verdict() != first.verdict()) {
        Decision deciding = parts.stream().filter(x -> x.rule() != null).findFirst().orElse(first);
        String why =
            s.dim == Split.Dim.VIEW_PORT
                ? "it depends on which ephemeral port in "
                    + v.lo()
                    + "-"
                    + v.hi()
                    + " the client picks"
                : "it depends on which address in "
                    + v.remote()
                    + " the traffic has, which is not"
                    + " known before deploy";
        return new Decision(Verdict.UNKNOWN, deciding.rule(), why);
      }
    }
    return first;
  }

  // ------------------------------------------------------------------ rules

  /** Combines per-dimension results; keeps the first split asked for. */
  private final class Combine {
    int result = FULL;
    @Nullable Split split;

    boolean add(int r) {
      if (r == NONE) {
        result = NONE;
        return false;
      }
      if (r == SPLIT) {
        if (split == null) {
          split = lastSplit;
        }
        result = SPLIT;
      } else if (r == PARTIAL && result == FULL) {
        result = PARTIAL;
      }
      return true;
    }
  }

  private @Nullable Split pending;

  /** Matches a security group rule; remembers a split in {@link #pending}. */
  int match(SecurityGroupRule rule, View v) {
    Combine c = new Combine();
    if (!c.add(protocol(rule.protocol(), v))) {
      return NONE;
    }
    if (rule.protocol() != IpProtocol.ALL && v.protoLo() == v.protoHi()) {
      int p = v.protoLo();
      int r;
      if (!rule.portsKnown()) {
        r = PARTIAL;
      } else if (IpProtocol.hasPorts(p)) {
        r = range(rule.firstPort(), rule.lastPort(), v);
      } else if (p == IpProtocol.ICMP) {
        r = icmp(rule.fromPort(), rule.toPort(), v);
      } else {
        r = FULL;
      }
      if (!c.add(r)) {
        return NONE;
      }
    }
    if (!c.add(peer(rule.peer(), v))) {
      return NONE;
    }
    if (c.result == SPLIT) {
      pending = c.split;
    }
    return c.result;
  }

  private int peer(SecurityGroupRule.Peer peer, View v) {
    if (peer instanceof SecurityGroupRule.Peer.CidrBlock c) {
      if (c.cidr() == null) {
        return PARTIAL;
      }
      return c.cidr().ipv6() ? NONE : address(addresses(c.cidr()), v);
    }
    if (peer instanceof SecurityGroupRule.Peer.Group g) {
      if (v.remoteGroups() == null) {
        return NONE;
      }
      if (v.remoteGroups().contains(g.group().key())) {
        return FULL;
      }
      return v.remoteGroupsOpen() || g.group().kind() == SecurityGroupRef.Kind.SYMBOLIC
          ? PARTIAL
          : NONE;
    }
    if (peer instanceof SecurityGroupRule.Peer.PrefixList p) {
      AddressSet set = p.prefixList() == null ? null : addresses.get(p);
      if (set == null && p.prefixList() != null) {
        List<dev.netlint.model.Cidr> cidrs = model.prefixListCidrs(p.prefixList()).orElse(null);
        if (cidrs != null) {
          set = AddressSet.EMPTY;
          for (dev.netlint.model.Cidr c : cidrs) {
            set = set.plus(AddressSet.of(c));
          }
          addresses.put(p, set);
        }
      }
      return set == null ? PARTIAL : address(set, v);
    }
    return NONE;
  }

  /** Matches a network ACL entry; remembers a split in {@link #pending}. */
  int match(NetworkAclEntry e, View v) {
    Combine c = new Combine();
    if (!c.add(protocol(e.protocol(), v))) {
      return NONE;
    }
    if (e.protocol() != IpProtocol.ALL && v.protoLo() == v.protoHi()) {
      int p = v.protoLo();
      int r;
      if (!e.portsKnown()) {
        r = PARTIAL;
      } else if (IpProtocol.hasPorts(p)) {
        r = range(e.firstPort(), e.lastPort(), v);
      } else if (p == IpProtocol.ICMP) {
        r = icmp(e.icmpType(), e.icmpCode(), v);
      } else {
        r = FULL;
      }
      if (!c.add(r)) {
        return NONE;
      }
    }
    int a;
    if (e.cidr() == null) {
      a = e.cidrValue() == null ? NONE : PARTIAL;
    } else {
      a = e.cidr().ipv6() ? NONE : address(addresses(e.cidr()), v);
    }
    if (!c.add(a)) {
      return NONE;
    }
    if (c.result == SPLIT) {
      pending = c.split;
    }
    return c.result;
  }

  private AddressSet addresses(dev.netlint.model.Cidr cidr) {
    return addresses.computeIfAbsent(cidr, c -> AddressSet.of((dev.netlint.model.Cidr) c));
  }

  /** The egress rules that apply, without the CDK's placeholder. */
  private List<SecurityGroupRule> egress(SecurityGroup g) {
    return egress.computeIfAbsent(
        g, x -> x.effectiveEgress().stream().filter(r -> !r.isCdkNoEgressPlaceholder()).toList());
  }

  // ------------------------------------------------------------------ rule lists

  /**
   * Evaluates the rules of some security groups in one direction.
   *
   * @param groups the groups known to the model
   * @param unknown a group whose rules are not known, or null
   * @throws Split when a rule covers part of the box and no rule covers all of it
   */
  Decision securityGroups(
      List<SecurityGroup> groups, boolean egress, @Nullable SecurityGroupRef unknown, View v) {
    Split split = null;
    SecurityGroupRule partial = null;
    for (SecurityGroup g : groups) {
      for (SecurityGroupRule rule : egress ? egress(g) : g.ingress()) {
        pending = null;
        int m = match(rule, v);
        if (m == FULL) {
          return new Decision(Verdict.REACHABLE, rule, "");
        }
        if (m == SPLIT && (split == null || (local(split) && !local(pending)))) {
          split = pending;
        } else if (m == PARTIAL && partial == null) {
          partial = rule;
        }
      }
    }
    if (split != null) {
      if (!local(split)) {
        throw split;
      }
      List<Decision> decisions = new java.util.ArrayList<>();
      for (View part : parts(v, split)) {
        decisions.add(securityGroups(groups, egress, unknown, part));
      }
      return combine(v, split, decisions);
    }
    if (unknown != null) {
      return new Decision(
          Verdict.UNKNOWN,
          null,
          "the rules of security group " + unknown.label() + " are not known before deploy");
    }
    if (partial != null) {
      return new Decision(Verdict.UNKNOWN, partial, partialReason(partial, v));
    }
    return new Decision(Verdict.BLOCKED, null, "");
  }

  private static String partialReason(SecurityGroupRule rule, View v) {
    if (rule.protocol() == IpProtocol.UNKNOWN || !rule.portsKnown()) {
      return "its protocol or ports are not known before deploy";
    }
    if (rule.peer() instanceof SecurityGroupRule.Peer.CidrBlock c && c.cidr() == null) {
      return "its CIDR " + c.value().render() + " is not known before deploy";
    }
    if (rule.peer() instanceof SecurityGroupRule.Peer.Group g) {
      return "whether the security group "
          + g.group().label()
          + " is one of the other end's groups is not known before deploy";
    }
    if (rule.peer() instanceof SecurityGroupRule.Peer.PrefixList p) {
      return "the CIDRs of prefix list " + p.value().render() + " are not known before deploy";
    }
    return "it covers only part of " + v.remote() + " and the address is not known before deploy";
  }

  /**
   * Evaluates network ACL entries of one direction, lowest rule number first.
   *
   * @throws Split when the first entry that decides covers part of the box
   */
  Decision networkAcl(List<NetworkAclEntry> entries, View v) {
    for (NetworkAclEntry e : entries) {
      if (e.ruleNumber() < 0) {
        pending = null;
        int m = match(e, v);
        if (m == SPLIT) {
          return splitNetworkAcl(entries, v, pending);
        }
        if (m != NONE) {
          return new Decision(
              Verdict.UNKNOWN,
              e,
              "the rule number of " + e.resource().logicalId() + " is not known before deploy");
        }
      }
    }
    return firstMatch(entries, 0, v);
  }

  private Decision firstMatch(List<NetworkAclEntry> entries, int from, View v) {
    for (int i = from; i < entries.size(); i++) {
      NetworkAclEntry e = entries.get(i);
      if (e.ruleNumber() < 0) {
        continue;
      }
      pending = null;
      int m = match(e, v);
      if (m == NONE) {
        continue;
      }
      if (m == SPLIT) {
        return splitNetworkAcl(entries, v, pending);
      }
      Verdict action = action(e);
      if (m == FULL) {
        return new Decision(
            action,
            e,
            action == Verdict.UNKNOWN ? "its RuleAction is not known before deploy" : "");
      }
      Decision rest = firstMatch(entries, i + 1, v);
      if (action != Verdict.UNKNOWN && rest.verdict() == action) {
        return rest.rule() == null ? new Decision(action, e, "") : rest;
      }
      return new Decision(Verdict.UNKNOWN, e, partialReason(e, v));
    }
    return new Decision(Verdict.BLOCKED, null, "");
  }

  private Decision splitNetworkAcl(List<NetworkAclEntry> entries, View v, Split split) {
    if (!local(split)) {
      throw split;
    }
    List<Decision> decisions = new java.util.ArrayList<>();
    for (View part : parts(v, split)) {
      decisions.add(networkAcl(entries, part));
    }
    return combine(v, split, decisions);
  }

  private static Verdict action(NetworkAclEntry e) {
    return switch (e.action()) {
      case ALLOW -> Verdict.REACHABLE;
      case DENY -> Verdict.BLOCKED;
      case UNKNOWN -> Verdict.UNKNOWN;
    };
  }

  private static String partialReason(NetworkAclEntry e, View v) {
    if (e.protocol() == IpProtocol.UNKNOWN || !e.portsKnown()) {
      return "its protocol or ports are not known before deploy";
    }
    if (e.cidr() == null) {
      return "its CIDR "
          + (e.cidrValue() == null ? "" : e.cidrValue().render() + " ")
          + "is not known before deploy";
    }
    AddressSet set = e.cidr().ipv6() ? AddressSet.EMPTY : AddressSet.of(e.cidr());
    boolean addressPartial = !v.remote().within(set) && !v.remote().disjoint(set);
    if (!addressPartial && !v.portsSplittable()) {
      return "it covers only some of the ephemeral ports "
          + v.lo()
          + "-"
          + v.hi()
          + " a client may pick";
    }
    return "it covers only part of " + v.remote() + " and the address is not known before deploy";
  }
}
