package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::ECS::TaskDefinition}: its network mode and containers.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-taskdefinition.html">AWS::ECS::TaskDefinition</a>.
 *
 * @param resource the task definition resource
 * @param networkMode {@code NetworkMode} when literal, or null
 * @param containers the {@code ContainerDefinitions}, in template order
 */
public record TaskDefinition(
    Resource resource, @Nullable String networkMode, List<Container> containers) {

  public TaskDefinition {
    containers = List.copyOf(containers);
  }

  /**
   * A container definition.
   *
   * @param name {@code Name}, or null
   * @param environment {@code Environment} (a list of {@code Name}/{@code Value} maps), or null
   * @param secrets {@code Secrets} (a list of {@code Name}/{@code ValueFrom} maps), or null
   * @param portMappings the {@code PortMappings} ({@code ContainerPort}, {@code HostPort}); null
   *     when absent or not a list
   */
  public record Container(
      @Nullable Value name,
      @Nullable Value environment,
      @Nullable Value secrets,
      @Nullable List<PortMapping> portMappings) {}

  /** A port mapping as written: {@code ContainerPort} and {@code HostPort}, either may be null. */
  public record PortMapping(@Nullable Value containerPort, @Nullable Value hostPort) {}
}
