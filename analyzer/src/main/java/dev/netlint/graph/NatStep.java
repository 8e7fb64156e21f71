package dev.netlint.graph;

import dev.netlint.graph.Topology.ParsedRoute;
import dev.netlint.model.ResourceId;
import org.jspecify.annotations.Nullable;

/** A NAT gateway or a forwarding instance (a NAT instance) that translates the source. */
sealed interface NatStep extends Step {

  /** A NAT gateway, or its subnet, is not known before deploy. */
  record NatGatewayUnplaced(String gatewayLabel) implements NatStep {}

  /** A NAT gateway translates the source to its own address. */
  record NatGatewayTranslates(ResourceId natGateway, ResourceId subnet) implements NatStep {}

  /** The subnet of the instance a route sends the traffic to is not known before deploy. */
  record ForwarderUnplaced(String name, ParsedRoute route) implements NatStep {}

  /**
   * Whether the instance forwards: it must have source/destination checking disabled.
   *
   * @param enabled the instance's SourceDestCheck, or null when not known before deploy
   */
  record SourceDestCheck(String name, @Nullable Boolean enabled) implements NatStep {}
}
