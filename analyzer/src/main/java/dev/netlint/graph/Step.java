package dev.netlint.graph;

/**
 * What one hop of a trace found, as typed values: {@link HopDetails} turns it into the sentence a
 * {@link dev.netlint.api.reach.Hop} carries, so that every wording lives in one place.
 */
sealed interface Step permits RoutingStep, FilterStep, GatewayStep, NatStep {}
