package dev.netlint.flows;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.Verdict;
import dev.netlint.flows.ProxyConfigs.ProxyConfig;
import dev.netlint.flows.ProxyConfigs.Upstream;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A proxy configured in user data must reach its upstreams: each {@code server} of an HAProxy
 * configuration, each {@code upstream} server and {@code proxy_pass} target of an nginx
 * configuration, the {@code TCP:host:port} of a {@code socat} relay. The upstream is a resource
 * when its host is a deploy-time address ({@code ${Db.Endpoint.Address}}), a {@code /32} when it is
 * a literal IPv4 address; a literal host name implies no flow. The clients that point at the proxy
 * are inferred with the other address references, on the proxy's listening ports.
 */
final class ProxyFlows {
  private final Workloads workloads;
  private final Targets targets;
  private final Map<ResourceId, List<ProxyConfig>> proxies;
  private final List<Flow> out;

  ProxyFlows(
      Workloads workloads,
      Targets targets,
      Map<ResourceId, List<ProxyConfig>> proxies,
      List<Flow> out) {
    this.workloads = workloads;
    this.targets = targets;
    this.proxies = proxies;
    this.out = out;
  }

  void infer() {
    for (List<ProxyConfig> configs : proxies.values()) {
      for (ProxyConfig config : configs) {
        boolean udp =
            !config.listens().isEmpty()
                && config.listens().stream().allMatch(l -> l.protocol() == Protocol.UDP);
        Protocol protocol = udp ? Protocol.UDP : Protocol.TCP;
        for (Resource proxy : workloads.workloadsLaunchedBy(config.source())) {
          for (Upstream u : config.upstreams()) {
            Optional<Endpoint> destination = Optional.empty();
            String name = "";
            if (u.host() != null) {
              Optional<Targets.Address> address = targets.address(u.host());
              if (address.isPresent() && !address.get().target().id().equals(proxy.id())) {
                destination = Optional.of(new Endpoint.Workload(address.get().target().id()));
                name = address.get().via();
              }
            } else if (u.ipv4().isPresent()) {
              destination = Optional.of(new Endpoint.Cidr(u.ipv4().get() + "/32"));
              name = u.ipv4().get();
            }
            if (destination.isEmpty()) {
              continue;
            }
            String where =
                config.source().id().equals(proxy.id())
                    ? "its user data"
                    : "the user data of " + config.source().logicalId();
            out.add(
                new Flow(
                    new Endpoint.Workload(proxy.id()),
                    destination.get(),
                    protocol,
                    u.ports(),
                    Flow.Kind.PROXY_UPSTREAM,
                    Verdict.REACHABLE,
                    config.software()
                        + " on "
                        + proxy.logicalId()
                        + " forwards to "
                        + name
                        + " on "
                        + protocol.label()
                        + "/"
                        + u.ports()
                        + " ("
                        + u.how()
                        + ", "
                        + where
                        + ")",
                    u.origin()));
          }
        }
      }
    }
  }
}
