package dev.netlint.flows;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.flows.ProxyConfigs.ProxyConfig;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.ResourceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers the flows that must work from what the templates themselves say, without the user writing
 * them down:
 *
 * <ul>
 *   <li>{@link Flow.Kind#ADDRESS_REFERENCE}: a workload handed another resource's address ({@code
 *       Fn::GetAtt Db.Endpoint.Address}, {@code Instance.PrivateIp}, {@code Alb.DNSName}, a secret
 *       attached to a database) in environment variables, container definitions or user data
 *       reaches it on the port handed beside it, else on the ports it listens on;
 *   <li>{@link Flow.Kind#LOAD_BALANCER_TARGET} and {@link Flow.Kind#HEALTH_CHECK}: a load balancer
 *       reaches its targets on the traffic port and the health-check port;
 *   <li>{@link Flow.Kind#PROXY_UPSTREAM} and {@link Flow.Kind#PROXY_CLIENT}: an HAProxy, nginx or
 *       socat proxy in user data reaches its upstreams, and its clients reach its listening ports;
 *   <li>{@link Flow.Kind#NAT_INSTANCE}: the workloads of subnets routed to a NAT instance reach it,
 *       and it reaches the internet (tcp/443);
 *   <li>{@link Flow.Kind#SYSTEMS_MANAGER}: private instances with a Systems Manager role reach
 *       {@code ssm}, {@code ssmmessages} and {@code ec2messages} on tcp/443.
 * </ul>
 *
 * <p>Every inferred flow expects {@link dev.netlint.api.reach.Verdict#REACHABLE}. A flow that
 * several template elements imply is listed once; flows are sorted by source, destination,
 * protocol, ports and kind, so the result does not depend on map or template order beyond the
 * evidence kept for a duplicate.
 */
public final class FlowInference {
  private FlowInference() {}

  /** The order flows are listed in: source, destination, protocol, ports, kind, evidence. */
  public static final Comparator<Flow> ORDER =
      Comparator.comparing((Flow f) -> sortKey(f.source()))
          .thenComparing(f -> sortKey(f.destination()))
          .thenComparing(Flow::protocol)
          .thenComparingInt(f -> f.ports().from())
          .thenComparingInt(f -> f.ports().to())
          .thenComparing(Flow::kind)
          .thenComparing(Flow::evidence)
          .thenComparing(f -> f.origin().location());

  /**
   * Of flows with the same ends, protocol and ports, the one kept: the most specific reason, so
   * that a proxy's upstream named in its user data is a proxy flow, not a bare address reference.
   */
  private static final List<Flow.Kind> PRECEDENCE =
      List.of(
          Flow.Kind.PROXY_UPSTREAM,
          Flow.Kind.PROXY_CLIENT,
          Flow.Kind.LOAD_BALANCER_TARGET,
          Flow.Kind.HEALTH_CHECK,
          Flow.Kind.NAT_INSTANCE,
          Flow.Kind.SYSTEMS_MANAGER,
          Flow.Kind.ADDRESS_REFERENCE,
          Flow.Kind.DECLARED);

  /**
   * The flows {@code model} implies, sorted by {@link #ORDER}, each listed once: of flows with the
   * same ends, protocol and ports, the one with the most specific kind is kept (a proxy upstream
   * over an address reference).
   */
  public static List<Flow> infer(NetworkModel model) {
    Workloads workloads = new Workloads(model);
    Map<ResourceId, List<ProxyConfig>> proxies = ProxyConfigs.read(model);
    Targets targets = new Targets(workloads, proxies);
    List<Flow> flows = new ArrayList<>();
    new AddressFlows(workloads, targets, flows).infer();
    new LoadBalancerFlows(workloads, flows).infer();
    new ProxyFlows(workloads, targets, proxies, flows).infer();
    new NatInstanceFlows(workloads, flows).infer();
    new SystemsManagerFlows(workloads, flows).infer();
    flows.sort(
        Comparator.comparingInt((Flow f) -> PRECEDENCE.indexOf(f.kind())).thenComparing(ORDER));
    Map<List<Object>, Flow> unique = new LinkedHashMap<>();
    for (Flow f : flows) {
      unique.putIfAbsent(List.of(f.source(), f.destination(), f.protocol(), f.ports()), f);
    }
    List<Flow> result = new ArrayList<>(unique.values());
    result.sort(ORDER);
    return List.copyOf(result);
  }

  /** A stable sort key: workloads by stack and logical ID, then the internet, CIDRs, services. */
  public static String sortKey(Endpoint endpoint) {
    if (endpoint instanceof Endpoint.Workload w) {
      return "0 " + w.resource().stack() + "\u0000" + w.resource().logicalId();
    }
    if (endpoint instanceof Endpoint.Internet) {
      return "1";
    }
    if (endpoint instanceof Endpoint.Cidr c) {
      return "2 " + c.cidr();
    }
    return "3 " + ((Endpoint.AwsService) endpoint).name();
  }
}
