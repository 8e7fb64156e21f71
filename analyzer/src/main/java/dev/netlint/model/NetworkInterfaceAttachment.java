package dev.netlint.model;

/**
 * A network interface attached to an instance, by the instance's {@code NetworkInterfaces} or by an
 * {@code AWS::EC2::NetworkInterfaceAttachment}.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-networkinterfaceattachment.html">AWS::EC2::NetworkInterfaceAttachment</a>.
 *
 * @param instance the instance (the resource its {@code InstanceId} names)
 * @param networkInterface the network interface ({@code NetworkInterfaceId})
 * @param deviceIndex {@code DeviceIndex} as written ({@code 0} is the primary interface), empty
 *     when absent or not known before deploy
 * @param origin where the attachment stands in the template
 */
public record NetworkInterfaceAttachment(
    ResourceId instance, ResourceId networkInterface, String deviceIndex, Origin origin) {}
