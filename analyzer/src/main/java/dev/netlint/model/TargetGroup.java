package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::ElasticLoadBalancingV2::TargetGroup} with its targets: those its {@code Targets}
 * list registers, the Auto Scaling groups whose {@code TargetGroupARNs} name it, and the ECS
 * services whose {@code LoadBalancers} name it (registered on their container port).
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-targetgroup.html">AWS::ElasticLoadBalancingV2::TargetGroup</a>
 * and <a
 * href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html">Health
 * checks for Application Load Balancer target groups</a>.
 *
 * @param resource the target group resource
 * @param vpc the VPC ({@code VpcId}) when it is in the model
 * @param port {@code Port}, the traffic port, or null when absent or not literal
 * @param protocol {@code Protocol}, or null
 * @param targetType {@code TargetType}: {@code instance} (default), {@code ip}, {@code lambda},
 *     {@code alb}
 * @param healthCheckPort {@code HealthCheckPort} as a number, or null for {@code traffic-port} (the
 *     default) or a value not known before deploy
 * @param healthCheckOnTrafficPort true when the health check uses each target's traffic port
 * @param healthCheckProtocol {@code HealthCheckProtocol}, or null
 * @param targets the registered targets
 * @param portValue {@code Port} as written, or null
 * @param healthCheckPortValue {@code HealthCheckPort} as written, or null
 * @param healthCheckEnabled {@code HealthCheckEnabled} is not literally false
 * @param registrations the {@code Targets} entries as written, in template order
 */
public record TargetGroup(
    Resource resource,
    @Nullable ResourceId vpc,
    @Nullable Integer port,
    @Nullable String protocol,
    String targetType,
    @Nullable Integer healthCheckPort,
    boolean healthCheckOnTrafficPort,
    @Nullable String healthCheckProtocol,
    List<Target> targets,
    @Nullable Value portValue,
    @Nullable Value healthCheckPortValue,
    boolean healthCheckEnabled,
    List<Registration> registrations) {

  public TargetGroup {
    targets = List.copyOf(targets);
    registrations = List.copyOf(registrations);
  }

  /**
   * A {@code Targets} entry as written.
   *
   * @param id {@code Id}: an instance, an IP address, a Lambda function; or null
   * @param port {@code Port}, or null
   */
  public record Registration(@Nullable Value id, @Nullable Value port) {}

  public ResourceId id() {
    return resource.id();
  }

  /**
   * One registered target.
   *
   * @param value what names it: a {@code Targets[].Id}, an Auto Scaling group, an ECS service
   * @param workload the workload of the model it is, or null (an IP address, a Lambda function)
   * @param port the port traffic goes to: the target's {@code Port}, an ECS container port, else
   *     the group's port; null when none is known
   * @param origin where the registration stands in the template
   */
  public record Target(
      Value value, @Nullable ResourceId workload, @Nullable Integer port, Origin origin) {}

  /** The port health checks go to for a target: the health check port, else its traffic port. */
  public @Nullable Integer healthCheckPortOf(Target target) {
    return healthCheckOnTrafficPort ? target.port() : healthCheckPort;
  }
}
