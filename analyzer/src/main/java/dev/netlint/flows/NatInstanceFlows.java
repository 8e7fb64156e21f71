package dev.netlint.flows;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Route;
import dev.netlint.model.RouteTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subnets whose {@code 0.0.0.0/0} route goes to a NAT instance ({@code InstanceId}, or the {@code
 * NetworkInterfaceId} of an instance's interface) must reach that instance, and the instance must
 * reach the internet. netlint checks both on tcp/443, the port nearly every workload needs out
 * (package repositories, AWS APIs): the workloads placed in those subnets to the instance, and the
 * instance to {@link Endpoint.Internet}.
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html">NAT
 * instances</a>.
 */
final class NatInstanceFlows {
  static final PortRange PORT = PortRange.of(443);

  private final Workloads workloads;
  private final NetworkModel model;
  private final List<Flow> out;

  NatInstanceFlows(Workloads workloads, List<Flow> out) {
    this.workloads = workloads;
    this.model = workloads.model();
    this.out = out;
  }

  void infer() {
    Map<ResourceId, List<String>> subnetsByNat = new LinkedHashMap<>();
    Map<ResourceId, Route> firstRoute = new LinkedHashMap<>();
    for (Resource table : model.resourcesOfType(ResourceTypes.ROUTE_TABLE)) {
      for (Route route : model.routes(table.id())) {
        RouteTarget target = route.target();
        if (!route.isIpv4Default()
            || target.resource() == null
            || (target.kind() != RouteTarget.Kind.INSTANCE
                && target.kind() != RouteTarget.Kind.NETWORK_INTERFACE)) {
          continue;
        }
        Optional<Resource> nat = natInstance(target);
        if (nat.isEmpty()) {
          continue;
        }
        firstRoute.putIfAbsent(nat.get().id(), route);
        List<String> subnets = subnetsByNat.computeIfAbsent(nat.get().id(), n -> new ArrayList<>());
        for (ResourceId subnet : model.subnetsOf(table.id())) {
          subnets.add(subnet.logicalId());
          for (Resource w : model.workloadsIn(subnet)) {
            if (w.id().equals(nat.get().id())
                || w.type().equals(ResourceTypes.NAT_GATEWAY)
                || w.type().equals(ResourceTypes.NETWORK_INTERFACE)) {
              continue;
            }
            out.add(
                new Flow(
                    new Endpoint.Workload(w.id()),
                    new Endpoint.Workload(nat.get().id()),
                    Protocol.TCP,
                    PORT,
                    Flow.Kind.NAT_INSTANCE,
                    Verdict.REACHABLE,
                    "subnet "
                        + subnet.logicalId()
                        + " of "
                        + w.logicalId()
                        + " sends 0.0.0.0/0 to NAT"
                        + " instance "
                        + nat.get().logicalId()
                        + " (route "
                        + route.resource().logicalId()
                        + " in "
                        + table.logicalId()
                        + "), so "
                        + w.logicalId()
                        + "'s internet traffic (tcp/443) goes through it",
                    target.value() == null ? route.resource().origin() : target.value().origin()));
          }
        }
      }
    }
    for (Map.Entry<ResourceId, List<String>> e : subnetsByNat.entrySet()) {
      Resource nat = model.resource(e.getKey()).orElseThrow();
      Route route = firstRoute.get(e.getKey());
      // A NAT instance in a subnet routed to itself loops its own traffic back (NL202 reports
      // that); the flow out would only repeat the same bug as a security-group gap.
      boolean inItsClientsSubnet =
          model.subnetsOfWorkload(nat).stream().anyMatch(s -> e.getValue().contains(s.logicalId()));
      if (inItsClientsSubnet) {
        continue;
      }
      out.add(
          new Flow(
              new Endpoint.Workload(nat.id()),
              new Endpoint.Internet(),
              Protocol.TCP,
              PORT,
              Flow.Kind.NAT_INSTANCE,
              Verdict.REACHABLE,
              "NAT instance "
                  + nat.logicalId()
                  + " forwards the internet traffic (tcp/443) of"
                  + (e.getValue().isEmpty()
                      ? " route table " + route.routeTable().logicalId()
                      : " subnet"
                          + (e.getValue().size() > 1 ? "s " : " ")
                          + String.join(", ", e.getValue()))
                  + " (route "
                  + route.resource().logicalId()
                  + ")",
              route.resource().origin()));
    }
  }

  private Optional<Resource> natInstance(RouteTarget target) {
    Optional<Resource> r = model.resource(target.resource());
    if (r.isPresent() && r.get().type().equals(ResourceTypes.NETWORK_INTERFACE)) {
      return workloads.instanceOfInterface(r.get().id()).or(() -> r);
    }
    return r.filter(x -> x.type().equals(ResourceTypes.INSTANCE));
  }
}
