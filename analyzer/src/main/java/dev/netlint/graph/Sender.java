package dev.netlint.graph;

import dev.netlint.model.NetworkAttachment.PublicIp;
import dev.netlint.model.ResourceId;
import dev.netlint.model.SecurityGroupRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who sends on the current leg of a trace: the source, or a NAT gateway or NAT instance that
 * translated it.
 *
 * @param kind where it is
 * @param subnet its subnet, for {@link Site.Kind#SUBNET}
 * @param vpc its VPC, when known
 * @param addresses the source addresses on this leg
 * @param dim the box dimension {@link #addresses} is, or null when it cannot be split (one unknown
 *     address, or a translated source)
 * @param groups the security groups of its interfaces, or null when none applies
 * @param publicIp whether it has a public IPv4 address
 * @param label how messages name it
 */
record Sender(
    Site.Kind kind,
    @Nullable ResourceId subnet,
    @Nullable ResourceId vpc,
    AddressSet addresses,
    Split.@Nullable Dim dim,
    @Nullable List<SecurityGroupRef> groups,
    PublicIp publicIp,
    String label) {

  /** The source {@code src} sending the box's source addresses {@code addresses}. */
  static Sender source(Site src, AddressSet addresses, String label) {
    return new Sender(
        src.kind(),
        src.subnet(),
        src.vpc(),
        addresses,
        src.all() ? Split.Dim.SRC : null,
        src.groups(),
        src.publicIp(),
        label);
  }

  /** A NAT gateway or NAT instance at {@code at}, which sends from its own address. */
  static Sender translatedBy(Site at, @Nullable List<SecurityGroupRef> groups, String label) {
    return new Sender(
        Site.Kind.SUBNET,
        at.subnet(),
        at.vpc(),
        at.addresses(),
        null,
        groups,
        at.publicIp(),
        label);
  }

  /** The destination {@code dst}, at the box's destination addresses, as the sender of replies. */
  static Sender receiver(Site dst, AddressSet addresses, String label) {
    return new Sender(
        Site.Kind.SUBNET,
        dst.subnet(),
        dst.vpc(),
        addresses,
        null,
        dst.groups(),
        dst.publicIp(),
        label);
  }

  /** This sender as seen past a hop netlint does not look through: from outside the VPCs. */
  Sender unseen() {
    return new Sender(Site.Kind.OUTSIDE, null, null, addresses, dim, groups, publicIp, label);
  }
}
