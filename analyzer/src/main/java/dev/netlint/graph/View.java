package dev.netlint.graph;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one filter (a security group's ingress or egress, a network ACL direction) sees of a box:
 * the remote end's addresses and security groups, the protocols and the ports.
 *
 * @param remote the remote addresses: the source for security group ingress and inbound network ACL
 *     entries, the destination for egress and outbound ones
 * @param remoteDim the box dimension {@link #remote} is, or null when it cannot be split (one
 *     unknown address, or a translated source)
 * @param remoteGroups the security group keys of the remote interface, or null when it has none
 *     (the internet, a CIDR, a NAT gateway)
 * @param remoteGroupsOpen true when a remote group is not known before deploy
 * @param protoLo first protocol number
 * @param protoHi last protocol number
 * @param lo first port or ICMP type
 * @param hi last port or ICMP type
 * @param portsSplittable false for the ephemeral ports of a reply, which the client picks
 */
record View(
    AddressSet remote,
    Split.@Nullable Dim remoteDim,
    @Nullable Set<String> remoteGroups,
    boolean remoteGroupsOpen,
    int protoLo,
    int protoHi,
    int lo,
    int hi,
    boolean portsSplittable) {}
