package dev.netlint.graph.flows;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A load balancer's listeners must reach their target groups' targets on the traffic port, and its
 * health check must reach them on the health-check port. Target groups are those a listener or
 * listener rule forwards to ({@code TargetGroupArn}, {@code ForwardConfig.TargetGroups}); targets
 * are the group's {@code Targets} (instances, IP addresses, network interfaces by address, load
 * balancers), Auto Scaling groups that name it in {@code TargetGroupARNs} and ECS services that
 * name it in {@code LoadBalancers}. A Classic Load Balancer reaches its {@code Instances} and the
 * Auto Scaling groups that name it in {@code LoadBalancerNames} on each listener's {@code
 * InstancePort}, and its {@code HealthCheck.Target} port.
 *
 * <p>A health-check flow is inferred only where the health-check port differs from the traffic port
 * ({@code HealthCheckPort} other than {@code traffic-port}): otherwise the traffic flow already
 * covers it. Health checks are TCP, HTTP or HTTPS, so their flow is TCP. Lambda targets are
 * invoked, not reached over the network, and give no flow.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html">Health
 * checks for Application Load Balancer target groups</a> and <a
 * href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html">Update
 * the security groups for your Application Load Balancer</a>.
 */
final class LoadBalancerFlows {

  private final Workloads workloads;
  private final NetworkModel model;
  private final List<Flow> out;

  LoadBalancerFlows(Workloads workloads, List<Flow> out) {
    this.workloads = workloads;
    this.model = workloads.model();
    this.out = out;
  }

  /** The transport protocols of a listener or target group protocol ({@code TCP_UDP} is both). */
  static List<Protocol> protocols(String protocol) {
    return switch (protocol.toUpperCase(Locale.ROOT)) {
      case "UDP" -> List.of(Protocol.UDP);
      case "TCP_UDP" -> List.of(Protocol.TCP, Protocol.UDP);
      default -> List.of(Protocol.TCP);
    };
  }

  void infer() {
    Map<ResourceId, Set<Resource>> balancersByGroup = new LinkedHashMap<>();
    for (Resource listener : model.resourcesOfType(ResourceTypes.LISTENER)) {
      Optional<Resource> lb =
          workloads.resourceOfType(listener.property("LoadBalancerArn"), ResourceTypes.LOAD_BALANCER);
      if (lb.isPresent()) {
        for (ResourceId group : forwardedGroups(listener.property("DefaultActions"))) {
          balancersByGroup.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(lb.get());
        }
      }
    }
    for (Resource rule : model.resourcesOfType(ResourceTypes.LISTENER_RULE)) {
      Optional<Resource> listener =
          workloads.resourceOfType(rule.property("ListenerArn"), ResourceTypes.LISTENER);
      Optional<Resource> lb =
          listener.flatMap(
              l -> workloads.resourceOfType(l.property("LoadBalancerArn"), ResourceTypes.LOAD_BALANCER));
      if (lb.isPresent()) {
        for (ResourceId group : forwardedGroups(rule.property("Actions"))) {
          balancersByGroup.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(lb.get());
        }
      }
    }
    for (Resource group : model.resourcesOfType(ResourceTypes.TARGET_GROUP)) {
      for (Resource lb : balancersByGroup.getOrDefault(group.id(), Set.of())) {
        targetGroup(lb, group);
      }
    }
    for (Resource clb : model.resourcesOfType(ResourceTypes.CLASSIC_LOAD_BALANCER)) {
      classic(clb);
    }
  }

  private List<ResourceId> forwardedGroups(@Nullable Value actions) {
    List<ResourceId> groups = new ArrayList<>();
    if (actions instanceof Value.ListValue list) {
      for (Value a : list.items()) {
        if (!(a instanceof Value.MapValue action)) {
          continue;
        }
        model.referencedResource(action.get("TargetGroupArn")).ifPresent(groups::add);
        if (action.get("ForwardConfig") instanceof Value.MapValue forward
            && forward.get("TargetGroups") instanceof Value.ListValue tgs) {
          for (Value tg : tgs.items()) {
            if (tg instanceof Value.MapValue m) {
              model.referencedResource(m.get("TargetGroupArn")).ifPresent(groups::add);
            }
          }
        }
      }
    }
    return groups;
  }

