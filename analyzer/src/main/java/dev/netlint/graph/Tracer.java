package dev.netlint.graph;

import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.Verdict;
import dev.netlint.graph.Gateways.GatewayOutcome;
import dev.netlint.graph.Gateways.Onward;
import dev.netlint.graph.Gateways.Placed;
import dev.netlint.graph.RouteLookup.RouteDecision;
import dev.netlint.graph.Topology.ParsedRoute;
import dev.netlint.graph.Topology.RouteTableNode;
import dev.netlint.graph.TraceRecorder.Trace;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.ResourceId;
import dev.netlint.model.SecurityGroupRef;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Traces one box of packets from one site to another, hop by hop, as AWS evaluates traffic: the
 * sender's security group egress, its subnet's network ACL outbound, the route table ({@link
 * RouteLookup}), gateways and NAT ({@link Gateways}, which may translate the source), the receiving
 * subnet's network ACL inbound and the receiver's security group ingress ({@link FilterEvaluator});
 * then the replies through every network ACL crossed ({@link ReturnPath}). Each hop is recorded as
 * a typed {@link Step} ({@link TraceRecorder}).
 *
 * <p>Every hop names the template element that decided it. A hop that depends on a value known only
 * at deploy is unknown; a path beyond a hop netlint cannot see through (peering, a transit gateway,
 * a route that is not known) continues to the destination as if delivered unchanged, so that what
 * the destination itself blocks still counts and nothing else does.
 *
 * <p>Every step that finds a boundary inside the box (a security group rule, network ACL entry or
 * route that covers part of it) ends the trace with that {@link Split} as its outcome; the caller
 * splits the box and traces each part.
 */
final class Tracer {

  /** A trace's outcome: the hops and verdict of the whole box, or a split of the box first. */
  sealed interface Outcome permits Trace, Split {}

  private final Topology topology;
  private final FilterHops filterHops;
  private final RouteLookup routes;
  private final Gateways gateways;
  private final ReturnPath returnPath;

  Tracer(NetworkModel model, Topology topology) {
    this.topology = topology;
    this.filterHops = new FilterHops(model, topology);
    this.routes = new RouteLookup(topology);
    this.gateways = new Gateways(model, topology);
    this.returnPath = new ReturnPath(topology, routes);
  }

  /** One trace: the box, its destination and what has been recorded. */
  private static final class Run {
    final Box box;
    final Site dst;
    final String dstLabel;
    final TraceRecorder rec = new TraceRecorder();

    Run(Box box, Site dst) {
      this.box = box;
      this.dst = dst;
      this.dstLabel = label(dst.label(), dst.addresses(), box.dst());
    }
  }

  /**
   * The rest of a path after a NAT gateway or forwarder: the next leg's sender, or the end of the
   * trace (with the split it asks for, if any).
   */
  private sealed interface Leg {}

  private record NextLeg(Sender sender) implements Leg {}

  private record End(@Nullable Split split) implements Leg {}

  private static String label(String siteLabel, AddressSet siteAddresses, AddressSet boxAddresses) {
    return boxAddresses.equals(siteAddresses) ? siteLabel : siteLabel + " (" + boxAddresses + ")";
  }

  /** Traces {@code box} from {@code src} to {@code dst}. */
  Outcome trace(Site src, Site dst, Box box) {
    Run run = new Run(box, dst);
    Sender sender = Sender.source(src, box.src(), label(src.label(), src.addresses(), box.src()));
    Split split;
    if (src.kind() == Site.Kind.OUTSIDE) {
      split = enterFromOutside(run, src, sender);
    } else {
      split =
          sender.groups() == null
              ? null
              : filterHops.securityGroups(
                  run.rec, run.box, sender.groups(), true, forwardView(run), run.dstLabel);
      if (split == null) {
        split = forward(run, sender);
      }
    }
    return split != null ? split : run.rec.result();
  }

  // ------------------------------------------------------------------ views

  private final Map<List<SecurityGroupRef>, Set<String>> groupKeys = new IdentityHashMap<>();

