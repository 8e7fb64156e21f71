package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::EC2::NatGateway}.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-natgateway.html">AWS::EC2::NatGateway</a>.
 *
 * @param resource the NAT gateway resource
 * @param subnet the subnet of the model its {@code SubnetId} names, or null
 * @param connectivityType {@code ConnectivityType}: {@code public} when absent (the default), the
 *     literal text when set, null when not known before deploy
 */
public record NatGateway(
    Resource resource, @Nullable ResourceId subnet, @Nullable String connectivityType) {

  public ResourceId id() {
    return resource.id();
  }

  /** True when it is a public NAT gateway: {@code ConnectivityType} absent or {@code public}. */
  public boolean isPublic() {
    return connectivityType != null && connectivityType.equalsIgnoreCase("public");
  }

  /** True when {@code ConnectivityType} is literally {@code private}. */
  public boolean isPrivate() {
    return connectivityType != null && connectivityType.equalsIgnoreCase("private");
  }
}