  private void targetGroup(Resource lb, Resource group) {
    String targetType =
        text(group.property("TargetType")).orElse("instance").toLowerCase(Locale.ROOT);
    if (targetType.equals("lambda")) {
      return;
    }
    Optional<Integer> groupPort = Ports.literal(group.property("Port"));
    List<Protocol> protocols = protocols(text(group.property("Protocol")).orElse("TCP"));
    Optional<String> healthCheck = text(group.property("HealthCheckPort"));
    boolean checked = !NetworkModel.isFalse(group.property("HealthCheckEnabled"));
    Optional<Integer> healthPort =
        healthCheck.filter(p -> !p.equalsIgnoreCase("traffic-port")).flatMap(Ports::parse);

    for (Target t : targets(group, groupPort)) {
      for (Protocol protocol : protocols) {
        out.add(
            flow(
                lb,
                t.endpoint(),
                protocol,
                t.ports(),
                Flow.Kind.LOAD_BALANCER_TARGET,
                lb.logicalId()
                    + " forwards to target group "
                    + group.logicalId()
                    + ", whose target "
                    + t.name()
                    + " receives "
                    + protocol.label()
                    + "/"
                    + t.ports()
                    + " ("
                    + t.how()
                    + ")",
                t.origin()));
      }
      if (checked && healthPort.isPresent() && !PortRange.of(healthPort.get()).equals(t.ports())) {
        Value hc = group.property("HealthCheckPort");
        out.add(
            flow(
                lb,
                t.endpoint(),
                Protocol.TCP,
                PortRange.of(healthPort.get()),
                Flow.Kind.HEALTH_CHECK,
                "target group "
                    + group.logicalId()
                    + " of "
                    + lb.logicalId()
                    + " health-checks "
                    + t.name()
                    + " on tcp/"
                    + healthPort.get()
                    + " (HealthCheckPort)",
                hc == null ? group.origin() : hc.origin()));
      }
    }
  }

  /** A target of a target group and the port it receives traffic on. */
  private record Target(
      Endpoint endpoint, String name, PortRange ports, String how, Origin origin) {}

  private List<Target> targets(Resource group, Optional<Integer> groupPort) {
    List<Target> found = new ArrayList<>();
    if (group.property("Targets") instanceof Value.ListValue list) {
      for (Value v : list.items()) {
        if (!(v instanceof Value.MapValue t)) {
          continue;
        }
        Optional<Integer> port = Ports.literal(t.get("Port")).or(() -> groupPort);
        Value id = t.get("Id");
        if (port.isEmpty() || id == null) {
          continue;
        }
        String how =
            Ports.literal(t.get("Port")).isPresent() ? "the target's Port" : "the group's Port";
        Optional<Resource> r = model.referencedResource(id).flatMap(model::resource);
        Optional<String> ip = id.literal().filter(s -> s.matches("\\d{1,3}(\\.\\d{1,3}){3}"));
        if (r.isPresent()) {
          found.add(
              new Target(
                  new Endpoint.Workload(r.get().id()),
                  r.get().logicalId(),
                  PortRange.of(port.get()),
                  how,
                  id.origin()));
        } else if (ip.isPresent()) {
          found.add(
              new Target(
                  new Endpoint.Cidr(ip.get() + "/32"),
                  ip.get(),
                  PortRange.of(port.get()),
                  how,
                  id.origin()));
        }
      }
    }
    if (groupPort.isPresent()) {
      for (Resource asg : model.resourcesOfType(ResourceTypes.AUTO_SCALING_GROUP)) {
        if (references(asg.property("TargetGroupARNs"), group.id())) {
          found.add(
              new Target(
                  new Endpoint.Workload(asg.id()),
                  asg.logicalId(),
                  PortRange.of(groupPort.get()),
                  "the group's Port",
                  asg.property("TargetGroupARNs").origin()));
        }
      }
    }
    for (Resource service : model.resourcesOfType(ResourceTypes.ECS_SERVICE)) {
      if (!(service.property("LoadBalancers") instanceof Value.ListValue lbs)) {
        continue;
      }
      for (Value v : lbs.items()) {
        if (v instanceof Value.MapValue m
            && model
                .referencedResource(m.get("TargetGroupArn"))
                .filter(group.id()::equals)
                .isPresent()) {
          Optional<PortRange> port = servicePort(service, m, groupPort);
          port.ifPresent(
              p ->
                  found.add(
                      new Target(
                          new Endpoint.Workload(service.id()),
                          service.logicalId(),
                          p,
                          "container "
                              + (m.get("ContainerName") == null
                                  ? "?"
                                  : m.get("ContainerName").render())
                              + "'s port",
                          v.origin())));
        }
      }
    }
    return found;
  }

