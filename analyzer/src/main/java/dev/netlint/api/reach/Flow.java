package dev.netlint.api.reach;

import dev.netlint.model.Origin;

/**
 * A flow that must work (or, when declared so, must not): inferred from what the template itself
 * says (an app handed a database's {@code Endpoint.Address}, a load balancer and its targets) or
 * declared by the user in {@code .netlint.yaml}.
 *
 * @param source where traffic starts
 * @param destination where it goes
 * @param protocol the protocol
 * @param ports the destination ports, inclusive
 * @param kind why netlint expects it
 * @param expected the verdict that must hold: reachable for inferred flows
 * @param evidence one sentence saying why ("OrdersFn gets OrdersDb.Endpoint.Address in DB_HOST")
 * @param origin the template (or {@code .netlint.yaml}) element that implies it
 */
public record Flow(
    Endpoint source,
    Endpoint destination,
    Protocol protocol,
    PortRange ports,
    Kind kind,
    Verdict expected,
    String evidence,
    Origin origin) {

  /** Why a flow is expected. */
  public enum Kind {
    /** A workload is handed another resource's address. */
    ADDRESS_REFERENCE,
    /** A load balancer listener forwards to its target group's targets. */
    LOAD_BALANCER_TARGET,
    /** A load balancer's health check reaches its targets. */
    HEALTH_CHECK,
    /** A proxy configured in user data reaches its upstream. */
    PROXY_UPSTREAM,
    /** Clients that point at a proxy reach its listening port. */
    PROXY_CLIENT,
    /** Subnets routed to a NAT instance reach it; it reaches the internet. */
    NAT_INSTANCE,
    /** A managed instance reaches Systems Manager. */
    SYSTEMS_MANAGER,
    /** Declared in {@code .netlint.yaml}. */
    DECLARED
  }
}
