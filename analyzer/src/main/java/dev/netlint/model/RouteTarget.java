package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/**
 * Where an {@code AWS::EC2::Route} sends traffic: the kind of target, from the property that names
 * it and the type of the referenced resource, and that resource when it is in the model.
 *
 * @param kind the target kind
 * @param resource the target resource, or null when it is outside the model (a literal ID, a
 *     parameter, an import)
 * @param value the target property's value as resolved
 */
public record RouteTarget(Kind kind, @Nullable ResourceId resource, @Nullable Value value) {

  /** Route target kinds, after the properties of {@code AWS::EC2::Route}. */
  public enum Kind {
    INTERNET_GATEWAY,
    EGRESS_ONLY_INTERNET_GATEWAY,
    VPN_GATEWAY,
    /** {@code GatewayId} naming something netlint cannot tell apart (a parameter, a literal ID). */
    GATEWAY,
    NAT_GATEWAY,
    INSTANCE,
    NETWORK_INTERFACE,
    VPC_PEERING_CONNECTION,
    TRANSIT_GATEWAY,
    VPC_ENDPOINT,
    CARRIER_GATEWAY,
    LOCAL_GATEWAY,
    CORE_NETWORK,
    /** {@code local}: the VPC's own CIDR. */
    LOCAL,
    /** No target property set. */
    NONE
  }

  /**
   * True for targets that give a private subnet its way out through network address translation.
   */
  public boolean isNat() {
    return kind == Kind.NAT_GATEWAY || kind == Kind.INSTANCE || kind == Kind.NETWORK_INTERFACE;
  }
}
