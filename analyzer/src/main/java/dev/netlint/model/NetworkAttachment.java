package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a workload's network interfaces sit: the subnets they are placed in and the security groups
 * they hold. A workload spread over several subnets (an Auto Scaling group's {@code
 * VPCZoneIdentifier}, a Lambda function's {@code SubnetIds}, a DB subnet group) has interfaces in
 * each of them; an instance has one attachment per network interface, the primary one first.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html">Elastic
 * network interfaces</a>.
 *
 * @param subnets the subnet values as written (a list parameter stays one symbolic value)
 * @param subnetIds the subnets of the model among them
 * @param subnetsKnown true when every subnet is a subnet of the model
 * @param securityGroups the security groups; the VPC's default group when the resource names none
 *     and AWS applies it; empty when the interface has no security group (a Network Load Balancer
 *     without security groups, a NAT gateway)
 * @param privateIpAddress a fixed private IPv4 address ({@code PrivateIpAddress}), or null
 * @param privateIp that address parsed, or null
 * @param publicIp whether the interface has a public IPv4 address
 * @param origin where the placement stands in the template
 */
public record NetworkAttachment(
    List<Value> subnets,
    List<ResourceId> subnetIds,
    boolean subnetsKnown,
    List<SecurityGroupRef> securityGroups,
    @Nullable Value privateIpAddress,
    @Nullable Cidr privateIp,
    PublicIp publicIp,
    Origin origin) {

  public NetworkAttachment {
    subnets = List.copyOf(subnets);
    subnetIds = List.copyOf(subnetIds);
    securityGroups = List.copyOf(securityGroups);
  }

  /**
   * Whether an interface has a public IPv4 address, which traffic through an internet gateway
   * needs.
   */
  public enum PublicIp {
    /**
     * Always: an Elastic IP, {@code AssociatePublicIpAddress: true}, an internet-facing load
     * balancer.
     */
    YES,
    /**
     * Never: a Lambda function, an internal load balancer, {@code AssociatePublicIpAddress: false}.
     */
    NO,
    /** As the subnet's {@code MapPublicIpOnLaunch} says. */
    SUBNET_DEFAULT,
    /** Not known before deploy. */
    UNKNOWN
  }
}
