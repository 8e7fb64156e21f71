package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::EC2::VPCEndpoint}. An interface endpoint places network interfaces in its subnets,
 * guarded by its security groups; with private DNS, the service's regional name resolves to them
 * inside the VPC. A gateway endpoint (S3, DynamoDB) adds a route for the service's prefix list to
 * each of its route tables.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html">AWS::EC2::VPCEndpoint</a>
 * and <a
 * href="https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html">Access
 * AWS services through AWS PrivateLink</a>.
 *
 * @param resource the endpoint resource
 * @param vpc the VPC ({@code VpcId}) when it is in the model
 * @param type {@code VpcEndpointType} (default {@code Gateway})
 * @param serviceName the {@code ServiceName} value ({@code com.amazonaws.${AWS::Region}.ssm})
 * @param service the service part of the name after the region ({@code ssm}, {@code ecr.dkr},
 *     {@code s3}), or null when the name is not of the {@code com.amazonaws.REGION.SERVICE} form
 * @param attachment the interfaces of an interface endpoint, or null for a gateway endpoint
 * @param privateDnsEnabled {@code PrivateDnsEnabled} is literally true
 * @param routeTables the {@code RouteTableIds} values of a gateway endpoint
 * @param routeTableIds the route tables of the model among them
 */
public record VpcEndpoint(
    Resource resource,
    @Nullable ResourceId vpc,
    Type type,
    @Nullable Value serviceName,
    @Nullable String service,
    @Nullable NetworkAttachment attachment,
    boolean privateDnsEnabled,
    List<Value> routeTables,
    List<ResourceId> routeTableIds) {

  public VpcEndpoint {
    routeTables = List.copyOf(routeTables);
    routeTableIds = List.copyOf(routeTableIds);
  }

  /** {@code VpcEndpointType}. */
  public enum Type {
    INTERFACE,
    GATEWAY,
    GATEWAY_LOAD_BALANCER,
    /** Another type, or one not known before deploy. */
    OTHER
  }

  public ResourceId id() {
    return resource.id();
  }
}
