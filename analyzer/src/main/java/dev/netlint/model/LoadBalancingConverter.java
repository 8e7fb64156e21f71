package dev.netlint.model;

import static dev.netlint.model.ModelIndex.get;
import static dev.netlint.model.ModelIndex.integer;
import static dev.netlint.model.ModelIndex.items;
import static dev.netlint.model.ModelIndex.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads Elastic Load Balancing v2 listeners, listener rules and target groups into {@link
 * Listener}s and {@link TargetGroup}s with their registered targets (by {@code Targets}, an Auto
 * Scaling group's {@code TargetGroupARNs} or an ECS service's {@code LoadBalancers}), and gives
 * each load balancer workload its listener ports.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html">Target
 * groups for your Application Load Balancers</a>.
 */
final class LoadBalancingConverter {
  private final ModelIndex index;
  private final NetworkModel model;

  LoadBalancingConverter(ModelIndex index) {
    this.index = index;
    this.model = index.model;
  }

  void convert() {
    convertClassic();
    Map<ResourceId, List<TargetGroup.Target>> targets = new LinkedHashMap<>();
    for (Resource r : model.resourcesOfType(ResourceTypes.AUTO_SCALING_GROUP)) {
      for (Value arn : items(r.property("TargetGroupARNs"))) {
        ResourceId tg = index.referenced(arn, ResourceTypes.TARGET_GROUP);
        if (tg != null) {
          targets
              .computeIfAbsent(tg, k -> new ArrayList<>())
              .add(new TargetGroup.Target(arn, r.id(), null, arn.origin()));
        }
      }
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.ECS_SERVICE)) {
      for (Value lb : items(r.property("LoadBalancers"))) {
        Value arn = get(lb, "TargetGroupArn");
        ResourceId tg = index.referenced(arn, ResourceTypes.TARGET_GROUP);
        if (tg != null) {
          targets
              .computeIfAbsent(tg, k -> new ArrayList<>())
              .add(
                  new TargetGroup.Target(
                      lb, r.id(), integer(get(lb, "ContainerPort")), lb.origin()));
        }
      }
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.TARGET_GROUP)) {
      Integer port = integer(r.property("Port"));
      String type = Optional.ofNullable(text(r.property("TargetType"))).orElse("instance");
      List<TargetGroup.Target> list = new ArrayList<>();
      for (Value t : items(r.property("Targets"))) {
        Value id = get(t, "Id");
        if (id == null) {
          continue;
        }
        ResourceId w =
            model.referencedResource(id).filter(index.workloads::containsKey).orElse(null);
        Integer p = integer(get(t, "Port"));
        list.add(new TargetGroup.Target(id, w, p != null ? p : port, t.origin()));
      }
      for (TargetGroup.Target t : targets.getOrDefault(r.id(), List.of())) {
        list.add(
            new TargetGroup.Target(
                t.value(), t.workload(), t.port() != null ? t.port() : port, t.origin()));
      }
      Value hc = r.property("HealthCheckPort");
      String hcText = text(hc);
      boolean onTraffic = hc == null || (hcText != null && hcText.trim().equals("traffic-port"));
      index.targetGroups.put(
          r.id(),
          new TargetGroup(
              r,
              index.vpcId(r.property("VpcId")),
              port,
              text(r.property("Protocol")),
              type,
              onTraffic ? null : integer(hc),
              onTraffic,
              text(r.property("HealthCheckProtocol")),
              list,
              r.property("Port"),
              hc,
              !NetworkModel.isFalse(r.property("HealthCheckEnabled")),
              registrations(r.property("Targets"))));
    }
    Map<ResourceId, List<ResourceId>> ruleGroups = new LinkedHashMap<>();
    for (Resource r : model.resourcesOfType(ResourceTypes.LISTENER_RULE)) {
      ResourceId listener = index.referenced(r.property("ListenerArn"), ResourceTypes.LISTENER);
      List<ResourceId> groups = forwardTargets(r.property("Actions"));
      index.listenerRules.add(new ListenerRule(r, listener, groups));
      if (listener != null) {
        ruleGroups.computeIfAbsent(listener, k -> new ArrayList<>()).addAll(groups);
      }
    }
    Map<ResourceId, List<Integer>> lbPorts = new LinkedHashMap<>();
    for (Resource r : model.resourcesOfType(ResourceTypes.LISTENER)) {
      ResourceId lb = index.referenced(r.property("LoadBalancerArn"), ResourceTypes.LOAD_BALANCER);
      Integer port = integer(r.property("Port"));
      List<ResourceId> defaults = forwardTargets(r.property("DefaultActions"));
      Set<ResourceId> groups = new LinkedHashSet<>(defaults);
      groups.addAll(ruleGroups.getOrDefault(r.id(), List.of()));
      index.listeners.put(
          r.id(),
          new Listener(
              r, lb, port, text(r.property("Protocol")), new ArrayList<>(groups), defaults));
      if (lb != null && port != null) {
        lbPorts.computeIfAbsent(lb, k -> new ArrayList<>()).add(port);
      }
    }
    lbPorts.forEach(
        (lb, ports) -> {
          Workload w = index.workloads.get(lb);
          if (w != null) {
            index.put(w.resource(), w.kind(), w.interfaces(), ports, w.sourceDestCheck());
          }
        });
  }

  private List<ResourceId> forwardTargets(@Nullable Value actions) {
    List<ResourceId> out = new ArrayList<>();
    for (Value action : items(actions)) {
      ResourceId tg = index.referenced(get(action, "TargetGroupArn"), ResourceTypes.TARGET_GROUP);
      if (tg != null) {
        out.add(tg);
      }
      for (Value weighted : items(get(get(action, "ForwardConfig"), "TargetGroups"))) {
        ResourceId w =
            index.referenced(get(weighted, "TargetGroupArn"), ResourceTypes.TARGET_GROUP);
        if (w != null) {
          out.add(w);
        }
      }
    }
    return out;
  }

  private static List<TargetGroup.Registration> registrations(@Nullable Value targets) {
    List<TargetGroup.Registration> found = new ArrayList<>();
    if (targets instanceof Value.ListValue list) {
      for (Value v : list.items()) {
        if (v instanceof Value.MapValue t) {
          found.add(new TargetGroup.Registration(t.get("Id"), t.get("Port")));
        }
      }
    }
    return found;
  }

  private void convertClassic() {
    for (Resource r : model.resourcesOfType(ResourceTypes.CLASSIC_LOAD_BALANCER)) {
      List<Value> instances =
          r.property("Instances") instanceof Value.ListValue l ? l.items() : List.of();
      List<@Nullable Value> lbPorts = new ArrayList<>();
      List<@Nullable Value> instancePorts = new ArrayList<>();
      if (r.property("Listeners") instanceof Value.ListValue listeners) {
        for (Value l : listeners.items()) {
          if (l instanceof Value.MapValue m) {
            lbPorts.add(m.get("LoadBalancerPort"));
            instancePorts.add(m.get("InstancePort"));
          }
        }
      }
      index.classicLoadBalancers.put(
          r.id(),
          new ClassicLoadBalancer(
              r, instances, lbPorts, instancePorts, get(r.property("HealthCheck"), "Target")));
    }
  }
}
