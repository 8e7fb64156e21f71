package dev.netlint.graph;

import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.Verdict;
import dev.netlint.graph.Topology.ForwarderNode;
import dev.netlint.graph.Topology.GatewayNode;
import dev.netlint.graph.Topology.ParsedRoute;
import dev.netlint.graph.Topology.RouteTableNode;
import dev.netlint.model.IpProtocol;
import dev.netlint.model.NetworkAcl;
import dev.netlint.model.NetworkAclEntry;
import dev.netlint.model.NetworkAttachment;
import dev.netlint.model.NetworkAttachment.PublicIp;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.RouteTarget;
import dev.netlint.model.SecurityGroup;
import dev.netlint.model.SecurityGroupRef;
import dev.netlint.model.SecurityGroupRule;
import dev.netlint.model.Subnet;
import dev.netlint.model.VpcEndpoint;
import dev.netlint.model.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Traces one box of packets from one site to another, hop by hop, as AWS evaluates traffic: the
 * sender's security group egress, its subnet's network ACL outbound, the route table's
 * longest-prefix match, gateways and NAT (which translates the source), the receiving subnet's
 * network ACL inbound and the receiver's security group ingress; then the replies through every
 * network ACL crossed, on the ephemeral ports the client picked, since network ACLs are stateless.
 * Security groups are stateful, so replies pass them.
 *
 * <p>Every hop names the template element that decided it. A hop that depends on a value known only
 * at deploy is unknown; a path beyond a hop netlint cannot see through (peering, a transit gateway,
 * a route that is not known) continues to the destination as if delivered unchanged, so that what
 * the destination itself blocks still counts and nothing else does.
 */
final class Tracer {
  private static final int MAX_FORWARDS = 6;

  private final NetworkModel model;
  private final Topology topology;
  private final RuleMatcher rules;

  Tracer(NetworkModel model, Topology topology) {
    this.model = model;
    this.topology = topology;
    this.rules = new RuleMatcher(model);
  }

  /** The hops of one box and what they add up to. */
  record Trace(Verdict verdict, List<Hop> hops) {}

  /** Who sends on the current leg: the source, or a NAT that translated it. */
  private record Sender(
      Site.Kind kind,
      @Nullable ResourceId subnet,
      @Nullable ResourceId vpc,
      AddressSet addresses,
      Split.@Nullable Dim dim,
      @Nullable List<SecurityGroupRef> groups,
      PublicIp publicIp,
      String label) {}

  /** One crossing of a subnet boundary, which the reply crosses back. */
  private record Crossing(
      @Nullable ResourceId from,
      boolean fromKnown,
      @Nullable ResourceId to,
      boolean toKnown,
      AddressSet a,
      Split.@Nullable Dim aDim,
      String aLabel,
      AddressSet b,
      Split.@Nullable Dim bDim,
      String bLabel) {}

  /** State of one trace. */
  private final class Run {
    final Box box;
    final Site dst;
    final List<Hop> hops = new ArrayList<>();
    final List<Crossing> crossings = new ArrayList<>();
    boolean unknownEnd;
    String dstLabel;

    Run(Box box, Site dst) {
      this.box = box;
      this.dst = dst;
      this.dstLabel = label(dst.label(), dst.addresses(), box.dst());
    }

    void hop(
        Hop.Kind kind,
        @Nullable ResourceId element,
        @Nullable Origin origin,
        Verdict v,
        String detail) {
      hops.add(new Hop(kind, element, origin, v, detail));
    }

    Trace result() {
      Verdict v = Verdict.REACHABLE;
      for (Hop h : hops) {
        if (h.verdict() == Verdict.BLOCKED) {
          return new Trace(Verdict.BLOCKED, hops);
        }
        if (h.verdict() == Verdict.UNKNOWN) {
          v = Verdict.UNKNOWN;
        }
      }
      return new Trace(unknownEnd ? Verdict.UNKNOWN : v, hops);
    }
  }

  private static String label(String siteLabel, AddressSet siteAddresses, AddressSet boxAddresses) {
    return boxAddresses.equals(siteAddresses) ? siteLabel : siteLabel + " (" + boxAddresses + ")";
  }

  /**
   * Traces {@code box} from {@code src} to {@code dst}.
   *
   * @throws Split when a rule covers part of the box along a dimension that must get through
   */
  Trace trace(Site src, Site dst, Box box) {
    Run run = new Run(box, dst);
    Split.Dim srcDim = src.all() ? Split.Dim.SRC : null;
    Sender sender =
        new Sender(
            src.kind(),
            src.subnet(),
            src.vpc(),
            box.src(),
            srcDim,
            src.groups(),
            src.publicIp(),
            label(src.label(), src.addresses(), box.src()));
    if (src.kind() == Site.Kind.OUTSIDE) {
      enterFromOutside(run, src, sender);
      return run.result();
    }
    if (sender.groups() != null) {
      securityGroups(run, sender.groups(), true, forwardView(run), run.dstLabel);
    }
    forward(run, sender);
    return run.result();
  }

  // ------------------------------------------------------------------ views

  private final java.util.Map<List<SecurityGroupRef>, Set<String>> keys =
      new java.util.IdentityHashMap<>();

  private @Nullable Set<String> keys(@Nullable List<SecurityGroupRef> groups) {
    if (groups == null) {
      return null;
    }
    return keys.computeIfAbsent(
        groups,
        g -> {
          Set<String> out = new HashSet<>();
          for (SecurityGroupRef ref : g) {
            out.add(ref.key());
          }
          return out;
        });
  }