  private @Nullable Set<String> keys(@Nullable List<SecurityGroupRef> groups) {
    if (groups == null) {
      return null;
    }
    return groupKeys.computeIfAbsent(
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

  /** What filters on the sender's side see: the destination as the remote end. */
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

  /** What filters on the receiving side see: the sender as the remote end. */
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

  // ------------------------------------------------------------------ forwarding

  private @Nullable Split forward(Run run, Sender start) {
    Sender sender = start;
    Set<Topology.Node> passed = new HashSet<>();
    Site dst = run.dst;
    for (int step = 0; step <= Gateways.MAX_FORWARDS; step++) {
      if (dst.kind() == Site.Kind.SUBNET
          && sender.subnet() != null
          && sender.subnet().equals(dst.subnet())) {
        return arrive(run, sender);
      }
      Split split =
          filterHops.networkAcl(
              run.rec,
              run.box,
              sender.kind() == Site.Kind.SUBNET ? sender.subnet() : null,
              true,
              false,
              forwardView(run),
              run.dstLabel,
              sender.label());
      if (split != null) {
        return split;
      }
      RouteDecision decision =
          route(run, sender, run.box.dst(), run.box.dstAll() ? Split.Dim.DST : null);
      if (decision instanceof Split s) {
        return s;
      }
      if (decision instanceof RouteLookup.NoRoute) {
        return null;
      }
      if (decision instanceof RouteLookup.Undecided
          || decision instanceof RouteLookup.TableUnknown) {
        return beyond(run, sender);
      }
      if (decision instanceof RouteLookup.ToGatewayEndpoint e) {
        gateways.gatewayEndpoint(run.rec, e.endpoint(), dst.service());
        cross(run, sender, null, false);
        return replies(run);
      }
      RouteLookup.Routed routed = (RouteLookup.Routed) decision;
      ParsedRoute route = routed.route();
      RouteLookup.NextHop nextHop = routed.next();
      if (nextHop == RouteLookup.NextHop.LOCAL) {
        return local(run, sender, route);
      }
      if (nextHop == RouteLookup.NextHop.INTERNET_GATEWAY) {
        GatewayOutcome out =
            gateways.internetGatewayOut(run.rec, sender, route, dst, run.box, run.dstLabel);
        if (out instanceof Split s) {
          return s;
        }
        if (out == Onward.STOP) {
          return null;
        }
        cross(run, sender, null, false);
        return replies(run);
      }
      if (nextHop == RouteLookup.NextHop.OPAQUE) {
        gateways.opaque(run.rec, route);
        return beyond(run, sender);
      }
      if (gateways.loops(run.rec, passed, route)) {
        return null;
      }
      Leg next =
          nextHop == RouteLookup.NextHop.NAT_GATEWAY
              ? natGateway(run, sender, route)
              : forwarder(run, sender, route);
      if (next instanceof End end) {
        return end.split();
      }
      sender = ((NextLeg) next).sender();
    }
    gateways.tooManyForwarders(run.rec);
    return null;
  }

  /** The local route: delivery inside the sender's VPC. */
  private @Nullable Split local(Run run, Sender sender, ParsedRoute route) {
    Site dst = run.dst;
    if (dst.kind() == Site.Kind.SUBNET && dst.vpc() != null && dst.vpc().equals(sender.vpc())) {
      Split split = enter(run, sender, sender, dst.subnet(), true, run.dstLabel);
      return split != null ? split : arrive(run, sender);
    }
    if (dst.kind() == Site.Kind.SUBNET) {
      run.rec.add(
          Hop.Kind.ROUTE,
          route.element(),
          route.origin(),
          Verdict.BLOCKED,
          new RoutingStep.LocalRouteKeepsInVpc(run.dstLabel, dst.vpc(), sender.vpc()));
    } else {
      run.rec.endUnknown();
      run.rec.add(
          Hop.Kind.ROUTE,
          route.element(),
          route.origin(),
          Verdict.UNKNOWN,
          new RoutingStep.NoSubnetHolds(run.dstLabel, sender.vpc()));
    }
    return null;
  }

  private Leg natGateway(Run run, Sender sender, ParsedRoute route) {
    Placed nat = gateways.natGateway(run.rec, route);
    if (nat == null) {
      return new End(beyond(run, sender));
    }
    ResourceId at = nat.subnet();
    if (!at.equals(sender.subnet())) {
      Split split = enter(run, sender, sender, at, true, nat.label());
      if (split != null) {
        return new End(split);
      }
    }
    return new NextLeg(gateways.natGatewayTranslates(run.rec, nat));
  }

  private Leg forwarder(Run run, Sender sender, ParsedRoute route) {
    Placed forwarder = gateways.forwarder(run.rec, route);
    if (forwarder == null) {
      return new End(beyond(run, sender));
    }
    String name = forwarder.label();
    ResourceId at = forwarder.subnet();
    Split split = null;
    if (!at.equals(sender.subnet())) {
      split = enter(run, sender, sender, at, true, name);
    }
    List<SecurityGroupRef> groups = forwarder.at().groups();
    if (split == null && groups != null) {
      split =
          filterHops.securityGroups(
              run.rec, run.box, groups, false, inboundView(run, sender), sender.label());
    }
    if (split != null) {
      return new End(split);
    }
    Sender next = gateways.forwards(run.rec, forwarder);
    if (next.groups() != null) {
      split =
          filterHops.securityGroups(
              run.rec, run.box, next.groups(), true, forwardView(run), run.dstLabel);
    }
    return split != null ? new End(split) : new NextLeg(next);
  }

  /** Continues past a hop netlint cannot see through, to a destination in the model. */
  private @Nullable Split beyond(Run run, Sender sender) {
    cross(run, sender, null, false);
    Split split;
    if (run.dst.kind() == Site.Kind.OUTSIDE) {
      split = replies(run);
    } else {
      split = enterDestination(run, sender.unseen(), sender);
      if (split == null) {
        split = arrive(run, sender);
      }
    }
    run.rec.endUnknown();
    return split;
  }

  /** Traffic from the internet or a network beyond a gateway into a subnet of the model. */
  private @Nullable Split enterFromOutside(Run run, Site src, Sender sender) {
    Site dst = run.dst;
    if (dst.kind() == Site.Kind.OUTSIDE) {
      run.rec.endUnknown();
      run.rec.add(
          Hop.Kind.OPAQUE,
          null,
          null,
          Verdict.UNKNOWN,
          new GatewayStep.BothOutside(sender.label(), run.dstLabel));
      return null;
    }
    ResourceId vpc = dst.vpc();
    ResourceId subnet = dst.subnet();
    if (dst.kind() == Site.Kind.UNPLACED || vpc == null || subnet == null) {
      run.rec.add(
          Hop.Kind.GATEWAY,
          null,
          dst.origin(),
          Verdict.UNKNOWN,
          new GatewayStep.EntryUnknown(run.dstLabel, sender.label()));
    } else if (src.internet()) {
      Sender receiver = Sender.receiver(dst, run.box.dst(), run.dstLabel);
      if (gateways.internetGatewayIn(run.rec, vpc, receiver, run.dstLabel) == Onward.STOP) {
        return null;
      }
      Split split = returnPath.internetReplyRoute(run.rec, subnet, receiver, sender, run.dstLabel);
      if (split != null) {
        return split;
      }
    } else {
      run.rec.add(
          Hop.Kind.OPAQUE,
          null,
          null,
          Verdict.UNKNOWN,
          new GatewayStep.ThroughPrivateGateway(sender.label(), vpc));
      run.rec.endUnknown();
    }
    Split split = enterDestination(run, sender, sender);
    return split != null ? split : arrive(run, sender);
  }

  // ------------------------------------------------------------------ subnets and delivery

  /**
   * Traffic entering a subnet: the crossing from {@code crossing}'s subnet into {@code to} and the
   * inbound entries of {@code to}'s network ACL, as {@code sender} sees them.
   */
  private @Nullable Split enter(
      Run run,
      Sender crossing,
      Sender sender,
      @Nullable ResourceId to,
      boolean toKnown,
      String toLabel) {
    cross(run, crossing, to, toKnown);
    return filterHops.networkAcl(
        run.rec,
        run.box,
        toKnown ? to : null,
        false,
        false,
        inboundView(run, sender),
        sender.label(),
        toLabel);
  }

  /** Traffic entering the destination's subnet (or the destination outside any subnet). */
  private @Nullable Split enterDestination(Run run, Sender crossing, Sender sender) {
    Site dst = run.dst;
    return enter(run, crossing, sender, dst.subnet(), dst.kind() == Site.Kind.SUBNET, run.dstLabel);
  }

  /** Records a crossing from the sender's subnet into {@code to} (null: out of the VPC). */
  private static void cross(Run run, Sender sender, @Nullable ResourceId to, boolean toKnown) {
    run.rec.cross(ReturnPath.crossing(sender, to, toKnown, run.box, run.dstLabel));
  }

  /** Delivery to the destination: its security groups, then the replies. */
  private @Nullable Split arrive(Run run, Sender sender) {
    List<SecurityGroupRef> groups = run.dst.groups();
    if (groups != null) {
      Split split =
          filterHops.securityGroups(
              run.rec, run.box, groups, false, inboundView(run, sender), sender.label());
      if (split != null) {
        return split;
      }
    }
    return replies(run);
  }

  /** The replies through the network ACLs of every subnet boundary crossed, last one first. */
  private @Nullable Split replies(Run run) {
    for (ReturnPath.ReplyCheck c : ReturnPath.replyChecks(run.rec.crossings(), run.box)) {
      Split split =
          filterHops.networkAcl(
              run.rec, run.box, c.subnet(), c.outbound(), true, c.view(), c.remote(), c.self());
      if (split != null) {
        return split;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ routes

  /** Looks up the route for the destination in the sender's route table and records the hop. */
  private RouteDecision route(Run run, Sender sender, AddressSet d, Split.@Nullable Dim dim) {
    ResourceId subnet = sender.subnet();
    if (sender.kind() != Site.Kind.SUBNET || subnet == null) {
      run.rec.add(
          Hop.Kind.ROUTE,
          null,
          null,
          Verdict.UNKNOWN,
          new RoutingStep.SenderUnplaced(sender.label()));
      return new RouteLookup.TableUnknown();
    }
    RouteTableNode table = topology.routeTableOf(subnet);
    if (table == null) {
      run.rec.add(
          Hop.Kind.ROUTE, subnet, null, Verdict.UNKNOWN, new RoutingStep.RouteTableUnknown(subnet));
      return new RouteLookup.TableUnknown();
    }
    Site dst = run.dst;
    if (dst.kind() == Site.Kind.UNPLACED) {
      run.rec.add(
          Hop.Kind.ROUTE,
          table.id(),
          routes.tableOrigin(table),
          Verdict.UNKNOWN,
          new RoutingStep.DestinationUnplaced(table, run.dstLabel));
      return new RouteLookup.TableUnknown();
    }
    RouteDecision r =
        routes.lookup(table, sender.vpc(), dst.kind(), dst.vpc(), d, dim, dst.service());
    if (r instanceof RouteLookup.NoRoute) {
      run.rec.add(
          Hop.Kind.ROUTE,
          table.id(),
          routes.tableOrigin(table),
          Verdict.BLOCKED,
          new RoutingStep.NoRoute(table, run.dstLabel));
    } else if (r instanceof RouteLookup.Undecided u) {
      ParsedRoute p = u.route();
      run.rec.add(
          Hop.Kind.ROUTE,
          p == null ? table.id() : p.element(),
          p == null ? routes.tableOrigin(table) : p.origin(),
          Verdict.UNKNOWN,
          new RoutingStep.Undecided(u.why()));
    } else if (r instanceof RouteLookup.ToGatewayEndpoint e) {
      run.rec.add(
          Hop.Kind.ROUTE,
          e.endpoint().id(),
          e.endpoint().resource().origin(),
          Verdict.REACHABLE,
          new RoutingStep.ToGatewayEndpoint(table, dst.service(), e.endpoint()));
    } else if (r instanceof RouteLookup.Routed p) {
      run.rec.add(
          Hop.Kind.ROUTE,
          p.route().element(),
          p.route().origin(),
          Verdict.REACHABLE,
          new RoutingStep.Routed(table, run.dstLabel, p.route(), p.assumedPrivate()));
    }
    return r;
  }
}
