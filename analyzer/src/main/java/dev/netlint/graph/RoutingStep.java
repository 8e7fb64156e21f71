package dev.netlint.graph;

import dev.netlint.graph.Topology.ParsedRoute;
import dev.netlint.graph.Topology.RouteTableNode;
import dev.netlint.model.ResourceId;
import dev.netlint.model.VpcEndpoint;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A route table's answer for the traffic, or for its replies. Labels are how messages name ends.
 */
sealed interface RoutingStep extends Step {

  /** The local route keeps traffic for a subnet of another VPC inside the sender's VPC. */
  record LocalRouteKeepsInVpc(
      String dstLabel, @Nullable ResourceId dstVpc, @Nullable ResourceId senderVpc)
      implements RoutingStep {}

  /** The local route covers the destination, but no subnet of the model holds it. */
  record NoSubnetHolds(String dstLabel, @Nullable ResourceId vpc) implements RoutingStep {}

  /** A route sends the traffic back to a forwarder it already passed. */
  record Loop(ParsedRoute route) implements RoutingStep {}

  /** The path passes more forwarders than netlint follows. */
  record TooManyForwarders(int max) implements RoutingStep {}

  /** The sender's subnet, and so its route table, is not known before deploy. */
  record SenderUnplaced(String senderLabel) implements RoutingStep {}

  /** The route table of a subnet is not known before deploy. */
  record RouteTableUnknown(ResourceId subnet) implements RoutingStep {}

  /** The destination's subnet is not known before deploy, so neither is its route. */
  record DestinationUnplaced(RouteTableNode table, String dstLabel) implements RoutingStep {}

  /** No route of the table covers the destination. */
  record NoRoute(RouteTableNode table, String dstLabel) implements RoutingStep {}

  /** Which route applies is not known before deploy. */
  record Undecided(Uncertainty why) implements RoutingStep {}

  /** A gateway endpoint's prefix list route takes the service's traffic. */
  record ToGatewayEndpoint(RouteTableNode table, @Nullable String service, VpcEndpoint endpoint)
      implements RoutingStep {}

  /** A route covers the destination. */
  record Routed(
      RouteTableNode table, String dstLabel, ParsedRoute route, List<String> assumedPrivate)
      implements RoutingStep {}

  /** Replies from {@code server} to an internet client leave through an internet gateway. */
  record ReplyLeaves(String server, String client, ParsedRoute route) implements RoutingStep {}

  /** Replies to an internet client have no route. */
  record ReplyNoRoute(String server, String client, RouteTableNode table) implements RoutingStep {}

  /** Replies to an internet client go to a NAT instead of the internet gateway they came by. */
  record ReplyMisrouted(String server, String client, ParsedRoute route) implements RoutingStep {}

  /** Replies to an internet client go to a target netlint does not look through. */
  record ReplyOpaque(String server, String client, ParsedRoute route) implements RoutingStep {}
}