  private static boolean open(@Nullable List<SecurityGroupRef> groups) {
    if (groups == null) {
      return false;
    }
    for (SecurityGroupRef g : groups) {
      if (g.kind() == SecurityGroupRef.Kind.SYMBOLIC) {
        return true;
      }
    }
    return false;
  }

  /** What rules on the sender's side see: the destination as the remote end. */
  private View forwardView(Run run) {
    Box b = run.box;
    return new View(
        b.dst(),
        b.dstAll() ? Split.Dim.DST : null,
        keys(run.dst.groups()),
        open(run.dst.groups()),
        b.protoLo(),
        b.protoHi(),
        b.lo(),
        b.hi(),
        true);
  }

  /** What rules on the receiving side see: the sender as the remote end. */
  private View inboundView(Run run, Sender sender) {
    Box b = run.box;
    return new View(
        sender.addresses(),
        sender.dim(),
        keys(sender.groups()),
        open(sender.groups()),
        b.protoLo(),
        b.protoHi(),
        b.lo(),
        b.hi(),
        true);
  }

  /** A reply's view, or null when the traffic has no reply to check (ICMP other than echo). */
  /**
   * The client ports a reply goes to: the ranges Linux (32768-60999) and Windows (49152-65535)
   * clients pick from. An ACL that lets none of them back blocks every real client; one that
   * lets only part of them back is unknown. (AWS asks ACLs to allow 1024-65535, which covers it.)
   */
  static final int EPHEMERAL_LO = 32768;

  static final int EPHEMERAL_HI = 65535;

  private static @Nullable View replyView(Box b, AddressSet remote, Split.@Nullable Dim dim) {
    if (b.hasPorts()) {
      return new View(
          remote, dim, null, false, b.protoLo(), b.protoHi(), EPHEMERAL_LO, EPHEMERAL_HI, false);
    }
    if (b.icmp()) {
      if (b.lo() == 8 && b.hi() == 8) {
        return new View(remote, dim, null, false, b.protoLo(), b.protoHi(), 0, 0, false);
      }
      return null;
    }
    return new View(remote, dim, null, false, b.protoLo(), b.protoHi(), 0, 0, false);
  }

  // ------------------------------------------------------------------ forwarding

  private void forward(Run run, Sender start) {
    Sender sender = start;
    Set<Object> visited = new HashSet<>();
    Site dst = run.dst;
    for (int step = 0; step <= MAX_FORWARDS; step++) {
      if (dst.kind() == Site.Kind.SUBNET
          && sender.subnet() != null
          && sender.subnet().equals(dst.subnet())) {
        arrive(run, sender);
        return;
      }
      networkAcl(
          run,
          sender.kind() == Site.Kind.SUBNET ? sender.subnet() : null,
          true,
          false,
          forwardView(run),
          run.dstLabel,
          sender.label());
      Route route = route(run, sender, run.box.dst(), run.box.dstAll() ? Split.Dim.DST : null);
      switch (route.kind) {
        case NONE -> {
          return;
        }
        case LOCAL -> {
          if (dst.kind() == Site.Kind.SUBNET
              && dst.vpc() != null
              && dst.vpc().equals(sender.vpc())) {
            enter(run, sender, sender, dst.subnet(), true, run.dstLabel);
            arrive(run, sender);
          } else if (dst.kind() == Site.Kind.SUBNET) {
            run.hop(
                Hop.Kind.ROUTE,
                route.route.element(),
                route.route.origin(),
                Verdict.BLOCKED,
                run.dstLabel
                    + " is in VPC "
                    + dst.vpc()
                    + ", but its addresses fall in the CIDR"
                    + " of "
                    + sender.vpc()
                    + ", the sender's VPC: the local route keeps the"
                    + " traffic inside "
                    + sender.vpc());
          } else {
            run.unknownEnd = true;
            run.hop(
                Hop.Kind.ROUTE,
                route.route.element(),
                route.route.origin(),
                Verdict.UNKNOWN,
                "no subnet of the model holds " + run.dstLabel + " in " + idOf(sender.vpc()));
          }
          return;
        }
        case INTERNET_GATEWAY -> {
          internetGateway(run, sender, route);
          return;
        }
        case GATEWAY_ENDPOINT -> {
          VpcEndpoint e = route.endpoint;
          run.hop(
              Hop.Kind.GATEWAY,
              e.id(),
              e.resource().origin(),
              Verdict.REACHABLE,
              "gateway endpoint " + e.resource().logicalId() + " carries it to " + dst.service());
          cross(run, sender, null, false);
          replies(run);
          return;
        }
        case NAT_GATEWAY, FORWARDER -> {
          Object node = route.target;
          if (!visited.add(node)) {
            run.hop(
                Hop.Kind.ROUTE,
                route.route.element(),
                route.route.origin(),
                Verdict.BLOCKED,
                "routing loop: route "
                    + route.route.label()
                    + " sends the traffic back to "
                    + targetLabel(route.route)
                    + ", which already forwarded it");
            return;
          }
          Sender next =
              route.kind == RouteKind.NAT_GATEWAY
                  ? natGateway(run, sender, route)
                  : forwarder(run, sender, route);
          if (next == null) {
            return;
          }
          sender = next;
        }
        case OPAQUE, UNKNOWN -> {
          if (route.kind == RouteKind.OPAQUE) {
            GatewayNode g = route.route.target() instanceof GatewayNode n ? n : null;
            run.hop(
                Hop.Kind.OPAQUE,
                g == null ? null : g.resource(),
                route.route.origin(),
                Verdict.UNKNOWN,
                "the traffic leaves through "
                    + targetLabel(route.route)
                    + "; netlint does not look beyond it");
          }
          beyond(run, sender);
          return;
        }
      }
    }
    run.hop(
        Hop.Kind.ROUTE,
        null,
        null,
        Verdict.UNKNOWN,
        "the path passes more than " + MAX_FORWARDS + " forwarders; netlint stops there");
    run.unknownEnd = true;
  }

