package dev.netlint.rules.reach;

import dev.netlint.api.RuleContext;
import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** What the flow rules share: evaluating flows, naming things, and where to report. */
final class FlowChecks {
  private FlowChecks() {}

  /** A flow that failed, with the answer and the hop that blocks it. */
  record Blocked(Flow flow, ReachResult result, Hop hop) {}

  /** Where a finding goes: the resource it is about and the template element to change. */
  record At(Resource resource, Origin origin) {}

  /**
   * The flows accepted by {@code which} that are expected reachable and blocked, with the first
   * blocking hop; flows answered unknown, or blocked without a blocking hop, are left out.
   */
  static List<Blocked> blocked(RuleContext context, Predicate<Flow> which) {
    List<Blocked> found = new ArrayList<>();
    for (Flow flow : context.flows()) {
      if (!which.test(flow) || flow.expected() != Verdict.REACHABLE) {
        continue;
      }
      ReachResult r = reach(context, flow);
      if (r.verdict() != Verdict.BLOCKED) {
        continue;
      }
      r.blockingHop().ifPresent(hop -> found.add(new Blocked(flow, r, hop)));
    }
    return found;
  }

  static ReachResult reach(RuleContext context, Flow flow) {
    return context
        .reachability()
        .reach(flow.source(), flow.destination(), flow.protocol(), flow.ports());
  }

  /** True for flows netlint infers and NL301-NL303 check (not health checks, SSM, declared). */
  static boolean inferredTraffic(Flow flow) {
    return flow.kind() != Flow.Kind.HEALTH_CHECK
        && flow.kind() != Flow.Kind.SYSTEMS_MANAGER
        && flow.kind() != Flow.Kind.DECLARED;
  }

  /** An endpoint as messages name it: a logical ID, {@code internet}, a CIDR, a service. */
  static String name(Endpoint endpoint) {
    if (endpoint instanceof Endpoint.Workload w) {
      return w.resource().logicalId();
    }
    return endpoint.toString();
  }

  /** {@code tcp/5432}, {@code udp/53}, {@code icmp}, {@code all traffic}. */
  static String traffic(Protocol protocol, PortRange ports) {
    if (protocol == Protocol.ICMP) {
      return "icmp";
    }
    if (protocol == Protocol.ALL) {
      return ports.equals(PortRange.ALL) ? "all traffic" : "all protocols on ports " + ports;
    }
    return protocol.label() + "/" + ports;
  }

  static String traffic(Flow flow) {
    return traffic(flow.protocol(), flow.ports());
  }

  /** {@code Fn -> Db tcp/5432}. */
  static String label(Flow flow) {
    return name(flow.source()) + " -> " + name(flow.destination()) + " " + traffic(flow);
  }

  /** What a hop evaluated, in words: {@code the ingress of security group DbSg}. */
  static String hop(Hop hop) {
    String element = hop.element() == null ? "" : " " + hop.element().logicalId();
    return switch (hop.kind()) {
      case SECURITY_GROUP_EGRESS -> "the egress of security group" + element;
      case SECURITY_GROUP_INGRESS -> "the ingress of security group" + element;
      case NETWORK_ACL_OUTBOUND -> "the outbound entries of network ACL" + element;
      case NETWORK_ACL_INBOUND -> "the inbound entries of network ACL" + element;
      case NETWORK_ACL_RETURN -> "network ACL" + element + " on the return path (ephemeral ports)";
      case ROUTE -> "route table" + element;
      case NAT -> "NAT" + element;
      case GATEWAY -> "gateway" + element;
      case OPAQUE -> "opaque hop" + element;
    };
  }

  /** The model resource of a workload endpoint. */
  static Optional<Resource> resource(NetworkModel model, Endpoint endpoint) {
    return endpoint instanceof Endpoint.Workload w
        ? model.resource(w.resource())
        : Optional.empty();
  }

  /**
   * Where to report a blocking hop: the element to change at its logical ID (a network ACL entry is
   * reported on its network ACL; the entry or rule that decided is in the finding's {@code
   * decidedAt} property); when the hop names no element of the model, the first of {@code
   * fallbacks} that is a resource of the model, at the flow's origin when that lies in the
   * resource's stack, else at the resource.
   */
  static Optional<At> at(NetworkModel model, Hop hop, Flow flow, Endpoint... fallbacks) {
    if (hop.element() != null) {
      Optional<Resource> element = model.resource(hop.element());
      if (element.isPresent() && element.get().type().equals("AWS::EC2::NetworkAclEntry")) {
        Optional<Resource> acl =
            model.networkAclOfEntry(element.get().id()).flatMap(model::resource);
        if (acl.isPresent()) {
          element = acl;
        }
      }
      if (element.isPresent()) {
        return Optional.of(new At(element.get(), element.get().origin()));
      }
    }
    return atFlow(model, flow, fallbacks);
  }

