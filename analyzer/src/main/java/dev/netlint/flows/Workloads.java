package dev.netlint.flows;

import dev.netlint.model.LaunchData;
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
 * How workloads get their user data and instance profile, as the model decides it: an instance from
 * its own {@code UserData} or its launch template, an Auto Scaling group from its launch template
 * or launch configuration.
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
    return model.launchSources(workload);
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
    return LaunchData.userData(source);
  }

  /** The {@code IamInstanceProfile} value of an instance, launch template or configuration. */
  static @Nullable Value instanceProfile(Resource source) {
    return LaunchData.instanceProfile(source);
  }

  /** The instance a network interface is attached to, when the template attaches it. */
  Optional<Resource> instanceOfInterface(ResourceId eni) {
    return model.instanceOfNetworkInterface(eni).flatMap(model::resource);
  }

  /** The resource a value references, when it is of {@code type}. */
  Optional<Resource> resourceOfType(@Nullable Value value, String type) {
    return model
        .referencedResource(value)
        .flatMap(model::resource)
        .filter(r -> r.type().equals(type));
  }
}