  /** Continues past a hop netlint cannot see through, to a destination in the model. */
  private void beyond(Run run, Sender sender) {
    Site dst = run.dst;
    cross(run, sender, null, false);
    if (dst.kind() == Site.Kind.OUTSIDE) {
      replies(run);
      run.unknownEnd = true;
      return;
    }
    Sender unseen =
        new Sender(
            Site.Kind.OUTSIDE,
            null,
            null,
            sender.addresses(),
            sender.dim(),
            sender.groups(),
            sender.publicIp(),
            sender.label());
    enterDestination(run, unseen, sender);
    arrive(run, sender);
    run.unknownEnd = true;
  }

  /**
   * Traffic entering a subnet: the crossing from {@code crossing}'s subnet into {@code to} and the
   * inbound entries of {@code to}'s network ACL, as {@code sender} sees them.
   */
  private void enter(
      Run run,
      Sender crossing,
      Sender sender,
      @Nullable ResourceId to,
      boolean toKnown,
      String toLabel) {
    cross(run, crossing, to, toKnown);
    networkAcl(
        run, toKnown ? to : null, false, false, inboundView(run, sender), sender.label(), toLabel);
  }

  /** Traffic entering the destination's subnet (or the destination outside any subnet). */
  private void enterDestination(Run run, Sender crossing, Sender sender) {
    Site dst = run.dst;
    boolean inSubnet = dst.kind() == Site.Kind.SUBNET;
    enter(run, crossing, sender, dst.subnet(), inSubnet, run.dstLabel);
  }

  /** Records a crossing from the sender's subnet into {@code to} (null: out of the VPC). */
  private void cross(Run run, Sender sender, @Nullable ResourceId to, boolean toKnown) {
    boolean fromKnown = sender.kind() == Site.Kind.SUBNET;
    if (sender.kind() == Site.Kind.OUTSIDE && to == null && !toKnown) {
      return;
    }
    run.crossings.add(
        new Crossing(
            fromKnown ? sender.subnet() : null,
            fromKnown || sender.kind() == Site.Kind.OUTSIDE,
            to,
            toKnown || to == null,
            sender.addresses(),
            sender.dim(),
            sender.label(),
            run.box.dst(),
            run.box.dstAll() ? Split.Dim.DST : null,
            run.dstLabel));
  }

  /** Delivery to the destination: its security groups, then the replies. */
  private void arrive(Run run, Sender sender) {
    Site dst = run.dst;
    if (dst.groups() != null) {
      securityGroups(run, dst.groups(), false, inboundView(run, sender), sender.label());
    }
    replies(run);
  }

  private void replies(Run run) {
    for (int i = run.crossings.size() - 1; i >= 0; i--) {
      Crossing c = run.crossings.get(i);
      if (c.to() != null || !c.toKnown()) {
        View out = replyView(run.box, c.a(), c.aDim());
        if (out != null) {
          networkAcl(run, c.toKnown() ? c.to() : null, true, true, out, c.aLabel(), c.bLabel());
        }
      }
      if (c.from() != null || !c.fromKnown()) {
        View in = replyView(run.box, c.b(), c.bDim());
        if (in != null) {
          networkAcl(run, c.fromKnown() ? c.from() : null, false, true, in, c.bLabel(), c.aLabel());
        }
      }
    }
  }

  // ------------------------------------------------------------------ gateways and NAT

