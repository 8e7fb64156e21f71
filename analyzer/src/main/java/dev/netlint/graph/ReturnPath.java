package dev.netlint.graph;

import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.Verdict;
import dev.netlint.graph.RouteLookup.NextHop;
import dev.netlint.graph.RouteLookup.RouteDecision;
import dev.netlint.graph.Topology.RouteTableNode;
import dev.netlint.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The return path of a connection. Security groups are stateful, so replies pass them; network ACLs
 * are stateless, so a reply crosses back every subnet boundary the traffic crossed, through the
 * outbound entries of the subnet it leaves and the inbound entries of the subnet it enters, on the
 * ephemeral ports the client picked. Replies to a client on the internet must also leave through an
 * internet gateway: a route that sends them to a NAT breaks the connection.
 *
 * <p>Follows <a href="https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html">
 * ephemeral ports</a>.
 */
final class ReturnPath {

  /**
   * The client ports a reply goes to: the ranges Linux (32768-60999) and Windows (49152-65535)
   * clients pick from. An ACL that lets none of them back blocks every real client; one that lets
   * only part of them back is unknown. (AWS asks ACLs to allow 1024-65535, which covers it.)
   */
  static final int EPHEMERAL_LO = 32768;

  static final int EPHEMERAL_HI = 65535;

  /**
   * One crossing of a subnet boundary, which the reply crosses back.
   *
   * @param from the subnet left, or null when outside the VPCs or not known
   * @param fromKnown false when the subnet left is not known before deploy
   * @param to the subnet entered, or null when leaving the VPC or not known
   * @param toKnown false when the subnet entered is not known before deploy
   * @param a the sender's addresses, where the reply goes
   * @param aDim the box dimension {@code a} is, or null
   * @param aLabel how messages name the sender
   * @param b the destination addresses, where the reply comes from
   * @param bDim the box dimension {@code b} is, or null
   * @param bLabel how messages name the destination
   */
  record Crossing(
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

  /**
   * One network ACL direction a reply passes.
   *
   * @param subnet the subnet whose network ACL it is, or null when not known before deploy
   * @param outbound true for the outbound entries of the subnet the reply leaves
   * @param view what the entries see of the reply
   * @param remote how messages name the reply's other end
   * @param self how messages name the end in {@code subnet}
   */
  record ReplyCheck(
      @Nullable ResourceId subnet, boolean outbound, View view, String remote, String self) {}

  private final Topology topology;
  private final RouteLookup routes;

  ReturnPath(Topology topology, RouteLookup routes) {
    this.topology = topology;
    this.routes = routes;
  }

  /**
   * The crossing from {@code sender}'s subnet into {@code to} (null: out of the VPC) of traffic to
   * {@code box}'s destination, or null when it crosses nothing a reply passes back (from outside
   * the VPCs to outside them).
   */
  static @Nullable Crossing crossing(
      Sender sender, @Nullable ResourceId to, boolean toKnown, Box box, String dstLabel) {
    boolean fromKnown = sender.kind() == Site.Kind.SUBNET;
    if (sender.kind() == Site.Kind.OUTSIDE && to == null && !toKnown) {
      return null;
    }
    return new Crossing(
        fromKnown ? sender.subnet() : null,
        fromKnown || sender.kind() == Site.Kind.OUTSIDE,
        to,
        toKnown || to == null,
        sender.addresses(),
        sender.dim(),
        sender.label(),
        box.dst(),
        box.dstAll() ? Split.Dim.DST : null,
        dstLabel);
  }

  /** The network ACL directions the replies to {@code box} pass, in the order they pass them. */
  static List<ReplyCheck> replyChecks(List<Crossing> crossings, Box box) {
    List<ReplyCheck> out = new ArrayList<>();
    for (int i = crossings.size() - 1; i >= 0; i--) {
      Crossing c = crossings.get(i);
      if (c.to() != null || !c.toKnown()) {
        View leaving = replyView(box, c.a(), c.aDim());
        if (leaving != null) {
          out.add(
              new ReplyCheck(c.toKnown() ? c.to() : null, true, leaving, c.aLabel(), c.bLabel()));
        }
      }
      if (c.from() != null || !c.fromKnown()) {
        View entering = replyView(box, c.b(), c.bDim());
        if (entering != null) {
          out.add(
              new ReplyCheck(
                  c.fromKnown() ? c.from() : null, false, entering, c.bLabel(), c.aLabel()));
        }
      }
    }
    return out;
  }

  /** A reply's view, or null when the traffic has no reply to check (ICMP other than echo). */
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

  /**
   * Replies from {@code receiver}, entered from the internet, to {@code client}: they must leave
   * through an internet gateway, not a NAT.
   *
   * @param subnet the receiver's subnet
   * @return null, or the split of the box needed when a route covers part of the client addresses
   */
  @Nullable Split internetReplyRoute(
      TraceRecorder rec, ResourceId subnet, Sender receiver, Sender client, String receiverLabel) {
    RouteTableNode table = topology.routeTableOf(subnet);
    if (table == null) {
      rec.add(
          Hop.Kind.ROUTE, subnet, null, Verdict.UNKNOWN, new RoutingStep.RouteTableUnknown(subnet));
      return null;
    }
    RouteDecision r =
        routes.lookup(
            table, receiver.vpc(), Site.Kind.OUTSIDE, null, client.addresses(), client.dim(), null);
    String clientLabel = client.label();
    if (r instanceof Split s) {
      return s;
    }
    if (r instanceof RouteLookup.NoRoute) {
      rec.add(
          Hop.Kind.ROUTE,
          table.id(),
          routes.tableOrigin(table),
          Verdict.BLOCKED,
          new RoutingStep.ReplyNoRoute(receiverLabel, clientLabel, table));
    } else if (r instanceof RouteLookup.Undecided u) {
      rec.add(
          Hop.Kind.ROUTE,
          u.route() == null ? null : u.route().element(),
          u.route() == null ? null : u.route().origin(),
          Verdict.UNKNOWN,
          new RoutingStep.Undecided(u.why()));
    } else if (r instanceof RouteLookup.Routed routed) {
      var p = routed.route();
      if (routed.next() == NextHop.INTERNET_GATEWAY) {
        rec.add(
            Hop.Kind.ROUTE,
            p.element(),
            p.origin(),
            Verdict.REACHABLE,
            new RoutingStep.ReplyLeaves(receiverLabel, clientLabel, p));
      } else if (routed.next() == NextHop.NAT_GATEWAY || routed.next() == NextHop.FORWARDER) {
        rec.add(
            Hop.Kind.ROUTE,
            p.element(),
            p.origin(),
            Verdict.BLOCKED,
            new RoutingStep.ReplyMisrouted(receiverLabel, clientLabel, p));
      } else {
        rec.add(
            Hop.Kind.ROUTE,
            p.element(),
            p.origin(),
            Verdict.UNKNOWN,
            new RoutingStep.ReplyOpaque(receiverLabel, clientLabel, p));
      }
    }
    return null;
  }
}
