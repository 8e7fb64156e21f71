package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resource that holds network interfaces in subnets of the model and so sends and receives
 * traffic: an EC2 instance or network interface, an Auto Scaling group (through its launch template
 * or launch configuration), a Lambda function with {@code VpcConfig}, an ECS service with {@code
 * awsvpc} networking, an RDS instance or cluster (through its DB subnet group), an ElastiCache
 * cluster or replication group (through its cache subnet group), a load balancer, a NAT gateway or
 * an interface VPC endpoint.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html">Control traffic
 * to your AWS resources using security groups</a>.
 *
 * @param resource the resource
 * @param kind what it is
 * @param interfaces its attachments, the primary one first; empty when the model cannot place it
 *     (an ECS service without {@code awsvpc} networking)
 * @param ports the ports it is known to listen on, sorted: a database's {@code Port} or its
 *     engine's default, a cache's port, a load balancer's listener ports
 * @param sourceDestCheck {@code SourceDestCheck} (true unless literally false; null when not
 *     literal); a NAT instance must have it false to forward traffic
 * @param sourceDestCheckValue the {@code SourceDestCheck} value as written, or null when not set
 */
public record Workload(
    Resource resource,
    Kind kind,
    List<NetworkAttachment> interfaces,
    List<Integer> ports,
    @Nullable Boolean sourceDestCheck,
    @Nullable Value sourceDestCheckValue) {

  public Workload {
    interfaces = List.copyOf(interfaces);
    ports = List.copyOf(ports);
  }

  /** What a workload is, by resource type. */
  public enum Kind {
    INSTANCE,
    NETWORK_INTERFACE,
    AUTO_SCALING_GROUP,
    LAMBDA_FUNCTION,
    ECS_SERVICE,
    DB_INSTANCE,
    DB_CLUSTER,
    CACHE_CLUSTER,
    REPLICATION_GROUP,
    LOAD_BALANCER,
    NAT_GATEWAY,
    VPC_ENDPOINT
  }

  public ResourceId id() {
    return resource.id();
  }

  /** Where {@code SourceDestCheck} is written, or the resource when it is not set. */
  public Origin sourceDestCheckOrigin() {
    return sourceDestCheckValue != null ? sourceDestCheckValue.origin() : resource.origin();
  }

  /** The subnets of the model its interfaces are placed in, in interface order without repeats. */
  public List<ResourceId> subnetIds() {
    return interfaces.stream().flatMap(i -> i.subnetIds().stream()).distinct().toList();
  }
}