  private void internetGateway(Run run, Sender sender, Route route) {
    Site dst = run.dst;
    ResourceId igw = route.route.target() instanceof GatewayNode g ? g.resource() : null;
    Origin origin = route.route.origin();
    if (igw == null) {
      run.hop(
          Hop.Kind.GATEWAY,
          route.route.element(),
          origin,
          Verdict.UNKNOWN,
          "internet gateway "
              + targetLabel(route.route)
              + " is outside the templates: netlint"
              + " cannot tell whether it is attached to "
              + idOf(sender.vpc()));
    } else if (sender.vpc() != null && !topology.attached(igw, sender.vpc())) {
      run.hop(
          Hop.Kind.GATEWAY,
          igw,
          model.resource(igw).map(Resource::origin).orElse(origin),
          Verdict.BLOCKED,
          "internet gateway "
              + igw.logicalId()
              + " is not attached to "
              + sender.vpc().logicalId()
              + " (no AWS::EC2::VPCGatewayAttachment joins them)");
      return;
    } else {
      Verdict pub = hasPublicIp(sender);
      String detail =
          switch (pub) {
            case REACHABLE ->
                sender.label()
                    + " has a public IPv4 address; internet gateway "
                    + igw.logicalId()
                    + " carries the traffic to "
                    + run.dstLabel;
            case BLOCKED ->
                sender.label()
                    + " has no public IPv4 address, which traffic through"
                    + " internet gateway "
                    + igw.logicalId()
                    + " needs";
            case UNKNOWN ->
                "whether "
                    + sender.label()
                    + " has a public IPv4 address is not known"
                    + " before deploy";
          };
      run.hop(
          Hop.Kind.GATEWAY,
          igw,
          model.resource(igw).map(Resource::origin).orElse(origin),
          pub,
          detail);
      if (pub == Verdict.BLOCKED) {
        return;
      }
    }
    if (dst.kind() != Site.Kind.OUTSIDE) {
      run.unknownEnd = true;
      run.hop(
          Hop.Kind.GATEWAY,
          igw,
          origin,
          Verdict.UNKNOWN,
          "reaching "
              + run.dstLabel
              + " through the internet needs its public address,"
              + " which netlint does not follow");
      return;
    }
    AddressSet d = run.box.dst();
    if (!d.within(AddressSet.PUBLIC)) {
      if (d.disjoint(AddressSet.PUBLIC)) {
        run.hop(
            Hop.Kind.GATEWAY,
            igw,
            origin,
            Verdict.BLOCKED,
            run.dstLabel + " is a private address range: the internet does not route it");
        return;
      }
      if (run.box.dstAll()) {
        throw new Split(Split.Dim.DST, AddressSet.PUBLIC, 0, 0);
      }
      run.hop(
          Hop.Kind.GATEWAY,
          igw,
          origin,
          Verdict.UNKNOWN,
          "whether " + run.dstLabel + " is a public address is not known before deploy");
    }
    cross(run, sender, null, false);
    replies(run);
  }

  private Verdict hasPublicIp(Sender sender) {
    return switch (sender.publicIp()) {
      case YES -> Verdict.REACHABLE;
      case NO -> Verdict.BLOCKED;
      case UNKNOWN -> Verdict.UNKNOWN;
      case SUBNET_DEFAULT -> {
        Subnet s = sender.subnet() == null ? null : model.subnet(sender.subnet()).orElse(null);
        if (s == null) {
          yield Verdict.UNKNOWN;
        }
        if (s.mapPublicIpOnLaunch()) {
          yield Verdict.REACHABLE;
        }
        yield NetworkModel.isFalse(s.resource().property("MapPublicIpOnLaunch"))
                || s.resource().property("MapPublicIpOnLaunch") == null
            ? Verdict.BLOCKED
            : Verdict.UNKNOWN;
      }
    };
  }

  private @Nullable Sender natGateway(Run run, Sender sender, Route route) {
    GatewayNode node = (GatewayNode) route.route.target();
    ResourceId nat = node.resource();
    Workload w = nat == null ? null : model.workload(nat).orElse(null);
    Site at = w == null ? null : placement(w);
    if (at == null) {
      run.hop(
          Hop.Kind.NAT,
          nat,
          route.route.origin(),
          Verdict.UNKNOWN,
          "NAT gateway " + node.label() + " or its subnet is not known before deploy");
      beyond(run, sender);
      return null;
    }
    if (!at.subnet().equals(sender.subnet())) {
      enter(run, sender, sender, at.subnet(), true, "NAT gateway " + nat.logicalId());
    }
    run.hop(
        Hop.Kind.NAT,
        nat,
        w.resource().origin(),
        Verdict.REACHABLE,
        "NAT gateway "
            + nat.logicalId()
            + " in "
            + at.subnet().logicalId()
            + " translates the source to its own address");
    return new Sender(
        Site.Kind.SUBNET,
        at.subnet(),
        at.vpc(),
        at.addresses(),
        null,
        null,
        at.publicIp(),
        "NAT gateway " + nat.logicalId());
  }

  private @Nullable Sender forwarder(Run run, Sender sender, Route route) {
    ResourceId id = ((ForwarderNode) route.route.target()).workload();
    Workload w = model.workload(id).orElseThrow();
    Site at = placement(w);
    String name = w.resource().logicalId();
    if (at == null) {
      run.hop(
          Hop.Kind.NAT,
          id,
          w.resource().origin(),
          Verdict.UNKNOWN,
          "the subnet of "
              + name
              + ", which route "
              + route.route.label()
              + " sends the traffic to, is not known before deploy");
      beyond(run, sender);
      return null;
    }
    if (!at.subnet().equals(sender.subnet())) {
      enter(run, sender, sender, at.subnet(), true, name);
    }
    if (at.groups() != null) {
      securityGroups(run, at.groups(), false, inboundView(run, sender), sender.label());
    }
    Boolean check = w.sourceDestCheck();
    Verdict v = check == null ? Verdict.UNKNOWN : check ? Verdict.BLOCKED : Verdict.REACHABLE;
    String detail =
        check == null
            ? "whether " + name + " has SourceDestCheck disabled is not known before deploy"
            : check
                ? name
                    + " has SourceDestCheck enabled: it drops the traffic it would forward"
                    + " (set SourceDestCheck: false on a NAT instance)"
                : name + " forwards the traffic and translates the source to its own address";
    Origin origin = w.resource().origin();
    var sdc = w.resource().property("SourceDestCheck");
    run.hop(Hop.Kind.NAT, id, sdc != null ? sdc.origin() : origin, v, detail);
    Sender next =
        new Sender(
            Site.Kind.SUBNET,
            at.subnet(),
            at.vpc(),
            at.addresses(),
            null,
            at.groups(),
            at.publicIp(),
            name);
    if (next.groups() != null) {
      securityGroups(run, next.groups(), true, forwardView(run), run.dstLabel);
    }
    return next;
  }

