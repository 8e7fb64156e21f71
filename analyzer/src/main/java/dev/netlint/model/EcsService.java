package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::ECS::Service}: its task definition and the target groups it registers with.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html">AWS::ECS::Service</a>.
 *
 * @param resource the service resource
 * @param taskDefinition the {@code AWS::ECS::TaskDefinition} of the model it runs, or null
 * @param loadBalancers its {@code LoadBalancers} entries, in template order
 */
public record EcsService(
    Resource resource, @Nullable ResourceId taskDefinition, List<LoadBalancer> loadBalancers) {

  public EcsService {
    loadBalancers = List.copyOf(loadBalancers);
  }

  /**
   * A {@code LoadBalancers} entry.
   *
   * @param targetGroup the resource its {@code TargetGroupArn} names, or null
   * @param containerName {@code ContainerName}, or null
   * @param containerPort {@code ContainerPort}, or null
   * @param origin where the entry stands in the template
   */
  public record LoadBalancer(
      @Nullable ResourceId targetGroup,
      @Nullable Value containerName,
      @Nullable Value containerPort,
      Origin origin) {}
}
