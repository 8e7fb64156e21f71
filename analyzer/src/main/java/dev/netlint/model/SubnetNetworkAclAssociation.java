package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::EC2::SubnetNetworkAclAssociation}: the network ACL a subnet uses instead of its
 * VPC's default network ACL.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnetnetworkaclassociation.html">AWS::EC2::SubnetNetworkAclAssociation</a>.
 *
 * @param resource the association resource
 * @param subnet the subnet of the model its {@code SubnetId} names
 * @param networkAclId the {@code NetworkAclId} value, or null
 * @param networkAcl the resource it names, or null when outside the model
 */
public record SubnetNetworkAclAssociation(
    Resource resource,
    ResourceId subnet,
    @Nullable Value networkAclId,
    @Nullable ResourceId networkAcl) {}