  /** Where a NAT gateway or forwarding instance sits, or null when not known. */
  private @Nullable Site placement(Workload w) {
    if (w.interfaces().isEmpty()) {
      return null;
    }
    NetworkAttachment a = w.interfaces().get(0);
    if (!a.subnetsKnown() || a.subnetIds().size() != 1) {
      return null;
    }
    Subnet s = model.subnet(a.subnetIds().get(0)).orElse(null);
    if (s == null) {
      return null;
    }
    AddressSet addresses = Sites.addressesIn(model, topology, s, a);
    PublicIp pub = a.publicIp();
    return Site.workloadIn(
        s.id(),
        s.vpc(),
        addresses,
        w.kind() == Workload.Kind.NAT_GATEWAY
            ? null
            : a.securityGroups().isEmpty() ? null : a.securityGroups(),
        pub,
        w.resource().logicalId(),
        a.origin());
  }

  /** Traffic from the internet or a network beyond a gateway into a subnet of the model. */
  private void enterFromOutside(Run run, Site src, Sender sender) {
    Site dst = run.dst;
    if (dst.kind() == Site.Kind.OUTSIDE) {
      run.unknownEnd = true;
      run.hop(
          Hop.Kind.OPAQUE,
          null,
          null,
          Verdict.UNKNOWN,
          "both " + sender.label() + " and " + run.dstLabel + " are outside the VPCs of the model");
      return;
    }
    if (dst.kind() == Site.Kind.UNPLACED || dst.vpc() == null) {
      run.hop(
          Hop.Kind.GATEWAY,
          null,
          dst.origin(),
          Verdict.UNKNOWN,
          "the subnet of "
              + run.dstLabel
              + " is not known before deploy, nor how "
              + sender.label()
              + " enters its VPC");
    } else if (src.internet()) {
      List<ResourceId> igws = topology.internetGatewaysOf(dst.vpc());
      if (igws.isEmpty()) {
        run.hop(
            Hop.Kind.GATEWAY,
            dst.vpc(),
            model.resource(dst.vpc()).map(Resource::origin).orElse(null),
            Verdict.BLOCKED,
            dst.vpc().logicalId()
                + " has no internet gateway attached:"
                + " nothing from the internet enters it");
        return;
      }
      Sender receiver =
          new Sender(
              Site.Kind.SUBNET,
              dst.subnet(),
              dst.vpc(),
              run.box.dst(),
              null,
              dst.groups(),
              dst.publicIp(),
              run.dstLabel);
      Verdict pub = hasPublicIp(receiver);
      run.hop(
          Hop.Kind.GATEWAY,
          igws.get(0),
          model.resource(igws.get(0)).map(Resource::origin).orElse(null),
          pub,
          switch (pub) {
            case REACHABLE ->
                "internet gateway "
                    + igws.get(0).logicalId()
                    + " lets the traffic in to the public address of "
                    + run.dstLabel;
            case BLOCKED ->
                run.dstLabel + " has no public IPv4 address: the internet cannot address it";
            case UNKNOWN ->
                "whether " + run.dstLabel + " has a public IPv4 address is not known before deploy";
          });
      if (pub == Verdict.BLOCKED) {
        return;
      }
      returnRoute(run, receiver, sender);
    } else {
      run.hop(
          Hop.Kind.OPAQUE,
          null,
          null,
          Verdict.UNKNOWN,
          sender.label()
              + " enters "
              + idOf(dst.vpc())
              + " through a VPN, peering or transit"
              + " gateway netlint does not look through");
      run.unknownEnd = true;
    }
    enterDestination(run, sender, sender);
    arrive(run, sender);
  }

  /** Replies to the internet must leave through an internet gateway, not a NAT. */
  private void returnRoute(Run run, Sender receiver, Sender client) {
    Route r;
    RouteTableNode table = topology.routeTableOf(receiver.subnet());
    if (table == null) {
      run.hop(
          Hop.Kind.ROUTE,
          receiver.subnet(),
          null,
          Verdict.UNKNOWN,
          "the route table of " + receiver.subnet().logicalId() + " is not known before deploy");
      return;
    }
    r = lookup(table, receiver, Site.Kind.OUTSIDE, null, client.addresses(), client.dim(), null);
    String what = "replies from " + run.dstLabel + " to " + client.label();
    if (r.kind == RouteKind.INTERNET_GATEWAY) {
      run.hop(
          Hop.Kind.ROUTE,
          r.route.element(),
          r.route.origin(),
          Verdict.REACHABLE,
          what + " leave through " + targetLabel(r.route) + " (route " + r.route.label() + ")");
    } else if (r.kind == RouteKind.NONE) {
      run.hop(
          Hop.Kind.ROUTE,
          tableElement(table),
          tableOrigin(table),
          Verdict.BLOCKED,
          what + " have no route in " + tableName(table));
    } else if (r.kind == RouteKind.NAT_GATEWAY || r.kind == RouteKind.FORWARDER) {
      run.hop(
          Hop.Kind.ROUTE,
          r.route.element(),
          r.route.origin(),
          Verdict.BLOCKED,
          what
              + " go to "
              + targetLabel(r.route)
              + " (route "
              + r.route.label()
              + "), not back through the internet gateway: the connection fails");
    } else if (r.kind == RouteKind.UNKNOWN) {
      run.hop(
          Hop.Kind.ROUTE,
          r.route == null ? null : r.route.element(),
          r.route == null ? null : r.route.origin(),
          Verdict.UNKNOWN,
          r.why);
    } else {
      run.hop(
          Hop.Kind.ROUTE,
          r.route.element(),
          r.route.origin(),
          Verdict.UNKNOWN,
          what + " go to " + targetLabel(r.route) + ", which netlint does not look through");
    }
  }

