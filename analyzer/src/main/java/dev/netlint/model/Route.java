package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::EC2::Route}.
 *
 * @param resource the route resource
 * @param routeTable the route table it belongs to, or null when outside the model
 * @param destination the destination CIDR ({@code DestinationCidrBlock}, {@code
 *     DestinationIpv6CidrBlock}) or prefix list, as text with deploy-time parts as {@code ${...}}
 * @param target where it sends traffic
 * @param routeTableId the {@code RouteTableId} value, or null
 * @param destinationCidrBlock {@code DestinationCidrBlock}, or null
 * @param destinationIpv6CidrBlock {@code DestinationIpv6CidrBlock}, or null
 * @param destinationPrefixListId {@code DestinationPrefixListId}, or null
 * @see <a
 *     href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-route.html">AWS::EC2::Route</a>
 */
public record Route(
    Resource resource,
    @Nullable ResourceId routeTable,
    String destination,
    RouteTarget target,
    @Nullable Value routeTableId,
    @Nullable Value destinationCidrBlock,
    @Nullable Value destinationIpv6CidrBlock,
    @Nullable Value destinationPrefixListId) {

  /** The IPv4 default route. */
  public static final String IPV4_DEFAULT = "0.0.0.0/0";

  /** True for the IPv4 default route {@code 0.0.0.0/0}. */
  public boolean isIpv4Default() {
    return destination.equals(IPV4_DEFAULT);
  }
}
