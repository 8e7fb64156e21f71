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
