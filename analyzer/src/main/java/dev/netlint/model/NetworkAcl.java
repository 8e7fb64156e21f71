package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::EC2::NetworkAcl} with its entries, inbound and outbound, each in {@code
 * RuleNumber} order. A subnet with no {@code AWS::EC2::SubnetNetworkAclAssociation} uses its VPC's
 * default network ACL, which allows all traffic both ways.
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html">Control
 * subnet traffic with network access control lists</a>.
 *
 * @param resource the network ACL resource
 * @param vpc the VPC ({@code VpcId}) when it is in the model
 * @param inbound the inbound entries, lowest rule number first (entries whose number is not literal
 *     last)
 * @param outbound the outbound entries, likewise
 */
public record NetworkAcl(
    Resource resource,
    @Nullable ResourceId vpc,
    List<NetworkAclEntry> inbound,
    List<NetworkAclEntry> outbound) {

  public NetworkAcl {
    inbound = List.copyOf(inbound);
    outbound = List.copyOf(outbound);
  }

  /** The entries of one direction. */
  public List<NetworkAclEntry> entries(boolean egress) {
    return egress ? outbound : inbound;
  }

  /** True when an entry's rule number is not literal, so the order is not known. */
  public boolean orderUnknown() {
    return inbound.stream().anyMatch(e -> e.ruleNumber() < 0)
        || outbound.stream().anyMatch(e -> e.ruleNumber() < 0);
  }
}
