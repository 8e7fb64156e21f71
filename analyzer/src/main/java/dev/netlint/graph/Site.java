package dev.netlint.graph;

import dev.netlint.model.NetworkAttachment.PublicIp;
import dev.netlint.model.Origin;
import dev.netlint.model.ResourceId;
import dev.netlint.model.SecurityGroupRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One end of a flow at one place: a workload's interfaces in one subnet, part of a CIDR, the
 * internet, or an AWS service's public endpoint.
 *
 * @param kind where it is
 * @param subnet the subnet of the model, for {@link Kind#SUBNET}
 * @param vpc the VPC, when known
 * @param addresses the addresses it may have
 * @param all true when every address must get through (a CIDR, the internet); false when it is one
 *     address netlint does not know (a workload's address in its subnet)
 * @param groups the security groups of its interfaces, or null when none applies
 * @param publicIp whether it has a public IPv4 address
 * @param internet for {@link Kind#OUTSIDE}: true for public addresses reached through an internet
 *     gateway, false for private networks beyond a VPN, peering or transit gateway
 * @param service for an AWS service's public endpoint, its name
 * @param label how messages name it ({@code OrdersFn in PrivateSubnet1 (10.0.2.0/24)})
 * @param origin where it is placed in the template, or null
 */
record Site(
    Kind kind,
    @Nullable ResourceId subnet,
    @Nullable ResourceId vpc,
    AddressSet addresses,
    boolean all,
    @Nullable List<SecurityGroupRef> groups,
    PublicIp publicIp,
    boolean internet,
    @Nullable String service,
    String label,
    @Nullable Origin origin) {

  /**
   * One of a workload's placements: its interfaces in subnet {@code subnet} of VPC {@code vpc}, at
   * one address of {@code addresses} that netlint does not know.
   */
  static Site workloadIn(
      ResourceId subnet,
      @Nullable ResourceId vpc,
      AddressSet addresses,
      @Nullable List<SecurityGroupRef> groups,
      PublicIp publicIp,
      String label,
      @Nullable Origin origin) {
    return new Site(
        Kind.SUBNET, subnet, vpc, addresses, false, groups, publicIp, false, null, label, origin);
  }

  /** A workload placement in a subnet not known before deploy (a parameter, an import). */
  static Site workloadUnplaced(
      AddressSet addresses,
      @Nullable List<SecurityGroupRef> groups,
      PublicIp publicIp,
      String label,
      @Nullable Origin origin) {
    return new Site(
        Kind.UNPLACED, null, null, addresses, false, groups, publicIp, false, null, label, origin);
  }

  /**
   * The part {@code addresses} of a CIDR that falls in a subnet: every address must get through.
   */
  static Site cidrIn(ResourceId subnet, @Nullable ResourceId vpc, AddressSet addresses) {
    return new Site(
        Kind.SUBNET,
        subnet,
        vpc,
        addresses,
        true,
        null,
        PublicIp.NO,
        false,
        null,
        addresses + " in " + subnet.logicalId(),
        null);
  }

  /**
   * The part {@code addresses} of a CIDR outside every subnet of the model: public addresses on the
   * internet ({@code internet}), or private networks beyond a VPN, peering or transit gateway.
   */
  static Site cidrOutside(AddressSet addresses, boolean internet) {
    return new Site(
        Kind.OUTSIDE,
        null,
        null,
        addresses,
        true,
        null,
        internet ? PublicIp.YES : PublicIp.NO,
        internet,
        null,
        addresses.toString(),
        null);
  }

  /** The internet: the public addresses {@code addresses}, every one of which must get through. */
  static Site internet(AddressSet addresses) {
    return new Site(
        Kind.OUTSIDE,
        null,
        null,
        addresses,
        true,
        null,
        PublicIp.YES,
        true,
        null,
        "the internet",
        null);
  }

  /** The public endpoint of AWS service {@code service}, at one public address. */
  static Site servicePublicEndpoint(String service) {
    return new Site(
        Kind.OUTSIDE,
        null,
        null,
        AddressSet.PUBLIC,
        false,
        null,
        PublicIp.YES,
        true,
        service,
        "the public endpoint of " + service,
        null);
  }

  /** This workload placement named {@code newLabel} (an interface endpoint's, for a service). */
  Site named(String newLabel) {
    return new Site(
        kind, subnet, vpc, addresses, all, groups, publicIp, false, null, newLabel, origin);
  }

  /** Where a site is. */
  enum Kind {
    /** In a subnet of the model. */
    SUBNET,
    /** In a subnet not known before deploy (a parameter, an import). */
    UNPLACED,
    /** Beyond the VPCs: the internet, an AWS service, a network behind a gateway. */
    OUTSIDE
  }
}
