package dev.netlint.rules.routing;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * NL202: a NAT or proxy instance (the target of an {@code AWS::EC2::Route}, by {@code InstanceId}
 * or through the {@code NetworkInterfaceId} of an interface attached to it) whose own subnet's
 * route table sends {@code 0.0.0.0/0} back to the instance itself. It sits in its clients' subnet,
 * or shares their route table: the traffic it forwards leaves its interface, meets the same default
 * route and comes straight back, so nothing reaches the internet. An instance with an interface in
 * another subnet, whose route table does not point back at it, can forward through that interface
 * and is left alone; so is an instance with an interface in a subnet netlint cannot identify.
 */
@RuleInfo(
    id = "NL202",
    name = "proxy-in-client-subnet",
    summary =
        "A NAT or proxy instance sits in a subnet whose route table sends 0.0.0.0/0 back to it",
    severity = Severity.ERROR,
    resourceTypes = {"AWS::EC2::Instance"},
    source = "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html")
public final class ProxyInClientSubnet implements Rule {

  /** A subnet of the instance and the route of its route table that points back at it. */
  private record Loop(ResourceId subnet, Route route) {}

  @Override
  public void check(RuleContext context) {
    NetworkModel model = context.model();
    Map<ResourceId, Resource> instances = new LinkedHashMap<>();
    Map<ResourceId, List<Route>> routesTo = new LinkedHashMap<>();
    for (Route r : model.routes()) {
      Optional<Resource> instance = RouteTargets.instanceTarget(model, r.target());
      if (instance.isPresent()) {
        instances.put(instance.get().id(), instance.get());
        routesTo.computeIfAbsent(instance.get().id(), k -> new ArrayList<>()).add(r);
      }
    }
    for (Resource instance : instances.values()) {
      Optional<List<Loop>> loops = loops(model, instance);
      if (loops.isPresent()) {
        List<Route> routes =
            Objects.requireNonNull(
                routesTo.get(instance.id()), "instances and routesTo are filled together");
        report(context, instance, loops.get(), routes);
      }
    }
  }

  /**
   * The default route back to the instance in the route table of each of its subnets; empty when
   * its subnets are not all known or one of them does not route back to it.
   */
  private static Optional<List<Loop>> loops(NetworkModel model, Resource instance) {
    Optional<List<ResourceId>> subnets = RouteTargets.subnetsOfInstance(model, instance);
    if (subnets.isEmpty()) {
      return Optional.empty();
    }
    List<Loop> loops = new ArrayList<>();
    for (ResourceId subnet : subnets.get()) {
      Optional<Route> back =
          RouteTargets.defaultRoutes(model, subnet).stream()
              .filter(r -> RouteTargets.targets(model, r, instance.id()))
              .findFirst();
      if (back.isEmpty()) {
        return Optional.empty();
      }
      loops.add(new Loop(subnet, back.get()));
    }
    return Optional.of(loops);
  }

  /** True when every subnet of the instance routes 0.0.0.0/0 back to it (NL202's condition). */
  static boolean routesBackToItself(NetworkModel model, Resource instance) {
    return loops(model, instance).isPresent();
  }

  private static void report(
      RuleContext context, Resource instance, List<Loop> loops, List<Route> routesToIt) {
    NetworkModel model = context.model();
    Loop first = loops.get(0);
    ResourceId table = first.route().routeTable();
    List<String> clients = new ArrayList<>();
    for (Route r : routesToIt) {
      if (r.routeTable() == null) {
        continue;
      }
      for (ResourceId s : model.subnetsOf(r.routeTable())) {
        if (!clients.contains(s.logicalId())) {
          clients.add(s.logicalId());
        }
      }
    }
    String tableName = table == null ? "?" : table.logicalId();
    String message =
        String.format(
            "NAT or proxy instance %s sits in subnet %s, whose route table %s sends 0.0.0.0/0 back"
                + " to it (route %s to %s): the traffic it forwards to the internet returns to it"
                + " and never reaches an internet gateway%s",
            instance.logicalId(),
            first.subnet().logicalId(),
            tableName,
            first.route().resource().logicalId(),
            RouteTargets.describe(model, first.route().target()),
            clients.isEmpty() ? "" : "; subnets routed to it: " + String.join(", ", clients));
    Map<String, String> props = new TreeMap<>();
    props.put("subnet", first.subnet().logicalId());
    props.put("routeTable", tableName);
    props.put("route", first.route().resource().logicalId());
    if (!clients.isEmpty()) {
      props.put("clientSubnets", String.join(",", clients));
    }
    context.report(
        context.rule().defaultSeverity(),
        instance,
        instance.origin(),
        message,
        "Move "
            + instance.logicalId()
            + " to a public subnet whose route table sends 0.0.0.0/0 to an internet gateway.",
        props);
  }
}
