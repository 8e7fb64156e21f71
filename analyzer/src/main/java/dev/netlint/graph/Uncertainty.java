package dev.netlint.graph;

/**
 * Why a security group rule, a network ACL entry or a route may or may not apply: what is not known
 * before deploy. {@link HopDetails} words it.
 */
sealed interface Uncertainty {

  /** A security group whose rules are not in the templates (an import, a parameter). */
  record GroupRulesUnknown(String groupLabel) implements Uncertainty {}

  /**
   * The protocol or the port range of a security group rule or network ACL entry is not known
   * before deploy.
   */
  record ProtocolOrPortsUnknown() implements Uncertainty {}

  /**
   * The CIDR of a security group rule or network ACL entry is not known before deploy.
   *
   * @param rendered the value as written, or null when there is none to show
   */
  record CidrUnknown(@org.jspecify.annotations.Nullable String rendered) implements Uncertainty {}

  /** Whether a referenced security group is one of the remote interface's groups. */
  record GroupMembershipUnknown(String groupLabel) implements Uncertainty {}

  /** The CIDRs of a prefix list, as written. */
  record PrefixListUnknown(String rendered) implements Uncertainty {}

  /**
   * A security group rule or network ACL entry covers part of the remote addresses, which are one
   * unknown address.
   */
  record CoversPartOfAddresses(AddressSet remote) implements Uncertainty {}

  /** An entry covers only part of the ephemeral ports {@code lo}-{@code hi} of a reply. */
  record CoversPartOfEphemeralPorts(int lo, int hi) implements Uncertainty {}

  /** The RuleNumber of network ACL entry {@code entryLogicalId} is not known before deploy. */
  record RuleNumberUnknown(String entryLogicalId) implements Uncertainty {}

  /** The RuleAction of a network ACL entry is not known before deploy. */
  record RuleActionUnknown() implements Uncertainty {}

  /** The parts of the ephemeral ports {@code lo}-{@code hi} a client picks are answered apart. */
  record DependsOnEphemeralPort(int lo, int hi) implements Uncertainty {}

  /** The parts of the remote addresses, one unknown address, are answered apart. */
  record DependsOnAddress(AddressSet remote) implements Uncertainty {}

  /** A route covers part of {@code destination}, which is one unknown address. */
  record RouteCoversPart(String routeLabel, AddressSet destination) implements Uncertainty {}

  /** The VPC's local route is not in the model. */
  record LocalRouteUnknown() implements Uncertainty {}

  /** A route whose destination is not known before deploy may cover {@code destination}. */
  record RouteDestinationUnknown(Topology.ParsedRoute route, AddressSet destination)
      implements Uncertainty {}
}
