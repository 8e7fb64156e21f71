package dev.netlint.rules.host;

import dev.netlint.model.HostFacts;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Route;
import dev.netlint.model.RouteTarget;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.rules.userdata.HostImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
    if (own.isPresent()) {
      return Optional.of(
          new Host(
              resource,
              own.get(),
              model.hostFacts(resource.id()).orElse(HostFacts.NONE),
              HostImage.of(resource, own.get())));
    }
    Optional<Resource> template = launchTemplate(model, resource);
    if (template.isEmpty()) {
      return Optional.empty();
    }
    Optional<UserData> borrowed = model.userData(template.get().id());
    if (borrowed.isEmpty()) {
      return Optional.empty();
    }
    HostImage image =
        resource.property("ImageId") != null
            ? HostImage.of(resource, borrowed.get())
            : HostImage.of(template.get(), borrowed.get());
    return Optional.of(
        new Host(
            resource,
            borrowed.get(),
            model.hostFacts(template.get().id()).orElse(HostFacts.NONE),
            image));
  }

  /** The launch template an instance is launched from, when it is in the model. */
  static Optional<Resource> launchTemplate(NetworkModel model, Resource instance) {
    if (!instance.type().equals(ResourceTypes.INSTANCE)
        || !(instance.property("LaunchTemplate") instanceof Value.MapValue spec)) {
      return Optional.empty();
    }
    Value id = spec.get("LaunchTemplateId");
    return model
        .referencedResource(id != null ? id : spec.get("LaunchTemplateName"))
        .flatMap(model::resource)
        .filter(r -> r.type().equals(ResourceTypes.LAUNCH_TEMPLATE));
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
    for (Attachment a : attachments(model)) {
      if (a.instance().equals(instance.id())) {
        model.resource(a.networkInterface()).ifPresent(eni -> routes.addAll(routesTo(model, eni)));
      }
    }
    return routes;
  }

  /**
   * A network interface attached to an instance, by the instance's {@code NetworkInterfaces} or by
   * an {@code AWS::EC2::NetworkInterfaceAttachment}.
   *
   * @param deviceIndex the device index as written ({@code 0} is the primary interface)
   */
  record Attachment(ResourceId instance, ResourceId networkInterface, String deviceIndex) {}

  static List<Attachment> attachments(NetworkModel model) {
    List<Attachment> found = new ArrayList<>();
    for (Resource instance : model.resourcesOfType(ResourceTypes.INSTANCE)) {
      if (instance.property("NetworkInterfaces") instanceof Value.ListValue nics) {
        for (Value nic : nics.items()) {
          if (nic instanceof Value.MapValue m) {
            Optional<ResourceId> eni = model.referencedResource(m.get("NetworkInterfaceId"));
            eni.ifPresent(
                e -> found.add(new Attachment(instance.id(), e, text(m.get("DeviceIndex")))));
          }
        }
      }
    }
    for (Resource a : model.resourcesOfType(ResourceTypes.NETWORK_INTERFACE_ATTACHMENT)) {
      Optional<ResourceId> instance = model.referencedResource(a.property("InstanceId"));
      Optional<ResourceId> eni = model.referencedResource(a.property("NetworkInterfaceId"));
      if (instance.isPresent() && eni.isPresent()) {
        found.add(new Attachment(instance.get(), eni.get(), text(a.property("DeviceIndex"))));
      }
    }
    return found;
  }

  private static String text(@Nullable Value v) {
    return v == null ? "" : v.literal().orElse("");
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
    Value id = route.resource().property("RouteTableId");
    return id == null ? "?" : id.render();
  }
}
