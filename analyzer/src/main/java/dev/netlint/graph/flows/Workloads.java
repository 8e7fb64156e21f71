package dev.netlint.graph.flows;

import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How workloads get their user data and instance profile: an instance from its own {@code UserData}
 * or its launch template, an Auto Scaling group from its launch template ({@code LaunchTemplate},
 * {@code MixedInstancesPolicy}) or launch configuration.
 */
final class Workloads {
  private final NetworkModel model;

  Workloads(NetworkModel model) {
    this.model = model;
  }

  NetworkModel model() {
    return model;
  }

  /**
   * The resources whose user data a workload runs: the instance itself, then its launch template;
   * for an Auto Scaling group its launch template or launch configuration.
   */
  List<Resource> launchSources(Resource workload) {
    List<Resource> sources = new ArrayList<>();
    switch (workload.type()) {
      case ResourceTypes.INSTANCE -> {
        sources.add(workload);
        launchTemplate(workload.property("LaunchTemplate")).ifPresent(sources::add);
      }
      case ResourceTypes.AUTO_SCALING_GROUP -> {
        launchTemplate(workload.property("LaunchTemplate")).ifPresent(sources::add);
        if (workload.property("MixedInstancesPolicy") instanceof Value.MapValue mixed
            && mixed.get("LaunchTemplate") instanceof Value.MapValue lt) {
          launchTemplate(lt.get("LaunchTemplateSpecification")).ifPresent(sources::add);
        }
        resourceOfType(
                workload.property("LaunchConfigurationName"), ResourceTypes.LAUNCH_CONFIGURATION)
            .ifPresent(sources::add);
      }
      default -> {}
    }
    return sources;
  }

  /** The instances and Auto Scaling groups that run a launch source's user data. */
  List<Resource> workloadsLaunchedBy(Resource source) {
    if (source.type().equals(ResourceTypes.INSTANCE)) {
      return List.of(source);
    }
    List<Resource> found = new ArrayList<>();
    for (String type : List.of(ResourceTypes.INSTANCE, ResourceTypes.AUTO_SCALING_GROUP)) {
      for (Resource w : model.resourcesOfType(type)) {
        if (!w.equals(source)
            && launchSources(w).stream().anyMatch(s -> s.id().equals(source.id()))) {
          found.add(w);
        }
      }
    }
    return found;
  }

  /** The {@code UserData} value of an instance, launch template or launch configuration. */
  static @Nullable Value userData(Resource source) {
    if (source.type().equals(ResourceTypes.LAUNCH_TEMPLATE)) {
      return source.property("LaunchTemplateData") instanceof Value.MapValue data
          ? present(data.get("UserData"))
          : null;
    }
    if (source.type().equals(ResourceTypes.INSTANCE)
        || source.type().equals(ResourceTypes.LAUNCH_CONFIGURATION)) {
      return source.property("UserData");
    }
    return null;
  }

  /** The {@code IamInstanceProfile} value of an instance, launch template or configuration. */
  static @Nullable Value instanceProfile(Resource source) {
    if (source.type().equals(ResourceTypes.LAUNCH_TEMPLATE)) {
      if (source.property("LaunchTemplateData") instanceof Value.MapValue data
          && data.get("IamInstanceProfile") instanceof Value.MapValue profile) {
        Value arn = present(profile.get("Arn"));
        return arn != null ? arn : present(profile.get("Name"));
      }
      return null;
    }
    return source.property("IamInstanceProfile");
  }

  /** The instance a network interface is attached to, when the template attaches it. */
  Optional<Resource> instanceOfInterface(ResourceId eni) {
    for (Resource instance : model.resourcesOfType(ResourceTypes.INSTANCE)) {
      if (instance.property("NetworkInterfaces") instanceof Value.ListValue nics) {
        for (Value nic : nics.items()) {
          if (nic instanceof Value.MapValue m
              && model
                  .referencedResource(m.get("NetworkInterfaceId"))
                  .filter(eni::equals)
                  .isPresent()) {
            return Optional.of(instance);
          }
        }
      }
    }
    for (Resource attachment : model.resourcesOfType(Types.NETWORK_INTERFACE_ATTACHMENT)) {
      if (model
          .referencedResource(attachment.property("NetworkInterfaceId"))
          .filter(eni::equals)
          .isPresent()) {
        Optional<Resource> instance =
            resourceOfType(attachment.property("InstanceId"), ResourceTypes.INSTANCE);
        if (instance.isPresent()) {
          return instance;
        }
      }
    }
    return Optional.empty();
  }

  /** The resource a value references, when it is of {@code type}. */
  Optional<Resource> resourceOfType(@Nullable Value value, String type) {
    return model
        .referencedResource(value)
        .flatMap(model::resource)
        .filter(r -> r.type().equals(type));
  }

  private Optional<Resource> launchTemplate(@Nullable Value spec) {
    if (!(spec instanceof Value.MapValue m)) {
      return Optional.empty();
    }
    Value ref = present(m.get("LaunchTemplateId"));
    if (ref == null) {
      ref = present(m.get("LaunchTemplateName"));
    }
    return resourceOfType(ref, ResourceTypes.LAUNCH_TEMPLATE);
  }

  private static @Nullable Value present(@Nullable Value v) {
    return v instanceof Value.NoValue ? null : v;
  }
}
