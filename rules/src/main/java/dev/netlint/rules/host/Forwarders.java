package dev.netlint.rules.host;

import dev.netlint.model.HostFacts;
import dev.netlint.model.HostImage;
import dev.netlint.model.Launch;
import dev.netlint.model.NetworkInterfaceAttachment;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Route;
import dev.netlint.model.RouteTarget;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the rules of this package share: which routes send traffic to an instance or network
 * interface, and the user data that configures an instance (its own, or that of the launch template
 * it is launched from).
 */
final class Forwarders {
  private Forwarders() {}

  /**
   * An instance, launch template or launch configuration with the user data that configures it.
   *
   * @param resource the instance, launch template or launch configuration
   * @param userData its user data, or that of the launch template an instance is launched from
   * @param facts what that user data does to the host
   * @param image the AMI and instance type
   */
  record Host(Resource resource, UserData userData, HostFacts facts, HostImage image) {}

  /**
   * The host an instance, launch template or launch configuration configures, when it has user
   * data.
   */
  static Optional<Host> host(NetworkModel model, Resource resource) {
    Optional<UserData> own = model.userData(resource.id());
    ResourceId owner = resource.id();
    if (own.isEmpty()) {
      Optional<ResourceId> template = launchTemplate(model, resource).map(Resource::id);
      if (template.isEmpty()) {
        return Optional.empty();
      }
      owner = template.get();
    }
    Optional<UserData> userData = model.userData(owner);
    Optional<HostImage> image = model.hostImage(resource.id());
    if (userData.isEmpty() || image.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Host(
            resource, userData.get(), model.hostFacts(owner).orElse(HostFacts.NONE), image.get()));
  }

  /** The launch template an instance is launched from, when it is in the model. */
  static Optional<Resource> launchTemplate(NetworkModel model, Resource instance) {
    if (!isInstance(instance)) {
      return Optional.empty();
    }
    return model.launchOf(instance.id()).map(Launch::launchTemplate).flatMap(model::resource);
  }

  private static boolean isInstance(Resource resource) {
    return resource.type().equals(ResourceTypes.INSTANCE);
  }

  /**
   * True when cloud-init runs the user data at boot and there is something to judge: a shell script
   * with a {@code #!} line and at least one command, a {@code #cloud-config} document or a MIME
   * multipart archive. cloud-init ignores text without a {@code #!} line (appliances read their own
   * configuration formats from user data), and an empty script says nothing.
   */
  static boolean judgeable(UserData userData) {
    return switch (userData.format()) {
      case CLOUD_CONFIG, MULTIPART -> true;
      case SHELL ->
          userData.text().stripLeading().startsWith("#!") && !userData.commands().isEmpty();
      default -> false;
    };
  }

  /**
   * The routes that name this instance ({@code InstanceId}) or network interface ({@code
   * NetworkInterfaceId}) as their target.
   */
  static List<Route> routesTo(NetworkModel model, Resource target) {
    RouteTarget.Kind kind =
        target.type().equals(ResourceTypes.INSTANCE)
            ? RouteTarget.Kind.INSTANCE
            : RouteTarget.Kind.NETWORK_INTERFACE;
    return model.routes().stream()
        .filter(r -> r.target().kind() == kind && target.id().equals(r.target().resource()))
        .toList();
  }

  /**
   * The routes that send traffic to an instance: those naming it, and those naming a network
   * interface attached to it.
   */
  static List<Route> routesThrough(NetworkModel model, Resource instance) {
    List<Route> routes = new ArrayList<>(routesTo(model, instance));
    for (NetworkInterfaceAttachment a : model.networkInterfaceAttachments()) {
      if (a.instance().equals(instance.id())) {
        model.resource(a.networkInterface()).ifPresent(eni -> routes.addAll(routesTo(model, eni)));
      }
    }
    return routes;
  }

  /**
   * Routes as a message names them, sending traffic to {@code target}: {@code route PrivateRoute1
   * sends 0.0.0.0/0 from route table PrivateRouteTable1 to NatInstance}, and how many more routes
   * do.
   */
  static String describe(List<Route> routes, String target) {
    Route route = routes.get(0);
    String text =
        String.format(
            "route %s sends %s from route table %s to %s",
            route.resource().logicalId(), route.destination(), tableName(route), target);
    int more = routes.size() - 1;
    return more == 0 ? text : text + " (and " + more + " more route" + (more > 1 ? "s" : "") + ")";
  }

  /** The route table of a route: its logical ID, or the value naming it ({@code ${RtbParam}}). */
  static String tableName(Route route) {
    if (route.routeTable() != null) {
      return route.routeTable().logicalId();
    }
    Value id = route.routeTableId();
    return id == null ? "?" : id.render();
  }
}
