package dev.netlint.graph;

import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.Verdict;
import dev.netlint.graph.Topology.ForwarderNode;
import dev.netlint.graph.Topology.GatewayNode;
import dev.netlint.graph.Topology.ParsedRoute;
import dev.netlint.model.NetworkAttachment;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.Subnet;
import dev.netlint.model.VpcEndpoint;
import dev.netlint.model.Workload;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What gateways and NAT do to traffic, each recording its step: an internet gateway (attached to
 * the sender's VPC, a public IPv4 address on the sender, a public destination; inbound, one
 * attached to the destination's VPC and a public address on it), a NAT gateway and a NAT instance
 * (an instance with SourceDestCheck disabled), both of which translate the source to their own
 * address, a gateway endpoint, a target netlint does not look through, and routing loops among
 * forwarders. The tracer decides where traffic goes next; this class what passing each one takes.
 *
 * <p>Follows <a href="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html">
 * internet gateways</a>, <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html">NAT gateways</a> and
 * <a href="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html">NAT
 * instances</a>.
 */
final class Gateways {
  /** Forwarders (NAT gateways and instances) one path may pass before netlint stops following. */
  static final int MAX_FORWARDS = 6;

  /** What passing a gateway leads to: go on, stop here, or split the box first. */
  sealed interface GatewayOutcome permits Onward, Split {}

  /** Whether the traffic goes on past a gateway. */
  enum Onward implements GatewayOutcome {
    /** The traffic passes (or may pass): the trace goes on. */
    CONTINUE,
    /** The trace ends here: the gateway blocks, or what lies beyond is not followed. */
    STOP
  }

  /**
   * A NAT gateway or forwarding instance and where it sits.
   *
   * @param id the resource
   * @param workload its workload
   * @param subnet the one subnet it sits in
   * @param at its placement there
   */
  record Placed(ResourceId id, Workload workload, ResourceId subnet, Site at) {

    /** How messages name a NAT gateway: {@code NAT gateway NatGw}. */
    String label() {
      return workload.kind() == Workload.Kind.NAT_GATEWAY
          ? "NAT gateway " + id.logicalId()
          : workload.resource().logicalId();
    }
  }

  private final NetworkModel model;
  private final Topology topology;

  Gateways(NetworkModel model, Topology topology) {
    this.model = model;
    this.topology = topology;
  }

  // ------------------------------------------------------------------ internet gateways

  /**
   * Traffic from {@code sender} out through the internet gateway of {@code route} to {@code dst}.
   * On {@link Onward#CONTINUE} it has reached the internet.
   */
  GatewayOutcome internetGatewayOut(
      TraceRecorder rec, Sender sender, ParsedRoute route, Site dst, Box box, String dstLabel) {
    ResourceId igw = route.target() instanceof GatewayNode g ? g.resource() : null;
    Origin origin = route.origin();
    if (igw == null) {
      rec.add(
          Hop.Kind.GATEWAY,
          route.element(),
          origin,
          Verdict.UNKNOWN,
          new GatewayStep.InternetGatewayOutsideTemplates(route, sender.vpc()));
    } else if (sender.vpc() != null && !topology.attached(igw, sender.vpc())) {
      rec.add(
          Hop.Kind.GATEWAY,
          igw,
          originOf(igw, origin),
          Verdict.BLOCKED,
          new GatewayStep.InternetGatewayDetached(igw, sender.vpc()));
      return Onward.STOP;
    } else {
      Verdict pub = hasPublicIp(sender);
      rec.add(
          Hop.Kind.GATEWAY,
          igw,
          originOf(igw, origin),
          pub,
          new GatewayStep.PublicIpOutbound(pub, sender.label(), igw, dstLabel));
      if (pub == Verdict.BLOCKED) {
        return Onward.STOP;
      }
    }
    if (dst.kind() != Site.Kind.OUTSIDE) {
      rec.endUnknown();
      rec.add(
          Hop.Kind.GATEWAY,
          igw,
          origin,
          Verdict.UNKNOWN,
          new GatewayStep.InternetNeedsPublicAddress(dstLabel));
      return Onward.STOP;
    }
    AddressSet d = box.dst();
    if (!d.within(AddressSet.PUBLIC)) {
      if (d.disjoint(AddressSet.PUBLIC)) {
        rec.add(
            Hop.Kind.GATEWAY, igw, origin, Verdict.BLOCKED, new GatewayStep.PrivateRange(dstLabel));
        return Onward.STOP;
      }
      if (box.dstAll()) {
        return Split.addresses(Split.Dim.DST, AddressSet.PUBLIC);
      }
      rec.add(
          Hop.Kind.GATEWAY,
          igw,
          origin,
          Verdict.UNKNOWN,
          new GatewayStep.PublicAddressUnknown(dstLabel));
    }
    return Onward.CONTINUE;
  }

  /**
   * Traffic from the internet in through an internet gateway of {@code vpc} to {@code receiver}.
   */
  Onward internetGatewayIn(TraceRecorder rec, ResourceId vpc, Sender receiver, String dstLabel) {
    List<ResourceId> igws = topology.internetGatewaysOf(vpc);
    if (igws.isEmpty()) {
      rec.add(
          Hop.Kind.GATEWAY,
          vpc,
          originOf(vpc, null),
          Verdict.BLOCKED,
          new GatewayStep.NoInternetGateway(vpc));
      return Onward.STOP;
    }
    ResourceId igw = igws.get(0);
    Verdict pub = hasPublicIp(receiver);
    rec.add(
        Hop.Kind.GATEWAY,
        igw,
        originOf(igw, null),
        pub,
        new GatewayStep.PublicIpInbound(pub, igw, dstLabel));
    return pub == Verdict.BLOCKED ? Onward.STOP : Onward.CONTINUE;
  }

  /** Whether {@code end} has a public IPv4 address: reachable for yes, blocked for no. */
  private Verdict hasPublicIp(Sender end) {
    return switch (end.publicIp()) {
      case YES -> Verdict.REACHABLE;
      case NO -> Verdict.BLOCKED;
      case UNKNOWN -> Verdict.UNKNOWN;
      case SUBNET_DEFAULT -> {
        Subnet s = end.subnet() == null ? null : model.subnet(end.subnet()).orElse(null);
        if (s == null) {
          yield Verdict.UNKNOWN;
        }
        if (s.mapPublicIpOnLaunch()) {
          yield Verdict.REACHABLE;
        }
        yield Boolean.FALSE.equals(s.publicIpOnLaunch()) ? Verdict.BLOCKED : Verdict.UNKNOWN;
      }
    };
  }

  // ------------------------------------------------------------------ endpoints, opaque targets

  /** A gateway endpoint carries the traffic to its service. */
  void gatewayEndpoint(TraceRecorder rec, VpcEndpoint e, @Nullable String service) {
    rec.add(
        Hop.Kind.GATEWAY,
        e.id(),
        e.resource().origin(),
        Verdict.REACHABLE,
        new GatewayStep.EndpointCarries(e, service));
  }

  /** The traffic leaves through a target netlint does not look beyond. */
  void opaque(TraceRecorder rec, ParsedRoute route) {
    GatewayNode g = route.target() instanceof GatewayNode n ? n : null;
    rec.add(
        Hop.Kind.OPAQUE,
        g == null ? null : g.resource(),
        route.origin(),
        Verdict.UNKNOWN,
        new GatewayStep.LeavesThroughOpaque(route));
  }

  // ------------------------------------------------------------------ NAT and forwarders

  /**
   * True, with the loop recorded, when {@code route} sends the traffic back to a NAT gateway or
   * forwarder in {@code passed}; otherwise adds the target to {@code passed}.
   */
  boolean loops(TraceRecorder rec, Set<Topology.Node> passed, ParsedRoute route) {
    if (passed.add(route.target())) {
      return false;
    }
    rec.add(
        Hop.Kind.ROUTE,
        route.element(),
        route.origin(),
        Verdict.BLOCKED,
        new RoutingStep.Loop(route));
    return true;
  }

  /** Records that the path passes more than {@link #MAX_FORWARDS} forwarders. */
  void tooManyForwarders(TraceRecorder rec) {
    rec.add(
        Hop.Kind.ROUTE,
        null,
        null,
        Verdict.UNKNOWN,
        new RoutingStep.TooManyForwarders(MAX_FORWARDS));
    rec.endUnknown();
  }

  /** The NAT gateway {@code route} sends to; null, with that recorded, when not known. */
  @Nullable Placed natGateway(TraceRecorder rec, ParsedRoute route) {
    GatewayNode node = (GatewayNode) route.target();
    ResourceId nat = node.resource();
    Workload w = nat == null ? null : model.workload(nat).orElse(null);
    Placed placed = nat == null || w == null ? null : placement(nat, w);
    if (placed == null) {
      rec.add(
          Hop.Kind.NAT,
          nat,
          route.origin(),
          Verdict.UNKNOWN,
          new NatStep.NatGatewayUnplaced(node.label()));
      return null;
    }
    return placed;
  }

  /** The NAT gateway translates the source to its own address: the sender of the next leg. */
  Sender natGatewayTranslates(TraceRecorder rec, Placed nat) {
    rec.add(
        Hop.Kind.NAT,
        nat.id(),
        nat.workload().resource().origin(),
        Verdict.REACHABLE,
        new NatStep.NatGatewayTranslates(nat.id(), nat.subnet()));
    return Sender.translatedBy(nat.at(), null, nat.label());
  }

  /** The instance {@code route} sends to; null, with that recorded, when its subnet is unknown. */
  @Nullable Placed forwarder(TraceRecorder rec, ParsedRoute route) {
    ResourceId id = ((ForwarderNode) route.target()).workload();
    Workload w = model.workload(id).orElseThrow();
    Placed placed = placement(id, w);
    if (placed == null) {
      rec.add(
          Hop.Kind.NAT,
          id,
          w.resource().origin(),
          Verdict.UNKNOWN,
          new NatStep.ForwarderUnplaced(w.resource().logicalId(), route));
      return null;
    }
    return placed;
  }

  /**
   * The instance forwards the traffic only with SourceDestCheck disabled, and translates the source
   * to its own address: the sender of the next leg.
   */
  Sender forwards(TraceRecorder rec, Placed forwarder) {
    Workload w = forwarder.workload();
    String name = w.resource().logicalId();
    Boolean check = w.sourceDestCheck();
    Verdict v = check == null ? Verdict.UNKNOWN : check ? Verdict.BLOCKED : Verdict.REACHABLE;
    rec.add(
        Hop.Kind.NAT,
        forwarder.id(),
        w.sourceDestCheckOrigin(),
        v,
        new NatStep.SourceDestCheck(name, check));
    return Sender.translatedBy(forwarder.at(), forwarder.at().groups(), name);
  }

  /** Where NAT gateway or forwarding instance {@code id} sits, or null when not known. */
  private @Nullable Placed placement(ResourceId id, Workload w) {
    if (w.interfaces().isEmpty()) {
      return null;
    }
    NetworkAttachment a = w.interfaces().get(0);
    if (!a.subnetsKnown() || a.subnetIds().size() != 1) {
      return null;
    }
    Subnet s = model.subnet(a.subnetIds().get(0)).orElse(null);
    if (s == null) {
      return null;
    }
    Site at =
        Site.workloadIn(
            s.id(),
            s.vpc(),
            Sites.addressesIn(model, topology, s, a),
            w.kind() == Workload.Kind.NAT_GATEWAY
                ? null
                : a.securityGroups().isEmpty() ? null : a.securityGroups(),
            a.publicIp(),
            w.resource().logicalId(),
            a.origin());
    return new Placed(id, w, s.id(), at);
  }

  private @Nullable Origin originOf(ResourceId id, @Nullable Origin otherwise) {
    return model.resource(id).map(Resource::origin).orElse(otherwise);
  }
}
