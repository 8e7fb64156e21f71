package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::EC2::Subnet}.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnet.html">AWS::EC2::Subnet</a>.
 *
 * @param resource the subnet resource
 * @param vpc the VPC ({@code VpcId}) when it is in the model
 * @param cidrBlock the {@code CidrBlock} value, or null
 * @param cidr the IPv4 CIDR, or null when it is not known before deploy ({@code Fn::Cidr} of a
 *     VPC's {@code CidrBlock} attribute is computed from the VPC)
 * @param mapPublicIpOnLaunch {@code MapPublicIpOnLaunch} is literally true
 * @param publicIpOnLaunch {@code MapPublicIpOnLaunch} as far as it is known before deploy: true or
 *     false when literal, false when absent (the default), null when not known (a parameter)
 * @param vpcIdValue the {@code VpcId} value as written, or null
 */
public record Subnet(
    Resource resource,
    @Nullable ResourceId vpc,
    @Nullable Value cidrBlock,
    @Nullable Cidr cidr,
    boolean mapPublicIpOnLaunch,
    @Nullable Boolean publicIpOnLaunch,
    @Nullable Value vpcIdValue) {

  public ResourceId id() {
    return resource.id();
  }
}
