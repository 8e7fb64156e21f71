package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::EC2::NetworkAclEntry}: one numbered rule of a network ACL. Entries are evaluated
 * in {@code RuleNumber} order, lowest first, separately for inbound and outbound ({@code Egress})
 * traffic; the first entry that matches allows or denies, and a packet no entry matches is denied
 * (the {@code *} rule). The {@code CidrBlock} is the remote address: the source for inbound
 * entries, the destination for outbound ones. Network ACLs are stateless: replies are evaluated
 * too.
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html">Network ACL
 * rules</a> and <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-networkaclentry.html">AWS::EC2::NetworkAclEntry</a>.
 *
 * @param resource the entry resource
 * @param networkAcl the network ACL ({@code NetworkAclId}) when it is in the model
 * @param ruleNumber {@code RuleNumber} (1 to 32766), or -1 when it is not literal
 * @param egress {@code Egress}: true for outbound traffic
 * @param action {@code RuleAction}; unknown when it is not literal, and when {@code Egress} is not
 *     literal (the entry is then listed in both directions, since it may decide either one)
 * @param protocol {@code Protocol} as a number, {@link IpProtocol#ALL} or {@link
 *     IpProtocol#UNKNOWN}
 * @param fromPort {@code PortRange.From}, -1 when absent (all ports)
 * @param toPort {@code PortRange.To}, inclusive, -1 when absent
 * @param icmpType {@code Icmp.Type}, -1 for all types or when absent
 * @param icmpCode {@code Icmp.Code}, -1 for all codes or when absent
 * @param portsKnown false when a port, type or code is symbolic
 * @param cidrValue {@code CidrBlock} or {@code Ipv6CidrBlock}, or null when neither is set
 * @param cidr the parsed CIDR, or null when it is not known before deploy
 */
public record NetworkAclEntry(
    Resource resource,
    @Nullable ResourceId networkAcl,
    int ruleNumber,
    boolean egress,
    Action action,
    int protocol,
    int fromPort,
    int toPort,
    int icmpType,
    int icmpCode,
    boolean portsKnown,
    @Nullable Value cidrValue,
    @Nullable Cidr cidr) {

  /** {@code RuleAction}. */
  public enum Action {
    ALLOW,
    DENY,
    /** Not known before deploy. */
    UNKNOWN
  }

  /** The first port the entry matches for tcp or udp, 0 to 65535. */
  public int firstPort() {
    return fromPort < 0 ? 0 : fromPort;
  }

  /** The last port the entry matches for tcp or udp, inclusive. */
  public int lastPort() {
    return fromPort < 0 || toPort < 0 ? 65535 : toPort;
  }

  /** {@code rule 100}, or {@code rule ?} when the number is not literal. */
  public String label() {
    return "rule " + (ruleNumber < 0 ? "?" : Integer.toString(ruleNumber));
  }
}