  // ------------------------------------------------------------------ routes

  enum RouteKind {
    NONE,
    LOCAL,
    INTERNET_GATEWAY,
    GATEWAY_ENDPOINT,
    NAT_GATEWAY,
    FORWARDER,
    OPAQUE,
    UNKNOWN
  }

  private static final class Route {
    final RouteKind kind;
    final @Nullable ParsedRoute route;
    final @Nullable Object target;
    final @Nullable VpcEndpoint endpoint;
    final String why;

    Route(RouteKind kind, @Nullable ParsedRoute route, @Nullable VpcEndpoint endpoint, String why) {
      this.kind = kind;
      this.route = route;
      this.target = route == null ? endpoint : route.target();
      this.endpoint = endpoint;
      this.why = why;
    }
  }

  /** Looks up the route for the destination and records the route hop. */
  private Route route(Run run, Sender sender, AddressSet d, Split.@Nullable Dim dim) {
    if (sender.kind() != Site.Kind.SUBNET) {
      run.hop(
          Hop.Kind.ROUTE,
          null,
          null,
          Verdict.UNKNOWN,
          "the subnet of " + sender.label() + " is not known before deploy, nor its route table");
      return new Route(RouteKind.UNKNOWN, null, null, "");
    }
    RouteTableNode table = topology.routeTableOf(sender.subnet());
    if (table == null) {
      run.hop(
          Hop.Kind.ROUTE,
          sender.subnet(),
          null,
          Verdict.UNKNOWN,
          "the route table of " + sender.subnet().logicalId() + " is not known before deploy");
      return new Route(RouteKind.UNKNOWN, null, null, "");
    }
    Site dst = run.dst;
    if (dst.kind() == Site.Kind.UNPLACED) {
      run.hop(
          Hop.Kind.ROUTE,
          tableElement(table),
          tableOrigin(table),
          Verdict.UNKNOWN,
          "the route " + tableName(table) + " takes to " + run.dstLabel + " is not known");
      return new Route(RouteKind.UNKNOWN, null, null, "");
    }
    Route r = lookup(table, sender, dst.kind(), dst.vpc(), d, dim, dst.service());
    switch (r.kind) {
      case NONE ->
          run.hop(
              Hop.Kind.ROUTE,
              tableElement(table),
              tableOrigin(table),
              Verdict.BLOCKED,
              tableName(table) + " has no route to " + run.dstLabel);
      case UNKNOWN ->
          run.hop(
              Hop.Kind.ROUTE,
              r.route == null ? tableElement(table) : r.route.element(),
              r.route == null ? tableOrigin(table) : r.route.origin(),
              Verdict.UNKNOWN,
              r.why);
      case GATEWAY_ENDPOINT ->
          run.hop(
              Hop.Kind.ROUTE,
              r.endpoint.id(),
              r.endpoint.resource().origin(),
              Verdict.REACHABLE,
              tableName(table)
                  + " sends "
                  + dst.service()
                  + " traffic to gateway endpoint "
                  + r.endpoint.resource().logicalId()
                  + " (its prefix list route)");
      default -> {
        ParsedRoute p = r.route;
        String how =
            p.route() == null
                ? "the local route (" + p.label() + ")"
                : "route " + p.label() + " to " + targetLabel(p);
        run.hop(
            Hop.Kind.ROUTE,
            p.element(),
            p.origin(),
            Verdict.REACHABLE,
            tableName(table)
                + " sends "
                + run.dstLabel
                + " through "
                + how
                + (r.why.isEmpty() ? "" : "; " + r.why));
      }
    }
    return r;
  }

