package dev.netlint.flows;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.AutoScalingGroup;
import dev.netlint.model.ClassicLoadBalancer;
import dev.netlint.model.EcsService;
import dev.netlint.model.Listener;
import dev.netlint.model.ListenerRule;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.TargetGroup;
import dev.netlint.model.TaskDefinition;
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
    for (Listener listener : model.listeners()) {
      Optional<Resource> lb = Optional.ofNullable(listener.loadBalancer()).flatMap(model::resource);
      if (lb.isPresent()) {
        for (ResourceId group : listener.defaultTargetGroups()) {
          balancersByGroup.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(lb.get());
        }
      }
    }
    for (ListenerRule rule : model.listenerRules()) {
      Optional<Resource> lb =
          Optional.ofNullable(rule.listener())
              .flatMap(model::listener)
              .map(Listener::loadBalancer)
              .flatMap(model::resource);
      if (lb.isPresent()) {
        for (ResourceId group : rule.targetGroups()) {
          balancersByGroup.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(lb.get());
        }
      }
    }
    for (TargetGroup group : model.targetGroups()) {
      for (Resource lb : balancersByGroup.getOrDefault(group.id(), Set.of())) {
        targetGroup(lb, group);
      }
    }
    for (Resource clb : model.resourcesOfType(ResourceTypes.CLASSIC_LOAD_BALANCER)) {
      model.classicLoadBalancer(clb.id()).ifPresent(this::classic);
    }
  }

  private void targetGroup(Resource lb, TargetGroup tg) {
    Resource group = tg.resource();
    String targetType = tg.targetType().toLowerCase(Locale.ROOT);
    if (targetType.equals("lambda")) {
      return;
    }
    Optional<Integer> groupPort = Ports.literal(tg.portValue());
    List<Protocol> protocols = protocols(Optional.ofNullable(tg.protocol()).orElse("TCP"));
    Optional<String> healthCheck = text(tg.healthCheckPortValue());
    boolean checked = tg.healthCheckEnabled();
    Optional<Integer> healthPort =
        healthCheck.filter(p -> !p.equalsIgnoreCase("traffic-port")).flatMap(Ports::parse);

    for (Target t : targets(tg, groupPort)) {
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
        Value hc = tg.healthCheckPortValue();
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

  private List<Target> targets(TargetGroup group, Optional<Integer> groupPort) {
    List<Target> found = new ArrayList<>();
    {
      for (TargetGroup.Registration t : group.registrations()) {
        Optional<Integer> port = Ports.literal(t.port()).or(() -> groupPort);
        Value id = t.id();
        if (port.isEmpty() || id == null) {
          continue;
        }
        String how = Ports.literal(t.port()).isPresent() ? "the target's Port" : "the group's Port";
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
        Optional<AutoScalingGroup> registered =
            model.autoScalingGroup(asg.id()).filter(g -> g.targetGroups().contains(group.id()));
        if (registered.isPresent() && registered.get().targetGroupArnsOrigin() != null) {
          found.add(
              new Target(
                  new Endpoint.Workload(asg.id()),
                  asg.logicalId(),
                  PortRange.of(groupPort.get()),
                  "the group's Port",
                  registered.get().targetGroupArnsOrigin()));
        }
      }
    }
    for (Resource service : model.resourcesOfType(ResourceTypes.ECS_SERVICE)) {
      EcsService ecs = model.ecsService(service.id()).orElse(null);
      if (ecs == null) {
        continue;
      }
      for (EcsService.LoadBalancer m : ecs.loadBalancers()) {
        if (group.id().equals(m.targetGroup())) {
          Optional<PortRange> port = servicePort(ecs, m, groupPort);
          port.ifPresent(
              p ->
                  found.add(
                      new Target(
                          new Endpoint.Workload(service.id()),
                          service.logicalId(),
                          p,
                          "container "
                              + (m.containerName() == null ? "?" : m.containerName().render())
                              + "'s port",
                          m.origin())));
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
      EcsService service, EcsService.LoadBalancer lb, Optional<Integer> groupPort) {
    Optional<Integer> containerPort = Ports.literal(lb.containerPort()).or(() -> groupPort);
    Optional<TaskDefinition> task =
        Optional.ofNullable(service.taskDefinition()).flatMap(model::taskDefinition);
    String mode = task.map(TaskDefinition::networkMode).orElse("bridge").toLowerCase(Locale.ROOT);
    if (!mode.equals("bridge") || task.isEmpty()) {
      return containerPort.map(PortRange::of);
    }
    String name = lb.containerName() == null ? "" : lb.containerName().render();
    for (TaskDefinition.Container container : task.get().containers()) {
      if (container.name() != null
          && container.name().render().equals(name)
          && container.portMappings() != null) {
        for (TaskDefinition.PortMapping mapping : container.portMappings()) {
          if (Ports.literal(mapping.containerPort()).equals(containerPort)) {
            Optional<Integer> host = Ports.literal(mapping.hostPort());
            return Optional.of(host.map(PortRange::of).orElse(new PortRange(32768, 65535)));
          }
        }
      }
    }
    return Optional.of(new PortRange(32768, 65535));
  }

  private void classic(ClassicLoadBalancer balancer) {
    Resource clb = balancer.resource();
    List<Resource> targets = new ArrayList<>();
    for (Value v : balancer.instances()) {
      model.referencedResource(v).flatMap(model::resource).ifPresent(targets::add);
    }
    for (Resource asg : model.resourcesOfType(ResourceTypes.AUTO_SCALING_GROUP)) {
      if (model
          .autoScalingGroup(asg.id())
          .filter(g -> g.loadBalancerNames().contains(clb.id()))
          .isPresent()) {
        targets.add(asg);
      }
    }
    Set<Integer> trafficPorts = new LinkedHashSet<>();
    for (Value port : balancer.instancePorts()) {
      Ports.literal(port).ifPresent(trafficPorts::add);
    }
    Optional<Integer> healthPort = Optional.empty();
    Value target = balancer.healthCheckTarget();
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
      // A health port comes from the health check target, so target is there when it is.
      if (target != null && healthPort.isPresent() && !trafficPorts.contains(healthPort.get())) {
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
