package dev.netlint.graph;

import dev.netlint.graph.Topology.DestinationKind;
import dev.netlint.graph.Topology.ForwarderNode;
import dev.netlint.graph.Topology.GatewayNode;
import dev.netlint.graph.Topology.ParsedRoute;
import dev.netlint.graph.Topology.RouteTableNode;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.RouteTarget;
import dev.netlint.model.VpcEndpoint;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Route lookup in one route table: a gateway endpoint's prefix list route for its service, the
 * longest-prefix match of the destination among the routes with a known IPv4 destination, and the
 * {@code local} route, which no more specific route may override for addresses in the VPC itself. A
 * route whose destination is not known before deploy may cover any destination.
 *
 * <p>Follows <a href="https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html">
 * route priority</a>.
 */
final class RouteLookup {

  /** What a route table does with a destination. */
  sealed interface RouteDecision
      permits NoRoute, Routed, ToGatewayEndpoint, Undecided, TableUnknown, Split {}

  /** No route covers the destination: the traffic is dropped. */
  record NoRoute() implements RouteDecision {}

  /**
   * A route covers the destination.
   *
   * @param route the route
   * @param next what the route sends the traffic to
   * @param assumedPrivate labels of routes to private networks (VPN, peering, transit gateway)
   *     whose destinations are not known before deploy, assumed not to cover a public destination
   */
  record Routed(ParsedRoute route, NextHop next, List<String> assumedPrivate)
      implements RouteDecision {}

  /** A gateway endpoint's prefix list route carries the traffic to its AWS service. */
  record ToGatewayEndpoint(VpcEndpoint endpoint) implements RouteDecision {}

  /**
   * Which route applies is not known before deploy.
   *
   * @param route the route in doubt, or null
   * @param why what is not known
   */
  record Undecided(@Nullable ParsedRoute route, Uncertainty why) implements RouteDecision {}

  /**
   * The route table, or the destination's place in it, is not known before deploy: no lookup was
   * made (the tracer records which).
   */
  record TableUnknown() implements RouteDecision {}

  /** What a route sends traffic to, as the tracer follows it. */
  enum NextHop {
    /** The VPC itself: the {@code local} route. */
    LOCAL,
    INTERNET_GATEWAY,
    /** A NAT gateway of the model, which translates the source. */
    NAT_GATEWAY,
    /** An instance or network interface of the model (a NAT instance). */
    FORWARDER,
    /** A target netlint does not look through (peering, transit and VPN gateways, unknowns). */
    OPAQUE
  }

  private final Topology topology;

  RouteLookup(Topology topology) {
    this.topology = topology;
  }

  /**
   * Looks up destination {@code d} in {@code table}.
   *
   * @param senderVpc the VPC of the subnet that sends, when known
   * @param dstKind where the destination is
   * @param dstVpc the destination's VPC, when it is in a subnet of the model
   * @param d the destination addresses
   * @param dim the box dimension {@code d} is, or null when it is one unknown address: a route that
   *     covers part of it then makes the answer undecided rather than a split
   * @param service the AWS service the destination is the public endpoint of, or null
   */
  RouteDecision lookup(
      RouteTableNode table,
      @Nullable ResourceId senderVpc,
      Site.Kind dstKind,
      @Nullable ResourceId dstVpc,
      AddressSet d,
      Split.@Nullable Dim dim,
      @Nullable String service) {
    List<ParsedRoute> routes = topology.routes(table);
    if (service != null && dstKind == Site.Kind.OUTSIDE) {
      for (VpcEndpoint e : topology.gatewayEndpoints(table)) {
        if (service.equals(e.service())) {
          return new ToGatewayEndpoint(e);
        }
      }
    }
    if (dstKind == Site.Kind.SUBNET && dstVpc != null && dstVpc.equals(senderVpc)) {
      return inVpc(routes, dstVpc, d, dim);
    }
    ParsedRoute best = null;
    for (ParsedRoute r : routes) {
      if (r.kind() == DestinationKind.CIDR
          && d.within(r.destination())
          && (best == null || r.prefixLength() > best.prefixLength())) {
        best = r;
      }
    }
    for (ParsedRoute r : routes) {
      if (r.kind() != DestinationKind.CIDR
          || d.within(r.destination())
          || d.disjoint(r.destination())
          || (best != null && r.prefixLength() <= best.prefixLength())) {
        continue;
      }
      if (dim != null) {
        return Split.addresses(dim, r.destination());
      }
      if (best == null || !sameTarget(best, r)) {
        return new Undecided(r, new Uncertainty.RouteCoversPart(r.label(), d));
      }
    }
    boolean publicDestination = d.within(AddressSet.PUBLIC);
    List<String> assumed = new ArrayList<>();
    for (ParsedRoute r : routes) {
      if (r.kind() != DestinationKind.UNKNOWN || (best != null && sameTarget(best, r))) {
        continue;
      }
      if (best != null && publicDestination && privateNetworkTarget(r.targetKind())) {
        assumed.add(r.label());
        continue;
      }
      return new Undecided(r, new Uncertainty.RouteDestinationUnknown(r, d));
    }
    if (best == null) {
      return new NoRoute();
    }
    return routed(best, assumed);
  }

  /** A destination in the sender's own VPC: the local route, unless a longer prefix overrides. */
  private RouteDecision inVpc(
      List<ParsedRoute> routes, ResourceId vpc, AddressSet d, Split.@Nullable Dim dim) {
    ParsedRoute local = null;
    for (ParsedRoute r : routes) {
      if (r.targetKind() == RouteTarget.Kind.LOCAL
          && r.target() instanceof Topology.VpcNode v
          && v.id().equals(vpc)) {
        local = r;
      }
    }
    int localPrefix =
        local == null || local.kind() != DestinationKind.CIDR ? 0 : local.prefixLength();
    ParsedRoute best = null;
    for (ParsedRoute r : routes) {
      if (r.kind() != DestinationKind.CIDR
          || r.targetKind() == RouteTarget.Kind.LOCAL
          || r.prefixLength() <= localPrefix
          || r.destination().disjoint(d)) {
        continue;
      }
      if (!d.within(r.destination())) {
        if (dim != null) {
          return Split.addresses(dim, r.destination());
        }
        return new Undecided(r, new Uncertainty.RouteCoversPart(r.label(), d));
      }
      if (best == null || r.prefixLength() > best.prefixLength()) {
        best = r;
      }
    }
    if (best != null) {
      return routed(best, List.of());
    }
    if (local == null) {
      return new Undecided(null, new Uncertainty.LocalRouteUnknown());
    }
    return new Routed(local, NextHop.LOCAL, List.of());
  }

  /** Where a route table stands in the template: the route table, or the VPC for a main one. */
  @Nullable Origin tableOrigin(RouteTableNode table) {
    return topology.model.resource(table.id()).map(Resource::origin).orElse(null);
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

  private static Routed routed(ParsedRoute r, List<String> assumedPrivate) {
    NextHop next =
        switch (r.targetKind()) {
          case LOCAL -> NextHop.LOCAL;
          case INTERNET_GATEWAY -> NextHop.INTERNET_GATEWAY;
          case NAT_GATEWAY ->
              r.target() instanceof GatewayNode g && g.resource() != null
                  ? NextHop.NAT_GATEWAY
                  : NextHop.OPAQUE;
          case INSTANCE, NETWORK_INTERFACE ->
              r.target() instanceof ForwarderNode ? NextHop.FORWARDER : NextHop.OPAQUE;
          default -> NextHop.OPAQUE;
        };
    return new Routed(r, next, assumedPrivate);
  }
}