  /** Longest-prefix match of {@code d} in {@code table}. */
  private Route lookup(
      RouteTableNode table,
      Sender sender,
      Site.Kind dstKind,
      @Nullable ResourceId dstVpc,
      AddressSet d,
      Split.@Nullable Dim dim,
      @Nullable String service) {
    List<ParsedRoute> routes = topology.routes(table);
    if (service != null && dstKind == Site.Kind.OUTSIDE) {
      for (VpcEndpoint e : topology.gatewayEndpoints(table)) {
        if (service.equals(e.service())) {
          return new Route(RouteKind.GATEWAY_ENDPOINT, null, e, "");
        }
      }
    }
    boolean sameVpc = dstKind == Site.Kind.SUBNET && dstVpc != null && dstVpc.equals(sender.vpc());
    if (sameVpc) {
      ParsedRoute local = null;
      for (ParsedRoute r : routes) {
        if (r.targetKind() == RouteTarget.Kind.LOCAL
            && r.target() instanceof Topology.VpcNode v
            && v.id().equals(dstVpc)) {
          local = r;
        }
      }
      int localPrefix =
          local == null || local.kind() != Topology.DestinationKind.CIDR ? 0 : local.prefixLength();
      ParsedRoute best = null;
      for (ParsedRoute r : routes) {
        if (r.kind() != Topology.DestinationKind.CIDR
            || r.targetKind() == RouteTarget.Kind.LOCAL
            || r.prefixLength() <= localPrefix
            || r.destination().disjoint(d)) {
          continue;
        }
        if (!d.within(r.destination())) {
          if (dim != null) {
            throw new Split(dim, r.destination(), 0, 0);
          }
          return new Route(
              RouteKind.UNKNOWN,
              r,
              null,
              "whether route "
                  + r.label()
                  + " applies depends on which address in "
                  + d
                  + " the destination has");
        }
        if (best == null || r.prefixLength() > best.prefixLength()) {
          best = r;
        }
      }
      if (best != null) {
        return decide(best, "");
      }
      if (local == null) {
        return new Route(RouteKind.UNKNOWN, null, null, "the local route is not known");
      }
      return new Route(RouteKind.LOCAL, local, null, "");
    }
    ParsedRoute best = null;
    for (ParsedRoute r : routes) {
      if (r.kind() == Topology.DestinationKind.CIDR
          && d.within(r.destination())
          && (best == null || r.prefixLength() > best.prefixLength())) {
        best = r;
      }
    }
    for (ParsedRoute r : routes) {
      if (r.kind() != Topology.DestinationKind.CIDR
          || d.within(r.destination())
          || d.disjoint(r.destination())
          || (best != null && r.prefixLength() <= best.prefixLength())) {
        continue;
      }
      if (dim != null) {
        throw new Split(dim, r.destination(), 0, 0);
      }
      if (best == null || !sameTarget(best, r)) {
        return new Route(
            RouteKind.UNKNOWN,
            r,
            null,
            "whether route "
                + r.label()
                + " applies depends on which address in "
                + d
                + " the destination has");
      }
    }
    boolean publicDestination = d.within(AddressSet.PUBLIC);
    List<String> assumed = new ArrayList<>();
    for (ParsedRoute r : routes) {
      if (r.kind() != Topology.DestinationKind.UNKNOWN || (best != null && sameTarget(best, r))) {
        continue;
      }
      if (best != null && publicDestination && privateNetworkTarget(r.targetKind())) {
        assumed.add(r.label());
        continue;
      }
      return new Route(
          RouteKind.UNKNOWN,
          r,
          null,
          "route "
              + r.label()
              + " to "
              + targetLabel(r)
              + " may cover "
              + d
              + ", and its destination is not known before deploy");
    }
    if (best == null) {
      return new Route(RouteKind.NONE, null, null, "");
    }
    return decide(
        best,
        assumed.isEmpty()
            ? ""
            : "assuming the routes to " + String.join(", ", assumed) + " are for private networks");
  }

  private static boolean privateNetworkTarget(RouteTarget.Kind k) {
    return k == RouteTarget.Kind.LOCAL
        || k == RouteTarget.Kind.VPN_GATEWAY
        || k == RouteTarget.Kind.TRANSIT_GATEWAY
        || k == RouteTarget.Kind.VPC_PEERING_CONNECTION
        || k == RouteTarget.Kind.LOCAL_GATEWAY
        || k == RouteTarget.Kind.CORE_NETWORK;
  }

  private static boolean sameTarget(ParsedRoute a, ParsedRoute b) {
    return a.target().equals(b.target());
  }

  private Route decide(ParsedRoute r, String note) {
    RouteKind kind =
        switch (r.targetKind()) {
          case LOCAL -> RouteKind.LOCAL;
          case INTERNET_GATEWAY -> RouteKind.INTERNET_GATEWAY;
          case NAT_GATEWAY ->
              r.target() instanceof GatewayNode g && g.resource() != null
                  ? RouteKind.NAT_GATEWAY
                  : RouteKind.OPAQUE;
          case INSTANCE, NETWORK_INTERFACE ->
              r.target() instanceof ForwarderNode ? RouteKind.FORWARDER : RouteKind.OPAQUE;
          default -> RouteKind.OPAQUE;
        };
    return new Route(kind, r, null, note);
  }

  private String targetLabel(ParsedRoute r) {
    if (r.target() instanceof GatewayNode g) {
      return switch (g.kind()) {
        case INTERNET_GATEWAY -> "internet gateway " + g.label();
        case NAT_GATEWAY -> "NAT gateway " + g.label();
        case VPC_PEERING_CONNECTION -> "peering connection " + g.label();
        case TRANSIT_GATEWAY -> "transit gateway " + g.label();
        case VPN_GATEWAY -> "VPN gateway " + g.label();
        case VPC_ENDPOINT -> "VPC endpoint " + g.label();
        case NONE -> "no target";
        default -> g.label();
      };
    }
    if (r.target() instanceof ForwarderNode f) {
      return f.workload().logicalId();
    }
    if (r.target() instanceof Topology.VpcNode v) {
      return "local (" + v.id().logicalId() + ")";
    }
    return r.target().toString();
  }

  private static ResourceId tableElement(RouteTableNode t) {
    return t.id();
  }

  private @Nullable Origin tableOrigin(RouteTableNode t) {
    return model.resource(t.id()).map(Resource::origin).orElse(null);
  }

  private static String tableName(RouteTableNode t) {
    return t.main()
        ? "the main route table of " + t.id().logicalId() + " (only the local route)"
        : "route table " + t.id().logicalId();
  }

  private static String idOf(@Nullable ResourceId id) {
    return id == null ? "its VPC" : id.logicalId();
  }

  // ------------------------------------------------------------------ rule lists

