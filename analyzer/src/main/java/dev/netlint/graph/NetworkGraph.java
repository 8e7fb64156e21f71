package dev.netlint.graph;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Reachability;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.Cidr;
import dev.netlint.model.IpProtocol;
import dev.netlint.model.NetworkAttachment;
import dev.netlint.model.NetworkAttachment.PublicIp;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.ResourceId;
import dev.netlint.model.SecurityGroupRef;
import dev.netlint.model.Subnet;
import dev.netlint.model.Value;
import dev.netlint.model.VpcEndpoint;
import dev.netlint.model.Workload;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The reachability graph of a network model and the answers to {@link Reachability} queries over
 * it.
 *
 * <p>Built once per model in time linear in its size: a JGraphT graph of VPCs, subnets, route
 * tables, network ACLs, gateways and forwarders ({@link Topology}), and the workloads grouped into
 * equivalence classes by what decides their traffic (subnets, security groups, fixed address,
 * public address) before any pairwise work. Answers are cached per class pair, protocol and ports,
 * so a lint rule that asks about every workload pays for every class.
 *
 * <p>A query traces every placement of the source (each subnet a workload spans) to every placement
 * of the destination, each as boxes of packets ({@link Tracer}). The verdict says whether all of
 * the flow's traffic gets through: reachable when every placement, protocol and port does, blocked
 * when some definitely does not, unknown otherwise; {@link ReachResult#anyTraffic()} says whether
 * any of it does. A workload whose address is not fixed is one unknown address in its subnet: a
 * security group rule or network ACL entry that covers only part of the subnet makes the answer
 * unknown, never blocked. ICMP is evaluated as echo (ping) and its reply. Queries are serialized:
 * the graph caches answers and evaluation state.
 *
 * <p>Follows <a
 * href="https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html">How
 * Reachability Analyzer works</a>, <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html">network ACLs</a>,
 * <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html">security
 * groups</a> and <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html">route tables</a>.
 */
public final class NetworkGraph implements Reachability {
  /** Boxes one placement pair may be split into before the answer is given up as unknown. */
  private static final int MAX_BOXES = 4096;

  private final NetworkModel model;
  private final Topology topology;
  private final Tracer tracer;
  private final Map<ResourceId, WorkloadClass> classOf = new LinkedHashMap<>();
  private final List<WorkloadClass> classes = new ArrayList<>();
  private final List<Endpoint.Workload> workloads;
  private final Map<QueryKey, Answer> cache = new HashMap<>();

  /** Interface endpoints with private DNS, by VPC and service. */
  private final Map<VpcService, List<VpcEndpoint>> privateEndpoints = new LinkedHashMap<>();

  /** One end of a query as answers are cached: a workload class, or the endpoint itself. */
  private sealed interface EndKey {}

  /** The workload equivalence class {@code id}: its members share every answer. */
  private record ClassKey(int id) implements EndKey {}

  /** An end that is not a placed workload (the internet, a CIDR, a service, an unplaced one). */
  private record EndpointKey(Endpoint endpoint) implements EndKey {}

  /** What a cached answer depends on. */
  private record QueryKey(EndKey source, EndKey destination, Protocol protocol, PortRange ports) {}

  /** An AWS service name in a VPC. */
  private record VpcService(ResourceId vpc, String service) {}

  /**
   * Workloads that behave alike.
   *
   * @param id the class number
   * @param sites where its interfaces sit, one per subnet
   * @param unplaced why it cannot be placed, or null
   */
  record WorkloadClass(int id, List<Site> sites, @Nullable String unplaced) {}

  /** A cached answer, before the names of the query's ends are put into the reason. */
  private record Answer(Verdict verdict, Verdict any, List<Hop> hops, String why) {}

  private NetworkGraph(NetworkModel model) {
    this.model = model;
    this.topology = new Topology(model);
    this.tracer = new Tracer(model, topology);
    Map<WorkloadShape, WorkloadClass> byShape = new HashMap<>();
    for (Workload w : model.workloads()) {
      WorkloadShape shape = shape(w);
      WorkloadClass c = byShape.get(shape);
      if (c == null) {
        c = newClass(byShape.size(), w);
        byShape.put(shape, c);
        classes.add(c);
        List<ResourceId> subnets = new ArrayList<>();
        for (Site s : c.sites()) {
          if (s.subnet() != null) {
            subnets.add(s.subnet());
          }
        }
        topology.addClass(c.id(), subnets);
      }
      classOf.put(w.id(), c);
    }
    for (VpcEndpoint ep : model.vpcEndpoints()) {
      if (ep.type() == VpcEndpoint.Type.INTERFACE
          && ep.privateDnsEnabled()
          && ep.vpc() != null
          && ep.service() != null
          && ep.attachment() != null) {
        privateEndpoints
            .computeIfAbsent(new VpcService(ep.vpc(), ep.service()), k -> new ArrayList<>())
            .add(ep);
      }
    }
    workloads =
        model.workloads().stream()
            .filter(
                w ->
                    w.kind() != Workload.Kind.NAT_GATEWAY && w.kind() != Workload.Kind.VPC_ENDPOINT)
            .map(w -> new Endpoint.Workload(w.id()))
            .sorted((a, b) -> a.resource().compareTo(b.resource()))
            .toList();
  }

  /**
   * Builds the reachability graph of {@code model}. Never throws on bad input: what the model
   * cannot tell becomes an unknown verdict.
   */
  public static Reachability build(NetworkModel model) {
    return new NetworkGraph(model);
  }

  /** The number of workload equivalence classes, for tests and benchmarks. */
  public int classCount() {
    return classes.size();
  }

  /** The number of vertices of the graph, for tests and benchmarks. */
  public int vertexCount() {
    return topology.graph.vertexSet().size();
  }

  @Override
  public List<Endpoint.Workload> workloads() {
    return workloads;
  }

  // ------------------------------------------------------------------ classes

  private static @Nullable NetworkAttachment primary(Workload w) {
    return w.interfaces().isEmpty() ? null : w.interfaces().get(0);
  }

  /** What decides a workload's traffic: workloads with equal keys share one class. */
  private sealed interface WorkloadShape {}

  /** A workload without interfaces netlint places, by kind (the reason it is unplaced). */
  private record UnplacedShape(Workload.Kind kind) implements WorkloadShape {}

  /**
   * A workload's primary interface.
   *
   * @param subnets its subnets as written
   * @param groups the keys of its security groups
   * @param privateIp its fixed private address, or null
   * @param publicIp whether it has a public IPv4 address
   */
  private record PlacedShape(
      Set<SubnetValue> subnets, Set<String> groups, @Nullable Cidr privateIp, PublicIp publicIp)
      implements WorkloadShape {}

  /**
   * A subnet as an interface names it: the resource a reference or attribute targets, or the value
   * as written (a parameter, an import).
   */
  private record SubnetValue(String rendered, @Nullable ResourceId target) {}

  private static WorkloadShape shape(Workload w) {
    NetworkAttachment a = primary(w);
    if (a == null) {
      return new UnplacedShape(w.kind());
    }
    Set<SubnetValue> subnets = new HashSet<>();
    for (Value v : a.subnets()) {
      ResourceId target =
          v instanceof Value.ResourceRef r
              ? r.target()
              : v instanceof Value.Attribute at ? at.target() : null;
      subnets.add(new SubnetValue(v.render(), target));
    }
    Set<String> groups = new HashSet<>();
    for (SecurityGroupRef g : a.securityGroups()) {
      groups.add(g.key());
    }
    return new PlacedShape(subnets, groups, a.privateIp(), a.publicIp());
  }

  private WorkloadClass newClass(int id, Workload w) {
    NetworkAttachment a = primary(w);
    if (a == null) {
      String why =
          w.kind() == Workload.Kind.ECS_SERVICE
              ? "it does not use awsvpc networking: its tasks share their container instances'"
                  + " interfaces, which netlint does not follow"
              : "it is not placed in a subnet";
      return new WorkloadClass(id, List.of(), why);
    }
    List<SecurityGroupRef> groups = a.securityGroups().isEmpty() ? null : a.securityGroups();
    String groupLabel =
        groups == null
            ? ""
            : groups.stream().map(SecurityGroupRef::label).collect(Collectors.joining(", "))
                + " in ";
    List<Site> sites = new ArrayList<>();
    for (ResourceId subnetId : a.subnetIds()) {
      Subnet s = model.subnet(subnetId).orElseThrow();
      AddressSet addresses = Sites.addressesIn(model, topology, s, a);
      sites.add(
          Site.workloadIn(
              s.id(),
              s.vpc(),
              addresses,
              groups,
              a.publicIp(),
              groupLabel + s.id().logicalId() + " (" + addresses + ")",
              a.origin()));
    }
    if (!a.subnetsKnown()) {
      List<String> unknown = new ArrayList<>();
      for (Value v : a.subnets()) {
        if (v.literal().isPresent()
            || !(v instanceof Value.ResourceRef || v instanceof Value.Attribute)
            || model
                .subnet(
                    ((v instanceof Value.ResourceRef r)
                        ? r.target()
                        : ((Value.Attribute) v).target()))
                .isEmpty()) {
          unknown.add(v.render());
        }
      }
      String what = unknown.isEmpty() ? "the default VPC" : String.join(", ", unknown);
      AddressSet addresses = a.privateIp() != null ? AddressSet.of(a.privateIp()) : AddressSet.ALL;
      sites.add(
          Site.workloadUnplaced(
              addresses,
              groups,
              a.publicIp(),
              groupLabel + "a subnet not known before deploy (" + what + ")",
              a.origin()));
    }
    return new WorkloadClass(id, sites, null);
  }

  // ------------------------------------------------------------------ queries

  @Override
  public synchronized ReachResult reach(
      Endpoint source, Endpoint destination, Protocol protocol, PortRange ports) {
    String traffic = traffic(protocol, ports);
    String flow = traffic + " from " + source + " to " + destination;
    Resolved src = resolveSource(source);
    if (src.why != null) {
      return new ReachResult(Verdict.UNKNOWN, List.of(), flow + " is unknown: " + src.why);
    }
    EndKey dstKey =
        destination instanceof Endpoint.Workload w && classOf.containsKey(w.resource())
            ? new ClassKey(classOf.get(w.resource()).id())
            : new EndpointKey(destination);
    QueryKey key = new QueryKey(src.key, dstKey, protocol, ports);
    Answer answer = cache.get(key);
    if (answer == null) {
      answer = answer(src.sites, destination, protocol, ports);
      cache.put(key, answer);
    }
    String verdict =
        switch (answer.verdict()) {
          case REACHABLE -> " is reachable";
          case BLOCKED -> " is blocked";
          case UNKNOWN -> " is unknown";
        };
    return new ReachResult(
        answer.verdict(),
        answer.hops(),
        flow + verdict + (answer.why().isEmpty() ? "" : ": " + answer.why()),
        answer.any());
  }

  private record Resolved(EndKey key, List<Site> sites, @Nullable String why) {}

  private Resolved resolveSource(Endpoint e) {
    if (e instanceof Endpoint.Workload w) {
      WorkloadClass c = classOf.get(w.resource());
      if (c == null) {
        return new Resolved(new EndpointKey(e), List.of(), notAWorkload(w.resource()));
      }
      if (c.unplaced() != null) {
        return new Resolved(
            new EndpointKey(e),
            List.of(),
            w.resource().logicalId() + " cannot be placed: " + c.unplaced());
      }
      return new Resolved(new ClassKey(c.id()), c.sites(), null);
    }
    if (e instanceof Endpoint.Internet) {
      return new Resolved(new EndpointKey(e), List.of(Site.internet(AddressSet.PUBLIC)), null);
    }
    if (e instanceof Endpoint.Cidr c) {
      return cidrSites(c);
    }
    return new Resolved(
        new EndpointKey(e), List.of(), "traffic that starts at an AWS service is not modeled");
  }

  private String notAWorkload(ResourceId id) {
    return model
        .resource(id)
        .map(
            r -> id.logicalId() + " (" + r.type() + ") is not a workload netlint places in subnets")
        .orElse(id + " is not a resource of the templates");
  }

  private Resolved cidrSites(Endpoint.Cidr endpoint) {
    String text = endpoint.cidr();
    EndKey key = new EndpointKey(endpoint);
    Cidr cidr = Cidr.parse(text).orElse(null);
    if (cidr == null) {
      return new Resolved(key, List.of(), "'" + text + "' is not a CIDR");
    }
    if (cidr.ipv6()) {
      return new Resolved(key, List.of(), "IPv6 traffic is not modeled");
    }
    AddressSet rest = AddressSet.of(cidr);
    List<Site> sites = new ArrayList<>();
    for (Subnet s : model.subnets()) {
      if (s.cidr() == null || s.cidr().ipv6()) {
        continue;
      }
      AddressSet part = rest.intersect(AddressSet.of(s.cidr()));
      if (part.isEmpty()) {
        continue;
      }
      rest = rest.minus(part);
      sites.add(Site.cidrIn(s.id(), s.vpc(), part));
    }
    AddressSet publicPart = rest.intersect(AddressSet.PUBLIC);
    AddressSet privatePart = rest.minus(AddressSet.PUBLIC);
    if (!publicPart.isEmpty()) {
      sites.add(Site.cidrOutside(publicPart, true));
    }
    if (!privatePart.isEmpty()) {
      sites.add(Site.cidrOutside(privatePart, false));
    }
    return new Resolved(key, sites, null);
  }

  /** The destination sites as seen from one source site. */
  private Resolved destinationSites(Site src, Endpoint e) {
    if (e instanceof Endpoint.Workload w) {
      return resolveSource(e);
    }
    if (e instanceof Endpoint.Cidr c) {
      return cidrSites(c);
    }
    if (e instanceof Endpoint.Internet) {
      AddressSet public_ = AddressSet.PUBLIC;
      if (src.vpc() != null) {
        public_ = public_.minus(topology.vpcAddresses(src.vpc()));
      }
      return new Resolved(new EndpointKey(e), List.of(Site.internet(public_)), null);
    }
    String service = ((Endpoint.AwsService) e).name();
    if (src.kind() == Site.Kind.SUBNET && src.vpc() != null) {
      for (VpcEndpoint ep :
          privateEndpoints.getOrDefault(new VpcService(src.vpc(), service), List.of())) {
        WorkloadClass c = classOf.get(ep.id());
        if (c != null && c.unplaced() == null && !c.sites().isEmpty()) {
          List<Site> sites = new ArrayList<>();
          for (Site s : c.sites()) {
            sites.add(
                s.named(
                    "interface endpoint "
                        + ep.resource().logicalId()
                        + " for "
                        + service
                        + " in "
                        + s.label()));
          }
          return new Resolved(new EndpointKey(e), sites, null);
        }
      }
    }
    return new Resolved(new EndpointKey(e), List.of(Site.servicePublicEndpoint(service)), null);
  }

  // ------------------------------------------------------------------ evaluation

  private record PairResult(Verdict verdict, Verdict any, List<Hop> hops, String why) {}

  private Answer answer(
      List<Site> sources, Endpoint destination, Protocol protocol, PortRange ports) {
    List<PairResult> pairs = new ArrayList<>();
    for (Site s : sources) {
      Resolved dst = destinationSites(s, destination);
      if (dst.why != null) {
        return new Answer(Verdict.UNKNOWN, Verdict.UNKNOWN, List.of(), dst.why);
      }
      for (Site d : dst.sites) {
        pairs.add(evaluate(s, d, protocol, ports, sources.size() > 1 || dst.sites.size() > 1));
      }
    }
    PairResult pick = null;
    for (Verdict wanted : List.of(Verdict.BLOCKED, Verdict.UNKNOWN, Verdict.REACHABLE)) {
      for (PairResult p : pairs) {
        if (pick == null && p.verdict() == wanted) {
          pick = p;
        }
      }
    }
    if (pick == null) {
      return new Answer(Verdict.UNKNOWN, Verdict.UNKNOWN, List.of(), "no placement to evaluate");
    }
    Verdict any = Verdict.BLOCKED;
    for (PairResult p : pairs) {
      if (p.any() == Verdict.REACHABLE) {
        any = Verdict.REACHABLE;
        break;
      }
      if (p.any() == Verdict.UNKNOWN) {
        any = Verdict.UNKNOWN;
      }
    }
    return new Answer(pick.verdict(), any, pick.hops(), pick.why());
  }

  private static List<Box> initialBoxes(Site s, Site d, Protocol protocol, PortRange ports) {
    List<Box> out = new ArrayList<>();
    switch (protocol) {
      case TCP, UDP ->
          out.add(
              new Box(
                  s.addresses(),
                  s.all(),
                  d.addresses(),
                  d.all(),
                  protocol.number(),
                  protocol.number(),
                  ports.from(),
                  ports.to()));
      case ICMP ->
          out.add(
              new Box(
                  s.addresses(),
                  s.all(),
                  d.addresses(),
                  d.all(),
                  IpProtocol.ICMP,
                  IpProtocol.ICMP,
                  8,
                  8));
      case ALL -> {
        int[][] atoms = {
          {0, 0, 0, 0},
          {1, 1, 0, 7},
          {1, 1, 8, 8},
          {1, 1, 9, 255},
          {2, 5, 0, 0},
          {6, 6, ports.from(), ports.to()},
          {7, 16, 0, 0},
          {17, 17, ports.from(), ports.to()},
          {18, 255, 0, 0}
        };
        for (int[] a : atoms) {
          out.add(new Box(s.addresses(), s.all(), d.addresses(), d.all(), a[0], a[1], a[2], a[3]));
        }
      }
    }
    return out;
  }

  private PairResult evaluate(
      Site s, Site d, Protocol protocol, PortRange ports, boolean namePlaces) {
    Deque<Box> work = new ArrayDeque<>(initialBoxes(s, d, protocol, ports));
    List<Box> boxes = new ArrayList<>();
    List<TraceRecorder.Trace> traces = new ArrayList<>();
    int evaluated = 0;
    while (!work.isEmpty()) {
      Box box = work.pollFirst();
      if (++evaluated > MAX_BOXES) {
        return new PairResult(
            Verdict.UNKNOWN,
            Verdict.UNKNOWN,
            List.of(),
            "the rules on the path split the traffic into more than " + MAX_BOXES + " cases");
      }
      Tracer.Outcome outcome = tracer.trace(s, d, box);
      if (outcome instanceof TraceRecorder.Trace trace) {
        traces.add(trace);
        boxes.add(box);
        continue;
      }
      List<Box> parts = ((Split) outcome).apply(box);
      if (parts.size() == 1 && parts.get(0).equals(box)) {
        return new PairResult(
            Verdict.UNKNOWN,
            Verdict.UNKNOWN,
            List.of(),
            "netlint could not split " + box.traffic() + " along a rule boundary");
      }
      for (int i = parts.size() - 1; i >= 0; i--) {
        work.addFirst(parts.get(i));
      }
    }
    int pick = -1;
    for (Verdict wanted : List.of(Verdict.BLOCKED, Verdict.UNKNOWN, Verdict.REACHABLE)) {
      for (int i = 0; i < traces.size() && pick < 0; i++) {
        if (traces.get(i).verdict() == wanted) {
          pick = i;
        }
      }
    }
    Verdict any = Verdict.BLOCKED;
    for (TraceRecorder.Trace t : traces) {
      if (t.verdict() == Verdict.REACHABLE) {
        any = Verdict.REACHABLE;
        break;
      }
      if (t.verdict() == Verdict.UNKNOWN) {
        any = Verdict.UNKNOWN;
      }
    }
    TraceRecorder.Trace t = traces.get(pick);
    Box box = boxes.get(pick);
    StringBuilder why = new StringBuilder();
    if (traces.size() > 1 && t.verdict() != Verdict.REACHABLE) {
      why.append("for ").append(box.traffic());
      if (box.srcAll() && !box.src().equals(s.addresses())) {
        why.append(" from ").append(box.src());
      }
      if (box.dstAll() && !box.dst().equals(d.addresses())) {
        why.append(" to ").append(box.dst());
      }
      why.append(", ");
    }
    if (namePlaces && t.verdict() != Verdict.REACHABLE) {
      why.append("from ").append(s.label()).append(" to ").append(d.label()).append(", ");
    }
    Optional<Hop> decisive = t.hops().stream().filter(h -> h.verdict() == t.verdict()).findFirst();
    if (t.verdict() != Verdict.REACHABLE) {
      why.append(decisive.map(Hop::detail).orElse("a hop on the path is not known before deploy"));
    }
    return new PairResult(t.verdict(), any, t.hops(), why.toString());
  }

  private static String traffic(Protocol protocol, PortRange ports) {
    return switch (protocol) {
      case TCP, UDP -> protocol.label() + "/" + ports;
      case ICMP -> "icmp echo";
      case ALL ->
          ports.equals(PortRange.ALL) ? "all traffic" : "all traffic (tcp/udp " + ports + ")";
    };
  }
}
