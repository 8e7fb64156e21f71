package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::EC2::SubnetRouteTableAssociation}: the route table a subnet uses instead of its
 * VPC's main route table.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnetroutetableassociation.html">AWS::EC2::SubnetRouteTableAssociation</a>.
 *
 * @param resource the association resource
 * @param subnet the resource its {@code SubnetId} names, or null when outside the model
 * @param routeTable the resource its {@code RouteTableId} names, or null when outside the model
 * @param routeTableInModel true when {@code routeTable} is an {@code AWS::EC2::RouteTable} of the
 *     model
 */
public record SubnetRouteTableAssociation(
    Resource resource,
    @Nullable ResourceId subnet,
    @Nullable ResourceId routeTable,
    boolean routeTableInModel) {}