  private void securityGroups(
      Run run, List<SecurityGroupRef> refs, boolean egress, View v, String remote) {
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
    Decision d = rules.securityGroups(known, egress, unknown, v);
    Hop.Kind kind = egress ? Hop.Kind.SECURITY_GROUP_EGRESS : Hop.Kind.SECURITY_GROUP_INGRESS;
    String direction = egress ? "egress" : "ingress";
    String toFrom = egress ? " to " : " from ";
    String names = refs.stream().map(SecurityGroupRef::label).collect(Collectors.joining(", "));
    String traffic = run.box.traffic();
    if (d.rule() instanceof SecurityGroupRule rule) {
      ResourceId element = rule.group().resource();
      String detail =
          switch (d.verdict()) {
            case REACHABLE ->
                rule.group().label()
                    + " "
                    + direction
                    + " allows "
                    + rule.trafficLabel()
                    + toFrom
                    + rule.peerLabel()
                    + (rule.declaredBy()
                                .type()
                                .equals(dev.netlint.model.ResourceTypes.SECURITY_GROUP)
                            || rule.declaredBy().type().equals(dev.netlint.model.ResourceTypes.VPC)
                        ? ""
                        : " (" + rule.declaredBy().logicalId() + ")")
                    + ": "
                    + traffic
                    + toFrom
                    + remote
                    + " passes";
            default ->
                rule.group().label()
                    + " "
                    + direction
                    + " rule for "
                    + rule.trafficLabel()
                    + toFrom
                    + rule.peerLabel()
                    + " may or may not match "
                    + traffic
                    + toFrom
                    + remote
                    + ": "
                    + d.why();
          };
      run.hop(kind, element, rule.origin(), d.verdict(), detail);
      return;
    }
    if (d.verdict() == Verdict.BLOCKED) {
      SecurityGroup first = known.isEmpty() ? null : known.get(0);
      Origin origin = null;
      if (first != null) {
        var prop =
            first.resource().property(egress ? "SecurityGroupEgress" : "SecurityGroupIngress");
        origin =
            prop != null && first.ref().kind() == SecurityGroupRef.Kind.RESOURCE
                ? prop.origin()
                : first.resource().origin();
      }
      run.hop(
          kind,
          first == null ? null : first.ref().resource(),
          origin,
          Verdict.BLOCKED,
          "no " + direction + " rule of " + names + " allows " + traffic + toFrom + remote);
      return;
    }
    run.hop(
        kind,
        unknown == null ? null : unknown.resource(),
        null,
        d.verdict(),
        names + " " + direction + ": " + d.why());
  }

  private void networkAcl(
      Run run,
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
    String traffic = reply ? replyTraffic(run.box) : run.box.traffic();
    String dir = outbound ? "outbound" : "inbound";
    String toFrom = outbound ? " to " : " from ";
    String what = (reply ? "the reply, " : "") + traffic + toFrom + remote;
    if (subnet == null) {
      run.hop(
          kind,
          null,
          null,
          Verdict.UNKNOWN,
          "the subnet of " + self + " is not known before deploy, nor its network ACL");
      return;
    }
    Subnet s = model.subnet(subnet).orElse(null);
    if (topology.networkAclUnknown(subnet)) {
      Resource assoc = model.networkAclAssociation(subnet).orElseThrow();
      run.hop(
          kind,
          assoc.id(),
          assoc.origin(),
          Verdict.UNKNOWN,
          subnet.logicalId() + " is associated with a network ACL outside the templates");
      return;
    }
    NetworkAcl acl = topology.networkAclOf(subnet);
    if (acl == null) {
      run.hop(
          kind,
          subnet,
          s == null ? null : s.resource().origin(),
          Verdict.REACHABLE,
          subnet.logicalId() + " uses its VPC's default network ACL, which allows " + what);
      return;
    }
    Decision d = rules.networkAcl(acl.entries(outbound), v);
    String name = acl.resource().logicalId();
    if (d.rule() instanceof NetworkAclEntry e) {
      String detail =
          switch (d.verdict()) {
            case REACHABLE ->
                name
                    + " "
                    + dir
                    + " "
                    + e.label()
                    + " ("
                    + e.resource().logicalId()
                    + ") allows "
                    + what;
            case BLOCKED ->
                name
                    + " "
                    + dir
                    + " "
                    + e.label()
                    + " ("
                    + e.resource().logicalId()
                    + ") denies "
                    + what;
            case UNKNOWN ->
                name
                    + " "
                    + dir
                    + " "
                    + e.label()
                    + " ("
                    + e.resource().logicalId()
                    + ") may or may not match "
                    + what
                    + ": "
                    + d.why();
          };
      run.hop(kind, e.resource().id(), e.resource().origin(), d.verdict(), detail);
      return;
    }
    if (d.verdict() == Verdict.UNKNOWN) {
      run.hop(
          kind,
          acl.resource().id(),
          acl.resource().origin(),
          Verdict.UNKNOWN,
          name + " " + dir + " may or may not allow " + what + ": " + d.why());
      return;
    }
    run.hop(
        kind,
        acl.resource().id(),
        acl.resource().origin(),
        Verdict.BLOCKED,
        "no " + dir + " entry of " + name + " allows " + what + ": the default rule * denies it");
  }

  private static String replyTraffic(Box b) {
    if (b.hasPorts()) {
      return IpProtocol.label(b.protoLo())
          + " to ephemeral ports "
          + EPHEMERAL_LO
          + "-"
          + EPHEMERAL_HI;
    }
    if (b.icmp()) {
      return "icmp echo reply";
    }
    return b.traffic();
  }
}
