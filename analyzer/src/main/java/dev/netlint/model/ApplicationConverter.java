package dev.netlint.model;

import static dev.netlint.model.ModelIndex.get;
import static dev.netlint.model.ModelIndex.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads what applications are handed and where they register: ECS task definitions (containers,
 * environments, port mappings) and services (task definition, target groups), Lambda functions'
 * environment, and the target groups and Classic Load Balancers an Auto Scaling group registers
 * with. Flow inference reads these to find who talks to whom.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-taskdefinition.html">AWS::ECS::TaskDefinition</a>.
 */
final class ApplicationConverter {
  private final ModelIndex index;
  private final NetworkModel model;
  final Map<ResourceId, TaskDefinition> taskDefinitions = new LinkedHashMap<>();
  final Map<ResourceId, EcsService> ecsServices = new LinkedHashMap<>();
  final Map<ResourceId, LambdaFunction> lambdaFunctions = new LinkedHashMap<>();
  final Map<ResourceId, AutoScalingGroup> autoScalingGroups = new LinkedHashMap<>();

  ApplicationConverter(ModelIndex index) {
    this.index = index;
    this.model = index.model;
  }

  void convert() {
    for (Resource r : model.resourcesOfType(ResourceTypes.TASK_DEFINITION)) {
      List<TaskDefinition.Container> containers = new ArrayList<>();
      if (r.property("ContainerDefinitions") instanceof Value.ListValue list) {
        for (Value c : list.items()) {
          if (c instanceof Value.MapValue container) {
            containers.add(
                new TaskDefinition.Container(
                    container.get("Name"),
                    container.get("Environment"),
                    container.get("Secrets"),
                    portMappings(container.get("PortMappings"))));
          }
        }
      }
      taskDefinitions.put(
          r.id(), new TaskDefinition(r, text(r.property("NetworkMode")), containers));
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.ECS_SERVICE)) {
      List<EcsService.LoadBalancer> lbs = new ArrayList<>();
      if (r.property("LoadBalancers") instanceof Value.ListValue list) {
        for (Value v : list.items()) {
          if (v instanceof Value.MapValue m) {
            lbs.add(
                new EcsService.LoadBalancer(
                    model.referencedResource(m.get("TargetGroupArn")).orElse(null),
                    m.get("ContainerName"),
                    m.get("ContainerPort"),
                    v.origin()));
          }
        }
      }
      ecsServices.put(
          r.id(),
          new EcsService(
              r,
              index.referenced(r.property("TaskDefinition"), ResourceTypes.TASK_DEFINITION),
              lbs));
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.LAMBDA_FUNCTION)) {
      Value variables = get(r.property("Environment"), "Variables");
      lambdaFunctions.put(
          r.id(),
          new LambdaFunction(
              r,
              r.property("VpcConfig") instanceof Value.MapValue,
              variables instanceof Value.MapValue m ? m.entries() : null));
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.AUTO_SCALING_GROUP)) {
      Value arns = r.property("TargetGroupARNs");
      autoScalingGroups.put(
          r.id(),
          new AutoScalingGroup(
              r,
              references(arns),
              arns == null ? null : arns.origin(),
              references(r.property("LoadBalancerNames"))));
    }
  }

  private static @Nullable List<TaskDefinition.PortMapping> portMappings(@Nullable Value mappings) {
    if (!(mappings instanceof Value.ListValue list)) {
      return null;
    }
    List<TaskDefinition.PortMapping> found = new ArrayList<>();
    for (Value pm : list.items()) {
      if (pm instanceof Value.MapValue mapping) {
        found.add(
            new TaskDefinition.PortMapping(mapping.get("ContainerPort"), mapping.get("HostPort")));
      }
    }
    return found;
  }

  /** The resources a list value's items name; nothing when it is not a list. */
  private List<ResourceId> references(@Nullable Value list) {
    List<ResourceId> found = new ArrayList<>();
    if (list instanceof Value.ListValue l) {
      for (Value v : l.items()) {
        model.referencedResource(v).ifPresent(found::add);
      }
    }
    return found;
  }
}
