package dev.netlint.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Reachability;
import dev.netlint.api.reach.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the reachability graph: random VPCs (subnets, route tables with internet and
 * NAT gateways, NAT instances, peering and middlebox routes, network ACLs with random entries,
 * security groups with random rules including group references and symbolic CIDRs, instances) are
 * written as CloudFormation YAML and analyzed by the real parser, resolver, model and graph; a
 * second, deliberately simple evaluator walks the generator's own description of each VPC with
 * concrete packets and plain loops over the same semantics. Every definite verdict of the graph
 * must agree; an unknown verdict where the brute force is definite is counted as imprecision.
 *
 * <p>The brute force enumerates packets exhaustively over equivalence classes that come from the
 * generator's vocabulary, not from the graph: every port range boundary the generator uses (and its
 * neighbours), one address in each half of each subnet (the smallest CIDRs it writes), one public
 * address inside and one outside {@code 52.0.0.0/8}. Symbolic CIDRs are tried as matching
 * everything and as matching nothing. Semantics: a workload whose address is not fixed, the
 * ephemeral port a client picks and a NAT's address are one unknown value each; every port of the
 * range asked and every internet address must get through.
 */
class DifferentialTest {
  private static final long SEED = 4_2024_05_04L;
  private static final int VPCS = 300;
  private static final int[] INTERESTING = {0, 22, 80, 443, 1023, 1024, 5432, 32767, 32768, 65535};
  private static final long VPC_BASE = ip("10.0.0.0");
  private static final long[] INTERNET = {ip("1.2.3.4"), ip("52.1.2.3")};

  // ------------------------------------------------------------------ the generator's spec

  /** A security group rule; {@code proto} is -1, 1, 6, 17 or 47; ports -1 for all. */
  record SgRule(
      int proto, int from, int to, @Nullable String cidr, @Nullable String group, int symbolic) {}

  record Sg(
      String name, List<SgRule> ingress, @Nullable List<SgRule> egress, boolean placeholder) {}

  record Entry(
      String name,
      int number,
      boolean egress,
      boolean allow,
      int proto,
      int from,
      int to,
      @Nullable String cidr,
      int symbolic) {}

  record Acl(String name, List<Entry> entries) {}

  record SubnetSpec(
      String name, long base, boolean mapPublic, @Nullable String table, @Nullable String acl) {}

  /** A route; target {@code igw}, {@code nat}, {@code peer} or an instance name. */
  record RouteSpec(String name, String table, String cidr, String target) {}

  record Inst(
      String name,
      String subnet,
      List<String> groups,
      long ip,
      boolean fixed,
      boolean sourceDestCheck) {}

  static final class Spec {
    final List<SubnetSpec> subnets = new ArrayList<>();
    final List<String> tables = new ArrayList<>();
    final List<RouteSpec> routes = new ArrayList<>();
    final List<Acl> acls = new ArrayList<>();
    final List<Sg> groups = new ArrayList<>();
    final List<Inst> instances = new ArrayList<>();
    int symbolics;
    boolean igw;
    boolean igwAttached;
    @Nullable String natSubnet;
    long natIp;