  /**
   * The port an ECS service's container receives load balancer traffic on: its {@code
   * ContainerPort} in {@code awsvpc} and {@code host} mode; in {@code bridge} mode the container's
   * literal {@code HostPort}, or the dynamic port range 32768-65535 when the host port is 0 or
   * absent.
   */
  private Optional<PortRange> servicePort(
      Resource service, Value.MapValue lb, Optional<Integer> groupPort) {
    Optional<Integer> containerPort = Ports.literal(lb.get("ContainerPort")).or(() -> groupPort);
    Optional<Resource> task =
        workloads.resourceOfType(service.property("TaskDefinition"), ResourceTypes.TASK_DEFINITION);
    String mode =
        task.flatMap(t -> text(t.property("NetworkMode")))
            .orElse("bridge")
            .toLowerCase(Locale.ROOT);
    if (!mode.equals("bridge") || task.isEmpty()) {
      return containerPort.map(PortRange::of);
    }
    if (task.get().property("ContainerDefinitions") instanceof Value.ListValue containers) {
      String name = lb.get("ContainerName") == null ? "" : lb.get("ContainerName").render();
      for (Value c : containers.items()) {
        if (c instanceof Value.MapValue container
            && container.get("Name") != null
            && container.get("Name").render().equals(name)
            && container.get("PortMappings") instanceof Value.ListValue mappings) {
          for (Value pm : mappings.items()) {
            if (pm instanceof Value.MapValue mapping
                && Ports.literal(mapping.get("ContainerPort")).equals(containerPort)) {
              Optional<Integer> host = Ports.literal(mapping.get("HostPort"));
              return Optional.of(host.map(PortRange::of).orElse(new PortRange(32768, 65535)));
            }
          }
        }
      }
    }
    return Optional.of(new PortRange(32768, 65535));
  }

  private void classic(Resource clb) {
    List<Resource> targets = new ArrayList<>();
    if (clb.property("Instances") instanceof Value.ListValue instances) {
      for (Value v : instances.items()) {
        model.referencedResource(v).flatMap(model::resource).ifPresent(targets::add);
      }
    }
    for (Resource asg : model.resourcesOfType(ResourceTypes.AUTO_SCALING_GROUP)) {
      if (references(asg.property("LoadBalancerNames"), clb.id())) {
        targets.add(asg);
      }
    }
    Set<Integer> trafficPorts = new LinkedHashSet<>();
    if (clb.property("Listeners") instanceof Value.ListValue listeners) {
      for (Value l : listeners.items()) {
        if (l instanceof Value.MapValue m) {
          Ports.literal(m.get("InstancePort")).ifPresent(trafficPorts::add);
        }
      }
    }
    Optional<Integer> healthPort = Optional.empty();
    Value target =
        clb.property("HealthCheck") instanceof Value.MapValue hc ? hc.get("Target") : null;
    if (target != null) {
      healthPort = target.literal().flatMap(LoadBalancerFlows::classicHealthPort);
    }
    for (Resource t : targets) {
      for (int port : trafficPorts) {
        out.add(
            flow(
                clb,
                new Endpoint.Workload(t.id()),
                Protocol.TCP,
                PortRange.of(port),
                Flow.Kind.LOAD_BALANCER_TARGET,
                clb.logicalId()
                    + " forwards to "
                    + t.logicalId()
                    + " on tcp/"
                    + port
                    + " (a listener's InstancePort)",
                clb.origin()));
      }
      if (healthPort.isPresent() && !trafficPorts.contains(healthPort.get())) {
        out.add(
            flow(
                clb,
                new Endpoint.Workload(t.id()),
                Protocol.TCP,
                PortRange.of(healthPort.get()),
                Flow.Kind.HEALTH_CHECK,
                clb.logicalId()
                    + " health-checks "
                    + t.logicalId()
                    + " on tcp/"
                    + healthPort.get()
                    + " (HealthCheck.Target)",
                target.origin()));
      }
    }
  }

  /** The port of a Classic Load Balancer health-check target, {@code HTTP:8080/health}. */
  private static Optional<Integer> classicHealthPort(String target) {
    int colon = target.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String rest = target.substring(colon + 1);
    int slash = rest.indexOf('/');
    return Ports.parse(slash < 0 ? rest : rest.substring(0, slash));
  }

  private boolean references(@Nullable Value list, ResourceId id) {
    if (list instanceof Value.ListValue l) {
      for (Value v : l.items()) {
        if (model.referencedResource(v).filter(id::equals).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  private static Optional<String> text(@Nullable Value v) {
    return v == null ? Optional.empty() : v.literal();
  }

  private static Flow flow(
      Resource lb,
      Endpoint target,
      Protocol protocol,
      PortRange ports,
      Flow.Kind kind,
      String evidence,
      Origin origin) {
    return new Flow(
        new Endpoint.Workload(lb.id()),
        target,
        protocol,
        ports,
        kind,
        Verdict.REACHABLE,
        evidence,
        origin);
  }
}
