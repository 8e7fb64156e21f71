package dev.netlint.graph;

import dev.netlint.model.NetworkAttachment;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Subnet;

/** Addresses of sites. */
final class Sites {
  private Sites() {}

  /**
   * The addresses an interface of {@code a} may have in subnet {@code s}: its fixed private
   * address, else the subnet's CIDR, else its VPC's CIDR blocks, else any address.
   */
  static AddressSet addressesIn(
      NetworkModel model, Topology topology, Subnet s, NetworkAttachment a) {
    if (a.privateIp() != null && a.subnetIds().size() == 1) {
      return AddressSet.of(a.privateIp());
    }
    if (s.cidr() != null && !s.cidr().ipv6()) {
      return AddressSet.of(s.cidr());
    }
    if (s.vpc() != null) {
      AddressSet vpc = topology.vpcAddresses(s.vpc());
      if (!vpc.isEmpty() && model.vpc(s.vpc()).map(v -> v.cidrsKnown()).orElse(false)) {
        return vpc;
      }
    }
    return AddressSet.ALL;
  }
}