    SubnetSpec subnet(String name) {
      return subnets.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    Inst instance(String name) {
      return instances.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    Sg group(String name) {
      return groups.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
  }

  record Query(@Nullable String from, @Nullable String to, Protocol protocol, PortRange ports) {
    @Override
    public String toString() {
      return protocol.label()
          + "/"
          + ports
          + " "
          + (from == null ? "internet" : from)
          + " -> "
          + (to == null ? "internet" : to);
    }
  }

  // ------------------------------------------------------------------ generation

  private static long ip(String text) {
    String[] p = text.split("\\.");
    return (Long.parseLong(p[0]) << 24)
        | (Long.parseLong(p[1]) << 16)
        | (Long.parseLong(p[2]) << 8)
        | Long.parseLong(p[3]);
  }

  private static String text(long ip) {
    return ((ip >>> 24) & 255)
        + "."
        + ((ip >>> 16) & 255)
        + "."
        + ((ip >>> 8) & 255)
        + "."
        + (ip & 255);
  }

  private static <T> T pick(Random r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  private static int[] ports(Random r) {
    if (r.nextInt(5) == 0) {
      return new int[] {-1, -1};
    }
    int a = INTERESTING[r.nextInt(INTERESTING.length)];
    int b = INTERESTING[r.nextInt(INTERESTING.length)];
    return new int[] {Math.min(a, b), Math.max(a, b)};
  }

  private static List<String> cidrs(Spec s) {
    List<String> out =
        new ArrayList<>(
            List.of("0.0.0.0/0", "10.0.0.0/24", "10.0.0.0/8", "192.168.0.0/16", "52.0.0.0/8"));
    for (SubnetSpec sn : s.subnets) {
      out.add(text(sn.base()) + "/28");
      out.add(text(sn.base()) + "/29");
      out.add(text(sn.base() + 8) + "/29");
    }
    return out;
  }

  static Spec generate(Random r) {
    Spec s = new Spec();
    int subnetCount = 2 + r.nextInt(3);
    List<Integer> slots = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      slots.add(i);
    }
    java.util.Collections.shuffle(slots, r);
    int tableCount = 1 + r.nextInt(3);
    for (int i = 0; i < tableCount; i++) {
      s.tables.add("Rt" + i);
    }
    int aclCount = r.nextInt(3);
    for (int i = 0; i < subnetCount; i++) {
      s.subnets.add(
          new SubnetSpec(
              "Subnet" + i,
              VPC_BASE + 16L * slots.get(i),
              r.nextBoolean(),
              r.nextInt(5) == 0 ? null : pick(r, s.tables),
              aclCount == 0 || r.nextInt(5) < 3 ? null : "Acl" + r.nextInt(aclCount)));
    }
    int igw = r.nextInt(10);
    s.igw = igw < 9;
    s.igwAttached = igw < 8;
    if (r.nextBoolean()) {
      SubnetSpec n = pick(r, s.subnets);
      s.natSubnet = n.name();
      s.natIp = n.base() + 14;
    }
    List<String> cidrs = cidrs(s);
    int groupCount = 2 + r.nextInt(3);
    List<String> groupNames = new ArrayList<>();
    for (int i = 0; i < groupCount; i++) {
      groupNames.add("Sg" + i);
    }
    for (String g : groupNames) {
      List<SgRule> in = new ArrayList<>();
      int n = r.nextInt(5);
      for (int i = 0; i < n; i++) {
        in.add(sgRule(r, s, cidrs, groupNames));
      }
      int kind = r.nextInt(20);
      List<SgRule> out = null;
      boolean placeholder = false;
      if (kind < 7) {
        out = new ArrayList<>();
        int m = 1 + r.nextInt(3);
        for (int i = 0; i < m; i++) {
          out.add(sgRule(r, s, cidrs, groupNames));
        }
      } else if (kind < 10) {
        placeholder = true;
      }
      s.groups.add(new Sg(g, in, out, placeholder));
    }
    for (int a = 0; a < aclCount; a++) {
      List<Entry> entries = new ArrayList<>();
      Set<String> used = new java.util.HashSet<>();
      int n = r.nextInt(9);
      for (int i = 0; i < n; i++) {
        boolean egress = r.nextBoolean();
        int number = 1 + r.nextInt(200);
        if (!used.add(egress + "/" + number)) {
          continue;
        }
        int proto = new int[] {-1, -1, 6, 6, 6, 17, 1}[r.nextInt(7)];
        int[] p = ports(r);
        if (proto == 1) {
          p = new int[] {new int[] {-1, 0, 8, 3}[r.nextInt(4)], -1};
        } else if (proto == -1) {
          p = new int[] {-1, -1};
        }
        boolean symbolic = r.nextInt(25) == 0;
        boolean broad = r.nextInt(3) == 0;
        entries.add(
            new Entry(
                "Acl" + a + "E" + i,
                number,
                egress,
                broad || r.nextInt(3) > 0,
                broad ? -1 : proto,
                broad ? -1 : p[0],
                broad ? -1 : p[1],
                symbolic ? null : broad ? "10.0.0.0/24" : pick(r, cidrs),
                symbolic ? ++s.symbolics : 0));
      }
      s.acls.add(new Acl("Acl" + a, entries));
    }
    int instanceCount = 3 + r.nextInt(5);
    for (int i = 0; i < instanceCount; i++) {
      SubnetSpec sn = pick(r, s.subnets);
      List<String> gs =
          new ArrayList<>(
              new LinkedHashSet<>(List.of(pick(r, groupNames), pick(r, groupNames)))
                  .stream().limit(1 + r.nextInt(2)).toList());
      boolean fixed = r.nextBoolean();
      s.instances.add(
          new Inst("I" + i, sn.name(), gs, sn.base() + 4 + i, fixed, r.nextInt(10) < 3));
    }
    List<Inst> forwarders = s.instances.stream().filter(Inst::fixed).toList();
    int routeNo = 0;
    for (String t : s.tables) {
      List<String> targets = new ArrayList<>();
      if (s.igw) {
        targets.add("igw");
        targets.add("igw");
      }
      if (s.natSubnet != null) {
        targets.add("nat");
        targets.add("nat");
      }
      if (!forwarders.isEmpty()) {
        targets.add(pick(r, forwarders).name());
      }
      targets.add("none");
      String target = pick(r, targets);
      if (!target.equals("none")) {
        s.routes.add(new RouteSpec("Route" + routeNo++, t, "0.0.0.0/0", target));
      }
      if (r.nextInt(5) == 0) {
        s.routes.add(new RouteSpec("Route" + routeNo++, t, "52.0.0.0/8", "peer"));
      }
      if (!forwarders.isEmpty() && r.nextInt(10) == 0) {
        s.routes.add(
            new RouteSpec("Route" + routeNo++, t, "10.0.0.128/25", pick(r, forwarders).name()));
      }
    }
    return s;
  }

  private static SgRule sgRule(Random r, Spec s, List<String> cidrs, List<String> groups) {
    int proto = new int[] {-1, 6, 6, 6, 6, 17, 1, 47}[r.nextInt(8)];
    int[] p = ports(r);
    if (proto == 1) {
      int type = new int[] {-1, 0, 8, 3}[r.nextInt(4)];
      p = new int[] {type, type == 8 && r.nextBoolean() ? 0 : -1};
    } else if (proto == -1 || proto == 47) {
      p = new int[] {-1, -1};
    }
    if (r.nextInt(4) == 0) {
      return new SgRule(
          -1, -1, -1, pick(r, List.of("0.0.0.0/0", "10.0.0.0/24", "10.0.0.0/8")), null, 0);
    }
    int peer = r.nextInt(25);
    if (peer == 0) {
      return new SgRule(proto, p[0], p[1], null, null, ++s.symbolics);
    }
    if (peer < 9) {
      return new SgRule(proto, p[0], p[1], null, pick(r, groups), 0);
    }
    return new SgRule(proto, p[0], p[1], pick(r, cidrs), null, 0);
  }

  static List<Query> queries(Random r, Spec s) {
    List<Query> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Inst a = pick(r, s.instances);
      Inst b = pick(r, s.instances);
      if (a == b) {
        continue;
      }
      int kind = r.nextInt(20);
      Protocol p =
          kind < 13
              ? Protocol.TCP
              : kind < 15 ? Protocol.UDP : kind < 17 ? Protocol.ICMP : Protocol.ALL;
      int x = INTERESTING[r.nextInt(INTERESTING.length)];
      List<SgRule> ingress = s.group(b.groups().get(0)).ingress();
      if (!ingress.isEmpty() && r.nextBoolean()) {
        SgRule rule = pick(r, ingress);
        if (rule.proto() == 6 || rule.proto() == 17) {
          x = Math.max(0, rule.from());
        }
      }
      int y = r.nextInt(4) == 0 ? INTERESTING[r.nextInt(INTERESTING.length)] : x;
      PortRange range =
          p == Protocol.ALL ? PortRange.ALL : new PortRange(Math.min(x, y), Math.max(x, y));
      out.add(new Query(a.name(), b.name(), p, range));
    }
    Inst a = pick(r, s.instances);
    out.add(new Query(a.name(), null, Protocol.TCP, PortRange.of(443)));
    out.add(new Query(pick(r, s.instances).name(), null, Protocol.UDP, new PortRange(80, 1024)));
    out.add(new Query(null, pick(r, s.instances).name(), Protocol.TCP, PortRange.of(80)));
    return out;
  }

  // ------------------------------------------------------------------ YAML

  private static String peer(SgRule rule, boolean ingress) {
    if (rule.symbolic() > 0) {
      return "CidrIp: !Ref Sym" + rule.symbolic();
    }
    if (rule.group() != null) {
      return (ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId")
          + ": !Ref "
          + rule.group();
    }
    return "CidrIp: " + rule.cidr();
  }

  private static void sgRuleYaml(StringBuilder y, SgRule rule, boolean ingress) {
    y.append("        - IpProtocol: \"")
        .append(
            rule.proto() == 47
                ? "47"
                : rule.proto() == -1
                    ? "-1"
                    : rule.proto() == 6 ? "tcp" : rule.proto() == 17 ? "udp" : "icmp")
        .append("\"\n");
    if (rule.proto() != -1 && rule.proto() != 47) {
      y.append("          FromPort: ").append(rule.from()).append('\n');
      y.append("          ToPort: ").append(rule.to()).append('\n');
    }
    y.append("          ").append(peer(rule, ingress)).append('\n');
  }

  static String yaml(Spec s) {
    StringBuilder y = new StringBuilder();
    if (s.symbolics > 0) {
      y.append("Parameters:\n");
      for (int i = 1; i <= s.symbolics; i++) {
        y.append("  Sym").append(i).append(":\n    Type: String\n");
      }
    }
    y.append("Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n")
        .append("      CidrBlock: 10.0.0.0/24\n");
    if (s.igw) {
      y.append("  Igw:\n    Type: AWS::EC2::InternetGateway\n");
      if (s.igwAttached) {
        y.append("  IgwAttach:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties:\n")
            .append("      VpcId: !Ref Vpc\n      InternetGatewayId: !Ref Igw\n");
      }
    }
    for (SubnetSpec sn : s.subnets) {
      y.append("  ")
          .append(sn.name())
          .append(":\n    Type: AWS::EC2::Subnet\n    Properties:\n")
          .append("      VpcId: !Ref Vpc\n      CidrBlock: ")
          .append(text(sn.base()))
          .append("/28\n      MapPublicIpOnLaunch: ")
          .append(sn.mapPublic())
          .append('\n');
      if (sn.table() != null) {
        y.append("  ")
            .append(sn.name())
            .append("Rt:\n")
            .append("    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties:\n")
            .append("      SubnetId: !Ref ")
            .append(sn.name())
            .append('\n')
            .append("      RouteTableId: !Ref ")
            .append(sn.table())
            .append('\n');
      }
      if (sn.acl() != null) {
        y.append("  ")
            .append(sn.name())
            .append("Acl:\n")
            .append("    Type: AWS::EC2::SubnetNetworkAclAssociation\n    Properties:\n")
            .append("      SubnetId: !Ref ")
            .append(sn.name())
            .append('\n')
            .append("      NetworkAclId: !Ref ")
            .append(sn.acl())
            .append('\n');
      }
    }
    for (String t : s.tables) {
      y.append("  ")
          .append(t)
          .append(":\n    Type: AWS::EC2::RouteTable\n    Properties:\n")
          .append("      VpcId: !Ref Vpc\n");
    }
    for (RouteSpec r : s.routes) {
      y.append("  ")
          .append(r.name())
          .append(":\n    Type: AWS::EC2::Route\n    Properties:\n")
          .append("      RouteTableId: !Ref ")
          .append(r.table())
          .append('\n')
          .append("      DestinationCidrBlock: ")
          .append(r.cidr())
          .append('\n');
      switch (r.target()) {
        case "igw" -> y.append("      GatewayId: !Ref Igw\n");
        case "nat" -> y.append("      NatGatewayId: !Ref Nat\n");
        case "peer" -> y.append("      VpcPeeringConnectionId: pcx-0123\n");
        default -> y.append("      InstanceId: !Ref ").append(r.target()).append('\n');
      }
    }
    if (s.natSubnet != null) {
      y.append("  NatEip:\n    Type: AWS::EC2::EIP\n")
          .append("  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n")
          .append("      SubnetId: !Ref ")
          .append(s.natSubnet)
          .append('\n')
          .append("      AllocationId: !GetAtt NatEip.AllocationId\n")
          .append("      PrivateIpAddress: ")
          .append(text(s.natIp))
          .append('\n');
    }
    for (Acl a : s.acls) {
      y.append("  ")
          .append(a.name())
          .append(":\n    Type: AWS::EC2::NetworkAcl\n")
          .append("    Properties:\n      VpcId: !Ref Vpc\n");
      for (Entry e : a.entries()) {
        y.append("  ")
            .append(e.name())
            .append(":\n    Type: AWS::EC2::NetworkAclEntry\n")
            .append("    Properties:\n      NetworkAclId: !Ref ")
            .append(a.name())
            .append('\n')
            .append("      RuleNumber: ")
            .append(e.number())
            .append('\n')
            .append("      Protocol: ")
            .append(e.proto())
            .append('\n')
            .append("      Egress: ")
            .append(e.egress())
            .append('\n')
            .append("      RuleAction: ")
            .append(e.allow() ? "allow" : "deny")
            .append('\n')
            .append("      CidrBlock: ")
            .append(e.symbolic() > 0 ? "!Ref Sym" + e.symbolic() : e.cidr())
            .append('\n');
        if (e.proto() == 6 || e.proto() == 17) {
          if (e.from() >= 0) {
            y.append("      PortRange:\n        From: ")
                .append(e.from())
                .append("\n        To: ")
                .append(e.to())
                .append('\n');
          }
        } else if (e.proto() == 1) {
          y.append("      Icmp:\n        Type: ").append(e.from()).append("\n        Code: -1\n");
        }
      }
    }
    for (Sg g : s.groups) {
      y.append("  ")
          .append(g.name())
          .append(":\n    Type: AWS::EC2::SecurityGroup\n")
          .append("    Properties:\n      GroupDescription: g\n      VpcId: !Ref Vpc\n");
      if (!g.ingress().isEmpty()) {
        y.append("      SecurityGroupIngress:\n");
        for (SgRule rule : g.ingress()) {
          sgRuleYaml(y, rule, true);
        }
      }
      if (g.placeholder()) {
        y.append("      SecurityGroupEgress:\n        - IpProtocol: icmp\n")
            .append("          FromPort: 252\n          ToPort: 86\n")
            .append("          CidrIp: 255.255.255.255/32\n");
      } else if (g.egress() != null) {
        y.append("      SecurityGroupEgress:\n");
        for (SgRule rule : g.egress()) {
          sgRuleYaml(y, rule, false);
        }
      }
    }
    for (Inst i : s.instances) {
      y.append("  ")
          .append(i.name())
          .append(":\n    Type: AWS::EC2::Instance\n")
          .append("    Properties:\n      SubnetId: !Ref ")
          .append(i.subnet())
          .append('\n')
          .append("      SourceDestCheck: ")
          .append(i.sourceDestCheck())
          .append('\n')
          .append("      SecurityGroupIds: [")
          .append(String.join(", ", i.groups().stream().map(g -> "!Ref " + g).toList()))
          .append("]\n");
      if (i.fixed()) {
        y.append("      PrivateIpAddress: ").append(text(i.ip())).append('\n');
      }
    }
    return y.toString();
  }

  // ------------------------------------------------------------------ brute force

  /** Outcome of one concrete packet. */
  enum O {
    R,
    B,
    U
  }

  /** The deliberately simple evaluator, for one spec and one world of symbolic values. */
  static final class Brute {
    final Spec s;
    final int world;

    Brute(Spec s, int world) {
      this.s = s;
      this.world = world;
    }

    boolean symbolicMatches(int symbolic) {
      return ((world >> (symbolic - 1)) & 1) == 1;
    }

    static boolean in(long ip, String cidr) {
      String[] p = cidr.split("/");
      int len = Integer.parseInt(p[1]);
      long mask = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
      return (ip & mask) == (ip(p[0]) & mask);
    }

    static int prefix(String cidr) {
      return Integer.parseInt(cidr.split("/")[1]);
    }

    boolean sgRuleMatches(
        SgRule rule, long remote, @Nullable List<String> remoteGroups, int proto, int port) {
      if (rule.proto() != -1 && rule.proto() != proto) {
        return false;
      }
      if (rule.proto() == 6 || rule.proto() == 17) {
        if (rule.from() >= 0 && (port < rule.from() || port > rule.to())) {
          return false;
        }
      } else if (rule.proto() == 1) {
        int type = rule.from();
        int code = rule.to();
        boolean whole = code == -1 || (code == 0 && (type == 0 || type == 8));
        if (type != -1 && (type != port || !whole)) {
          return false;
        }
      }
      if (rule.symbolic() > 0) {
        return symbolicMatches(rule.symbolic());
      }
      if (rule.group() != null) {
        return remoteGroups != null && remoteGroups.contains(rule.group());
      }
      return in(remote, rule.cidr());
    }

    boolean sgAllows(
        List<String> groups,
        boolean egress,
        long remote,
        @Nullable List<String> remoteGroups,
        int proto,
        int port) {
      for (String name : groups) {
        Sg g = s.group(name);
        List<SgRule> rules;
        if (egress) {
          if (g.placeholder()) {
            rules = List.of();
          } else if (g.egress() == null) {
            return true;
          } else {
            rules = g.egress();
          }
        } else {
          rules = g.ingress();
        }
        for (SgRule rule : rules) {
          if (sgRuleMatches(rule, remote, remoteGroups, proto, port)) {
            return true;
          }
        }
      }
      return false;
    }

    boolean aclAllows(String subnet, boolean egress, long remote, int proto, int port) {
      String name = s.subnet(subnet).acl();
      if (name == null) {
        return true;
      }
      Acl acl = s.acls.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
      List<Entry> entries = new ArrayList<>(acl.entries());
      entries.sort(Comparator.comparingInt(Entry::number));
      for (Entry e : entries) {
        if (e.egress() != egress) {
          continue;
        }
        if (e.proto() != -1 && e.proto() != proto) {
          continue;
        }
        if ((e.proto() == 6 || e.proto() == 17)
            && e.from() >= 0
            && (port < e.from() || port > e.to())) {
          continue;
        }
        if (e.proto() == 1 && e.from() != -1 && e.from() != port) {
          continue;
        }
        boolean addr = e.symbolic() > 0 ? symbolicMatches(e.symbolic()) : in(remote, e.cidr());
        if (!addr) {
          continue;
        }
        return e.allow();
      }
      return false;
    }

    /** The route for {@code d} from a subnet: a target, {@code local} or null for none. */
    @Nullable String route(String subnet, long d) {
      String table = s.subnet(subnet).table();
      String best = in(d, "10.0.0.0/24") ? "local" : null;
      int bestLen = best == null ? -1 : 24;
      if (table != null) {
        for (RouteSpec r : s.routes) {
          if (r.table().equals(table) && in(d, r.cidr()) && prefix(r.cidr()) > bestLen) {
            best = r.target();
            bestLen = prefix(r.cidr());
          }
        }
      }
      return best;
    }

    record Crossing(@Nullable String from, @Nullable String to, long a, long b) {}

    /** One packet of the flow and its reply, with all unknowns fixed. */
    O packet(
        @Nullable Inst src,
        long s0,
        @Nullable Inst dst,
        long d,
        int proto,
        int port,
        int ephemeral) {
      List<Crossing> crossings = new ArrayList<>();
      boolean unknown = false;
      if (src == null) {
        if (!this.s.igw || !this.s.igwAttached) {
          return O.B;
        }
        SubnetSpec ds = this.s.subnet(dst.subnet());
        if (!ds.mapPublic()) {
          return O.B;
        }
        String back = route(ds.name(), s0);
        if (back == null || !back.equals("igw")) {
          if (back != null && back.equals("peer")) {
            unknown = true;
          } else {
            return O.B;
          }
        }
        crossings.add(new Crossing(null, ds.name(), s0, d));
        if (!aclAllows(ds.name(), false, s0, proto, port)) {
          return O.B;
        }
        if (!sgAllows(dst.groups(), false, s0, null, proto, port)) {
          return O.B;
        }
        return replies(crossings, proto, port, ephemeral) ? (unknown ? O.U : O.R) : O.B;
      }
      if (!sgAllows(src.groups(), true, d, dst == null ? null : dst.groups(), proto, port)) {
        return O.B;
      }
      String subnet = src.subnet();
      long ip = s0;
      List<String> groups = src.groups();
      boolean isPublic = this.s.subnet(subnet).mapPublic();
      Set<String> visited = new java.util.HashSet<>();
      for (int step = 0; step < 10; step++) {
        if (dst != null && subnet.equals(dst.subnet())) {
          break;
        }
        if (!aclAllows(subnet, true, d, proto, port)) {
          return O.B;
        }
        String target = route(subnet, d);
        if (target == null) {
          return O.B;
        }
        if (target.equals("local")) {
          crossings.add(new Crossing(subnet, dst.subnet(), ip, d));
          if (!aclAllows(dst.subnet(), false, ip, proto, port)) {
            return O.B;
          }
          subnet = dst.subnet();
          break;
        }
        if (target.equals("igw")) {
          if (!this.s.igwAttached || !isPublic || dst != null) {
            return O.B;
          }
          crossings.add(new Crossing(subnet, null, ip, d));
          return replies(crossings, proto, port, ephemeral) ? O.R : O.B;
        }
        if (target.equals("peer")) {
          crossings.add(new Crossing(subnet, null, ip, d));
          if (dst == null) {
            return replies(crossings, proto, port, ephemeral) ? O.U : O.B;
          }
          crossings.add(new Crossing(null, dst.subnet(), ip, d));
          if (!aclAllows(dst.subnet(), false, ip, proto, port)) {
            return O.B;
          }
          unknown = true;
          subnet = dst.subnet();
          break;
        }
        if (!visited.add(target)) {
          return O.B;
        }
        if (target.equals("nat")) {
          String at = this.s.natSubnet;
          if (!at.equals(subnet)) {
            crossings.add(new Crossing(subnet, at, ip, d));
            if (!aclAllows(at, false, ip, proto, port)) {
              return O.B;
            }
          }
          subnet = at;
          ip = this.s.natIp;
          groups = null;
          isPublic = true;
          continue;
        }
        Inst f = this.s.instance(target);
        if (!f.subnet().equals(subnet)) {
          crossings.add(new Crossing(subnet, f.subnet(), ip, d));
          if (!aclAllows(f.subnet(), false, ip, proto, port)) {
            return O.B;
          }
        }
        if (!sgAllows(f.groups(), false, ip, groups, proto, port) || f.sourceDestCheck()) {
          return O.B;
        }
        subnet = f.subnet();
        ip = f.ip();
        groups = f.groups();
        isPublic = this.s.subnet(subnet).mapPublic();
        if (!sgAllows(f.groups(), true, d, dst == null ? null : dst.groups(), proto, port)) {
          return O.B;
        }
      }
      if (dst == null || !subnet.equals(dst.subnet())) {
        return O.U;
      }
      if (!sgAllows(dst.groups(), false, ip, groups, proto, port)) {
        return O.B;
      }
      return replies(crossings, proto, port, ephemeral) ? (unknown ? O.U : O.R) : O.B;
    }

    boolean replies(List<Crossing> crossings, int proto, int port, int ephemeral) {
      int replyPort;
      if (proto == 6 || proto == 17) {
        replyPort = ephemeral;
      } else if (proto == 1) {
        if (port != 8) {
          return true;
        }
        replyPort = 0;
      } else {
        replyPort = 0;
      }
      for (int i = crossings.size() - 1; i >= 0; i--) {
        Crossing c = crossings.get(i);
        if (c.to() != null && !aclAllows(c.to(), true, c.a(), proto, replyPort)) {
          return false;
        }
        if (c.from() != null && !aclAllows(c.from(), false, c.b(), proto, replyPort)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Port representatives: every boundary the generator writes and its neighbours. */
  private static List<Integer> portReps(int lo, int hi) {
    TreeSet<Integer> out = new TreeSet<>(List.of(lo, hi));
    for (int v : INTERESTING) {
      for (int p = v - 1; p <= v + 1; p++) {
        if (p >= lo && p <= hi) {
          out.add(p);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static List<Long> addressReps(Spec s, Inst i) {
    if (i.fixed()) {
      return List.of(i.ip());
    }
    long base = s.subnet(i.subnet()).base();
    return List.of(base + 1, base + 9);
  }

  /** The brute-force verdicts: all the traffic, and any of it. */
  static Verdict[] brute(Spec s, Query q) {
    Inst src = q.from() == null ? null : s.instance(q.from());
    Inst dst = q.to() == null ? null : s.instance(q.to());
    List<int[]> packets = new ArrayList<>();
    switch (q.protocol()) {
      case TCP, UDP -> {
        for (int p : portReps(q.ports().from(), q.ports().to())) {
          packets.add(new int[] {q.protocol().number(), p});
        }
      }
      case ICMP -> packets.add(new int[] {1, 8});
      case ALL -> {
        for (int proto : new int[] {0, 2, 47, 50, 255}) {
          packets.add(new int[] {proto, 0});
        }
        for (int type : new int[] {0, 3, 7, 8, 9, 255}) {
          packets.add(new int[] {1, type});
        }
        for (int p : portReps(0, 65535)) {
          packets.add(new int[] {6, p});
          packets.add(new int[] {17, p});
        }
      }
    }
    List<Long> srcOne = src == null ? List.of(0L) : addressReps(s, src);
    List<Long> dstOne = dst == null ? List.of(0L) : addressReps(s, dst);
    List<Long> srcAll = src == null ? List.of(INTERNET[0], INTERNET[1]) : List.of(-1L);
    List<Long> dstAll = dst == null ? List.of(INTERNET[0], INTERNET[1]) : List.of(-1L);
    List<Integer> ephemeral = portReps(32768, 65535);
    Verdict all = null;
    Verdict any = null;
    for (int world = 0; world < (1 << s.symbolics); world++) {
      Brute b = new Brute(s, world);
      Set<O> tupleAll = new java.util.HashSet<>();
      Set<O> tupleAny = new java.util.HashSet<>();
      for (long so : srcOne) {
        for (long dO : dstOne) {
          for (int e : ephemeral) {
            Set<O> seen = new java.util.HashSet<>();
            for (long sa : srcAll) {
              for (long da : dstAll) {
                long sIp = src == null ? sa : so;
                long dIp = dst == null ? da : dO;
                for (int[] p : packets) {
                  seen.add(b.packet(src, sIp, dst, dIp, p[0], p[1], e));
                }
              }
            }
            tupleAll.add(seen.contains(O.B) ? O.B : seen.equals(Set.of(O.R)) ? O.R : O.U);
            tupleAny.add(seen.contains(O.R) ? O.R : seen.equals(Set.of(O.B)) ? O.B : O.U);
          }
        }
      }
      Verdict wAll = one(tupleAll);
      Verdict wAny = one(tupleAny);
      all = all == null || all == wAll ? wAll : Verdict.UNKNOWN;
      any = any == null || any == wAny ? wAny : Verdict.UNKNOWN;
    }
    return new Verdict[] {all, any};
  }

  private static Verdict one(Set<O> outcomes) {
    if (outcomes.equals(Set.of(O.R))) {
      return Verdict.REACHABLE;
    }
    if (outcomes.equals(Set.of(O.B))) {
      return Verdict.BLOCKED;
    }
    return Verdict.UNKNOWN;
  }

  // ------------------------------------------------------------------ the comparison

  @Test
  void graphVerdictsAgreeWithBruteForceOnRandomVpcs() {
    Random random = new Random(SEED);
    int queries = 0;
    int imprecise = 0;
    int exactQueries = 0;
    Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);
    List<String> firstImprecise = new ArrayList<>();
    long graphNanos = 0;
    for (int v = 0; v < VPCS; v++) {
      Spec spec = generate(random);
      String yaml = yaml(spec);
      var model = Models.of(yaml);
      long t0 = System.nanoTime();
      Reachability graph = NetworkGraph.build(model);
      graphNanos += System.nanoTime() - t0;
      for (Query q : queries(random, spec)) {
        Endpoint from =
            q.from() == null ? new Endpoint.Internet() : new Endpoint.Workload(Models.id(q.from()));
        Endpoint to =
            q.to() == null ? new Endpoint.Internet() : new Endpoint.Workload(Models.id(q.to()));
        long t1 = System.nanoTime();
        ReachResult r = graph.reach(from, to, q.protocol(), q.ports());
        graphNanos += System.nanoTime() - t1;
        Verdict[] expected = brute(spec, q);
        queries++;
        byVerdict.merge(r.verdict(), 1, Integer::sum);
        String where =
            "VPC #"
                + v
                + ", query "
                + q
                + "\ngraph: "
                + r.verdict()
                + " / any "
                + r.anyTraffic()
                + ": "
                + r.reason()
                + "\n"
                + hops(r)
                + "brute force: "
                + expected[0]
                + " / any "
                + expected[1]
                + "\n--- template ---\n"
                + yaml;
        assertThat(agrees(r.verdict(), expected[0])).as("first disagreement: %s", where).isTrue();
        assertThat(agrees(r.anyTraffic(), expected[1]))
            .as("first disagreement (any traffic): %s", where)
            .isTrue();
        boolean exact = spec.symbolics == 0;
        if (exact) {
          exactQueries++;
        }
        if (r.verdict() == Verdict.UNKNOWN && expected[0] != Verdict.UNKNOWN) {
          imprecise++;
          if (firstImprecise.size() < 3) {
            firstImprecise.add(where.substring(0, where.indexOf("--- template")));
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "differential: %d VPCs, %d queries (%d without symbolic values), verdicts %s,"
            + " %d unknown where the brute force is definite, graph time %.1f ms%n",
        VPCS,
        queries,
        exactQueries,
        byVerdict,
        imprecise,
        graphNanos / 1e6);
    firstImprecise.forEach(s -> System.out.println("imprecise: " + s));
    assertThat(queries).isGreaterThan(3000);
    assertThat(byVerdict.getOrDefault(Verdict.REACHABLE, 0)).isGreaterThan(queries / 10);
    assertThat(byVerdict.getOrDefault(Verdict.BLOCKED, 0)).isGreaterThan(queries / 4);
    assertThat(imprecise)
        .as("unknown verdicts where the brute force is definite")
        .isLessThan(queries / 20);
  }

  /** A definite graph verdict must be the brute force's; unknown is always sound. */
  private static boolean agrees(Verdict graph, Verdict brute) {
    return graph == Verdict.UNKNOWN || graph == brute;
  }

  private static String hops(ReachResult r) {
    StringBuilder sb = new StringBuilder();
    for (Hop h : r.hops()) {
      sb.append("  ")
          .append(h.kind())
          .append(' ')
          .append(h.verdict())
          .append(": ")
          .append(h.detail())
          .append('\n');
    }
    return sb.toString();
  }
}
