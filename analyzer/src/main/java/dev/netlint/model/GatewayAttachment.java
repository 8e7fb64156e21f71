package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::EC2::VPCGatewayAttachment}: an internet gateway or virtual private gateway
 * attached to a VPC, which carries traffic only for that VPC.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcgatewayattachment.html">AWS::EC2::VPCGatewayAttachment</a>.
 *
 * @param resource the attachment resource
 * @param vpc the resource its {@code VpcId} names, or null when outside the model
 * @param internetGatewayId the {@code InternetGatewayId} value, or null
 * @param internetGateway the resource it names, or null when outside the model
 */
public record GatewayAttachment(
    Resource resource,
    @Nullable ResourceId vpc,
    @Nullable Value internetGatewayId,
    @Nullable ResourceId internetGateway) {

  public ResourceId id() {
    return resource.id();
  }
}
