package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/**
 * One rule of a security group: an item of {@code SecurityGroupIngress} or {@code
 * SecurityGroupEgress}, or a standalone {@code AWS::EC2::SecurityGroupIngress} or {@code
 * AWS::EC2::SecurityGroupEgress} resource. Security groups only allow; a packet passes when any
 * rule of any group of the interface allows it.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html">Security group
 * rules</a>.
 *
 * @param group the group the rule belongs to
 * @param direction ingress or egress
 * @param protocol the IANA protocol number ({@code IpProtocol}), {@link IpProtocol#ALL} or {@link
 *     IpProtocol#UNKNOWN}
 * @param fromPort {@code FromPort}: the first port (tcp, udp) or the ICMP type; -1 for all
 * @param toPort {@code ToPort}: the last port, inclusive (tcp, udp) or the ICMP code; -1 for all
 * @param portsKnown false when a port is symbolic
 * @param peer the other end: {@code CidrIp}/{@code CidrIpv6}, a security group, or a prefix list
 * @param description the rule's {@code Description}, or null
 * @param declaredBy the resource that declares the rule: the group itself (inline rules) or the
 *     standalone rule resource
 * @param origin where the rule stands in the template
 */
public record SecurityGroupRule(
    SecurityGroupRef group,
    Direction direction,
    int protocol,
    int fromPort,
    int toPort,
    boolean portsKnown,
    Peer peer,
    @Nullable String description,
    Resource declaredBy,
    Origin origin) {

  /** Which traffic a rule admits. */
  public enum Direction {
    INGRESS,
    EGRESS
  }

  /** The other end of a rule. */
  public sealed interface Peer {
    /** {@code CidrIp} or {@code CidrIpv6}. */
    record CidrBlock(Value value, @Nullable Cidr cidr) implements Peer {}

    /**
     * {@code SourceSecurityGroupId}/{@code SourceSecurityGroupName} (ingress) or {@code
     * DestinationSecurityGroupId} (egress): the interfaces that hold that group.
     */
    record Group(SecurityGroupRef group) implements Peer {}

    /**
     * {@code SourcePrefixListId} or {@code DestinationPrefixListId}: the CIDRs of a managed prefix
     * list; an {@code AWS::EC2::PrefixList} of the model has known entries.
     */
    record PrefixList(Value value, @Nullable ResourceId prefixList) implements Peer {}

    /** No peer property: the rule matches nothing. */
    record Missing() implements Peer {}
  }

  /**
   * True for the rule the CDK writes when {@code allowAllOutbound} is false: {@code
   * 255.255.255.255/32}, icmp type 252 code 86. It matches no real traffic and exists only to
   * remove the default allow-all egress rule.
   */
  public boolean isCdkNoEgressPlaceholder() {
    return direction == Direction.EGRESS
        && protocol == IpProtocol.ICMP
        && fromPort == 252
        && toPort == 86
        && peer instanceof Peer.CidrBlock c
        && c.value().literal().map(s -> s.trim().equals("255.255.255.255/32")).orElse(false);
  }

  /** The first port the rule admits for tcp or udp, 0 to 65535. */
  public int firstPort() {
    return fromPort < 0 ? 0 : fromPort;
  }

  /** The last port the rule admits for tcp or udp, inclusive, 0 to 65535. */
  public int lastPort() {
    return fromPort < 0 || toPort < 0 ? 65535 : toPort;
  }

  /**
   * {@code tcp/5432}, {@code tcp/0-65535}, {@code icmp type 8}, {@code all}, as people read rules.
   */
  public String trafficLabel() {
    if (protocol == IpProtocol.ALL) {
      return "all traffic";
    }
    if (!portsKnown) {
      return IpProtocol.label(protocol) + "/?";
    }
    if (IpProtocol.hasPorts(protocol)) {
      return IpProtocol.label(protocol)
          + "/"
          + (firstPort() == lastPort() ? firstPort() : firstPort() + "-" + lastPort());
    }
    if (protocol == IpProtocol.ICMP || protocol == IpProtocol.ICMPV6) {
      return IpProtocol.label(protocol) + (fromPort < 0 ? "" : " type " + fromPort);
    }
    return IpProtocol.label(protocol);
  }

  /** The peer as people read it: a CIDR, a group's logical ID, a prefix list. */
  public String peerLabel() {
    if (peer instanceof Peer.CidrBlock c) {
      String written = c.value().render();
      return c.cidr() == null || c.value().literal().isPresent()
          ? written
          : written + " (" + c.cidr() + ")";
    }
    if (peer instanceof Peer.Group g) {
      return g.group().label();
    }
    if (peer instanceof Peer.PrefixList p) {
      return p.prefixList() != null ? p.prefixList().logicalId() : p.value().render();
    }
    return "nothing";
  }
}