  /**
   * A key that is the same for two blocked flows that one change fixes: the element to change, the
   * hop and the traffic (two targets of one target group behind one security group).
   */
  static String sameFix(At at, Hop hop, Flow flow) {
    return at.resource().id() + " " + hop.kind() + " " + traffic(flow);
  }

  /** Where to report a flow when no hop says: the resource its origin lies in, or a fallback. */
  static Optional<At> atFlow(NetworkModel model, Flow flow, Endpoint... fallbacks) {
    Optional<Resource> owner = resourceAt(model, flow.origin());
    if (owner.isPresent()) {
      return Optional.of(new At(owner.get(), flow.origin()));
    }
    for (Endpoint e : fallbacks) {
      Optional<Resource> r = resource(model, e);
      if (r.isPresent()) {
        return Optional.of(new At(r.get(), r.get().origin()));
      }
    }
    return Optional.empty();
  }

  /** The resource whose definition holds {@code origin} (same file, {@code Resources/<id>/...}). */
  static Optional<Resource> resourceAt(NetworkModel model, Origin origin) {
    List<String> path = origin.templatePath();
    if (path.size() < 2 || !path.get(0).equals("Resources")) {
      return Optional.empty();
    }
    for (Stack stack : model.stacks()) {
      if (stack.file().equals(origin.location().file())) {
        Optional<Resource> r = model.resource(new ResourceId(stack.name(), path.get(1)));
        if (r.isPresent()) {
          return r;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The security groups a workload is placed in, by logical ID, as the model places it. For the fix
   * hint only: which traffic the groups allow is the reachability API's business.
   */
  static List<String> securityGroups(NetworkModel model, Endpoint endpoint) {
    Optional<Resource> r = resource(model, endpoint);
    if (r.isEmpty()) {
      return List.of();
    }
    return model.securityGroupsOf(r.get().id()).stream().map(ResourceId::logicalId).toList();
  }

  /** {@code security group AppSg}, {@code 0.0.0.0/0}, or the endpoint's name: a peer for a fix. */
  static String peer(NetworkModel model, Endpoint endpoint) {
    if (endpoint instanceof Endpoint.Internet) {
      return "0.0.0.0/0";
    }
    if (endpoint instanceof Endpoint.Cidr c) {
      return c.cidr();
    }
    List<String> groups = securityGroups(model, endpoint);
    return groups.isEmpty() ? name(endpoint) : "security group " + groups.get(0);
  }

  /** The fix for a blocking hop of a flow that must work, in one imperative sentence. */
  static String fix(NetworkModel model, Flow flow, Hop hop) {
    String traffic = traffic(flow);
    String element = hop.element() == null ? "" : hop.element().logicalId();
    return switch (hop.kind()) {
      case SECURITY_GROUP_INGRESS ->
          "Allow "
              + traffic
              + " from "
              + peer(model, flow.source())
              + " in "
              + element
              + " ingress.";
      case SECURITY_GROUP_EGRESS ->
          "Allow "
              + traffic
              + " to "
              + peer(model, flow.destination())
              + " in "
              + element
              + " egress.";
      case NETWORK_ACL_OUTBOUND ->
          "Add an outbound entry to network ACL "
              + element
              + " that allows "
              + traffic
              + " to "
              + peer(model, flow.destination())
              + ".";
      case NETWORK_ACL_INBOUND ->
          "Add an inbound entry to network ACL "
              + element
              + " that allows "
              + traffic
              + " from "
              + peer(model, flow.source())
              + ".";
      case NETWORK_ACL_RETURN ->
          "Add entries to network ACL "
              + element
              + " that allow the return traffic of "
              + traffic
              + " on the ephemeral ports "
              + flow.protocol().label()
              + "/"
              + PortRange.EPHEMERAL
              + ".";
      case ROUTE -> "Add a route in " + element + " towards " + name(flow.destination()) + ".";
      default ->
          "Make "
              + name(flow.destination())
              + " reachable from "
              + name(flow.source())
              + " on "
              + traffic
              + " at "
              + hop(hop)
              + ".";
    };
  }

  /** The facts a finding carries about its flow. */
  static Map<String, String> properties(Flow flow, Hop hop) {
    Map<String, String> p = new TreeMap<>();
    p.put("flow", label(flow));
    p.put("flowKind", flow.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    p.put("hop", hop.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (hop.origin() != null) {
      p.put("decidedAt", hop.origin().location().toString());
    }
    if (hop.element() != null) {
      p.put("blockedBy", hop.element().logicalId());
    }
    return p;
  }
}
