package dev.netlint.graph;

import dev.netlint.model.Cidr;
import dev.netlint.model.GatewayAttachment;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Route;
import dev.netlint.model.RouteTarget;
import dev.netlint.model.Subnet;
import dev.netlint.model.SubnetRouteTableAssociation;
import dev.netlint.model.Value;
import dev.netlint.model.Vpc;
import dev.netlint.model.VpcEndpoint;
import dev.netlint.model.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jspecify.annotations.Nullable;

/**
 * The network of a model as a directed JGraphT graph: VPCs, subnets, route tables (a VPC's main
 * route table included), network ACLs, gateways (internet and NAT gateways, endpoints, peering,
 * transit and VPN gateways as opaque ones), the instances and interfaces routes send traffic to,
 * and the workload classes placed in subnets. Edges say which subnet uses which route table and
 * network ACL, where a route sends a destination, where a gateway or forwarder sits, and which VPC
 * an internet gateway is attached to. Built once, in time linear in the model.
 */
final class Topology {

  /** A vertex. */
  sealed interface Node {}

  record VpcNode(ResourceId id) implements Node {}

  record SubnetNode(ResourceId id) implements Node {}

  /** A route table; for a VPC's main route table, {@code id} is the VPC. */
  record RouteTableNode(ResourceId id, boolean main) implements Node {}

  record NetworkAclNode(ResourceId id) implements Node {}

  /**
   * A route target netlint does not look inside for forwarding decisions: an internet gateway, a
   * NAT gateway, a gateway endpoint, a peering connection, a transit or VPN gateway, or a target
   * not known before deploy.
   */
  record GatewayNode(RouteTarget.Kind kind, @Nullable ResourceId resource, String label)
      implements Node {}

  /** An instance or network interface a route sends traffic to (a NAT instance). */
  record ForwarderNode(ResourceId workload) implements Node {}

  /** A workload equivalence class. */
  record ClassNode(int id) implements Node {}

  /** What a {@link Link} says. */
  enum LinkKind {
    /** A subnet or route table is in a VPC. */
    IN_VPC,
    /** A workload class is placed in a subnet. */
    PLACED_IN,
    /** A subnet uses a route table. */
    ROUTE_TABLE,
    /** A NAT gateway or forwarder sits in a subnet. */
    LOCATED_IN
  }

  /**
   * An edge. Classes rather than records: edges have identity equality, so that parallel routes
   * between the same two vertices stay distinct.
   */
  abstract static sealed class Edge
      permits Link, RouteEdge, NetworkAclEdge, GatewayEndpointEdge, AttachmentEdge {}

  /** An edge that carries nothing beyond what it says. */
  static final class Link extends Edge {
    final LinkKind kind;

    Link(LinkKind kind) {
      this.kind = kind;
    }
  }

  /** A route of a route table to its target. */
  static final class RouteEdge extends Edge {
    final ParsedRoute route;

    RouteEdge(ParsedRoute route) {
      this.route = route;
    }
  }

  /** A subnet's association with a network ACL of the model. */
  static final class NetworkAclEdge extends Edge {
    final dev.netlint.model.NetworkAcl acl;

    NetworkAclEdge(dev.netlint.model.NetworkAcl acl) {
      this.acl = acl;
    }
  }

  /** A route table that holds a gateway endpoint's prefix list route. */
  static final class GatewayEndpointEdge extends Edge {
    final VpcEndpoint endpoint;

    GatewayEndpointEdge(VpcEndpoint endpoint) {
      this.endpoint = endpoint;
    }
  }

  /** An internet gateway attached to a VPC by an {@code AWS::EC2::VPCGatewayAttachment}. */
  static final class AttachmentEdge extends Edge {
    final Resource attachment;

    AttachmentEdge(Resource attachment) {
      this.attachment = attachment;
    }
  }

  /** How a route's destination is known. */
  enum DestinationKind {
    /** A literal IPv4 CIDR, or an entry of a prefix list of the model. */
    CIDR,
    /** A CIDR or prefix list not known before deploy. */
    UNKNOWN
  }

  /**
   * A route as the graph evaluates it.
   *
   * @param route the {@code AWS::EC2::Route}, or null for a {@code local} route
   * @param kind how its destination is known
   * @param destination the destination addresses (empty when unknown)
   * @param prefixLength the destination prefix length, for longest-prefix match
   * @param target the node the route sends traffic to
   * @param targetKind the route target kind
   * @param label the destination as written ({@code 0.0.0.0/0}, {@code ${OnPremCidr}})
   * @param element the route resource, or the route table for a local route
   * @param origin where the route stands in the template
   */
  record ParsedRoute(
      @Nullable Route route,
      DestinationKind kind,
      AddressSet destination,
      int prefixLength,
      Node target,
      RouteTarget.Kind targetKind,
      String label,
      ResourceId element,
      Origin origin) {}

  final NetworkModel model;
  final Graph<Node, Edge> graph = new DirectedPseudograph<>(null, null, false);
  private final Map<ResourceId, AddressSet> vpcAddresses = new LinkedHashMap<>();
  private final Set<ResourceId> unknownRouteTable = new HashSet<>();
  private final Set<ResourceId> unknownNetworkAcl = new HashSet<>();

  Topology(NetworkModel model) {
    this.model = model;
    for (Subnet subnet : model.subnets()) {
      graph.addVertex(new SubnetNode(subnet.id()));
    }
    for (Vpc vpc : model.vpcs()) {
      VpcNode v = new VpcNode(vpc.id());
      graph.addVertex(v);
      AddressSet addresses = AddressSet.EMPTY;
      for (Cidr c : vpc.cidrs()) {
        addresses = addresses.plus(AddressSet.of(c));
      }
      vpcAddresses.put(vpc.id(), addresses);
      RouteTableNode main = new RouteTableNode(vpc.id(), true);
      graph.addVertex(main);
      edge(main, v, new Link(LinkKind.IN_VPC));
      addLocalRoutes(main, vpc, vpc.resource());
    }
    for (Resource table : model.resourcesOfType(ResourceTypes.ROUTE_TABLE)) {
      RouteTableNode node = new RouteTableNode(table.id(), false);
      graph.addVertex(node);
      Optional<ResourceId> vpc = model.vpcOf(table).filter(id -> model.vpc(id).isPresent());
      if (vpc.isPresent()) {
        edge(node, new VpcNode(vpc.get()), new Link(LinkKind.IN_VPC));
        addLocalRoutes(node, model.vpc(vpc.get()).orElseThrow(), table);
      }
      for (Route route : model.routes(table.id())) {
        addRoute(node, route);
      }
    }
    for (SubnetRouteTableAssociation a : model.subnetRouteTableAssociations()) {
      Optional<ResourceId> subnet =
          Optional.ofNullable(a.subnet()).filter(id -> model.subnet(id).isPresent());
      boolean tableKnown = a.routeTableInModel();
      if (subnet.isPresent() && !tableKnown) {
        unknownRouteTable.add(subnet.get());
      }
    }
    for (Subnet subnet : model.subnets()) {
      SubnetNode node = new SubnetNode(subnet.id());
      graph.addVertex(node);
      if (subnet.vpc() != null && model.vpc(subnet.vpc()).isPresent()) {
        edge(node, new VpcNode(subnet.vpc()), new Link(LinkKind.IN_VPC));
      }
      Optional<ResourceId> table = model.routeTableOf(subnet.id());
      if (table.isPresent() && graph.containsVertex(new RouteTableNode(table.get(), false))) {
        edge(node, new RouteTableNode(table.get(), false), new Link(LinkKind.ROUTE_TABLE));
      } else if (table.isEmpty()
          && !unknownRouteTable.contains(subnet.id())
          && subnet.vpc() != null
          && model.vpc(subnet.vpc()).isPresent()) {
        edge(node, new RouteTableNode(subnet.vpc(), true), new Link(LinkKind.ROUTE_TABLE));
      } else {
        unknownRouteTable.add(subnet.id());
      }
      if (model.networkAclAssociation(subnet.id()).isPresent()) {
        var acl = model.networkAclOf(subnet.id());
        if (acl.isPresent()) {
          NetworkAclNode a = new NetworkAclNode(acl.get().resource().id());
          graph.addVertex(a);
          edge(node, a, new NetworkAclEdge(acl.get()));
        } else {
          unknownNetworkAcl.add(subnet.id());
        }
      }
    }
    for (GatewayAttachment a : model.gatewayAttachments()) {
      Optional<ResourceId> igw =
          Optional.ofNullable(a.internetGateway())
              .filter(
                  id ->
                      model
                          .resource(id)
                          .map(r -> r.type().equals(ResourceTypes.INTERNET_GATEWAY))
                          .orElse(false));
      Optional<ResourceId> vpc =
          Optional.ofNullable(a.vpc()).filter(id -> model.vpc(id).isPresent());
      if (igw.isPresent() && vpc.isPresent()) {
        edge(
            new GatewayNode(RouteTarget.Kind.INTERNET_GATEWAY, igw.get(), igw.get().logicalId()),
            new VpcNode(vpc.get()),
            new AttachmentEdge(a.resource()));
      }
    }
    for (VpcEndpoint e : model.vpcEndpoints()) {
      if (e.type() != VpcEndpoint.Type.GATEWAY) {
        continue;
      }
      GatewayNode node =
          new GatewayNode(RouteTarget.Kind.VPC_ENDPOINT, e.id(), e.resource().logicalId());
      for (ResourceId table : e.routeTableIds()) {
        RouteTableNode rt = new RouteTableNode(table, false);
        if (graph.containsVertex(rt)) {
          edge(rt, node, new GatewayEndpointEdge(e));
        }
      }
    }
  }

  private void edge(Node from, Node to, Edge edge) {
    graph.addVertex(from);
    graph.addVertex(to);
    graph.addEdge(from, to, edge);
  }

  /**
   * The {@code local} route: one route for all the VPC's CIDR blocks, ranked by the shortest of
   * their prefixes; or one whose destination is unknown when a block is not known before deploy.
   */
  private void addLocalRoutes(RouteTableNode table, Vpc vpc, Resource owner) {
    VpcNode target = new VpcNode(vpc.id());
    AddressSet all = AddressSet.EMPTY;
    int shortest = 32;
    for (Cidr c : vpc.cidrs()) {
      all = all.plus(AddressSet.of(c));
      shortest = Math.min(shortest, c.prefixLength());
    }
    boolean known = vpc.cidrsKnown() && !all.isEmpty();
    graph.addEdge(
        table,
        target,
        new RouteEdge(
            new ParsedRoute(
                null,
                known ? DestinationKind.CIDR : DestinationKind.UNKNOWN,
                all,
                shortest,
                target,
                RouteTarget.Kind.LOCAL,
                known ? all.toString() : "the CIDR of " + vpc.id().logicalId(),
                owner.id(),
                owner.origin())));
  }

  private void addRoute(RouteTableNode table, Route route) {
    Resource r = route.resource();
    if (route.destinationIpv6CidrBlock() != null && route.destinationCidrBlock() == null) {
      return;
    }
    Node target = targetNode(route.target());
    if (route.target().kind() == RouteTarget.Kind.NAT_GATEWAY
        && route.target().resource() != null) {
      Workload nat = model.workload(route.target().resource()).orElse(null);
      if (nat != null) {
        for (ResourceId subnet : primarySubnets(nat)) {
          edge(target, new SubnetNode(subnet), new Link(LinkKind.LOCATED_IN));
        }
      }
    }
    if (target instanceof ForwarderNode f) {
      Workload w = model.workload(f.workload()).orElse(null);
      if (w != null) {
        for (ResourceId subnet : primarySubnets(w)) {
          edge(target, new SubnetNode(subnet), new Link(LinkKind.LOCATED_IN));
        }
      }
    }
    graph.addVertex(target);
    Value cidrValue = route.destinationCidrBlock();
    Value listValue = route.destinationPrefixListId();
    if (cidrValue != null) {
      Cidr c = model.cidrOf(cidrValue, r.id().stack()).orElse(null);
      if (c != null && c.ipv6()) {
        return;
      }
      add(table, route, c == null ? null : List.of(c), target, cidrValue.render());
    } else if (listValue != null) {
      List<Cidr> cidrs =
          model.referencedResource(listValue).flatMap(model::prefixListCidrs).orElse(null);
      add(table, route, cidrs, target, listValue.render());
    }
  }

  private void add(
      RouteTableNode table, Route route, @Nullable List<Cidr> cidrs, Node target, String label) {
    if (cidrs == null) {
      graph.addEdge(
          table,
          target,
          new RouteEdge(
              new ParsedRoute(
                  route,
                  DestinationKind.UNKNOWN,
                  AddressSet.EMPTY,
                  0,
                  target,
                  route.target().kind(),
                  label,
                  route.resource().id(),
                  route.resource().origin())));
      return;
    }
    for (Cidr c : cidrs) {
      if (c.ipv6()) {
        continue;
      }
      graph.addEdge(
          table,
          target,
          new RouteEdge(
              new ParsedRoute(
                  route,
                  DestinationKind.CIDR,
                  AddressSet.of(c),
                  c.prefixLength(),
                  target,
                  route.target().kind(),
                  label,
                  route.resource().id(),
                  route.resource().origin())));
    }
  }

  private List<ResourceId> primarySubnets(Workload w) {
    if (w.interfaces().isEmpty()) {
      return List.of();
    }
    return w.interfaces().get(0).subnetIds().stream()
        .filter(id -> graph.containsVertex(new SubnetNode(id)))
        .toList();
  }

  private Node targetNode(RouteTarget t) {
    ResourceId id = t.resource();
    if ((t.kind() == RouteTarget.Kind.INSTANCE || t.kind() == RouteTarget.Kind.NETWORK_INTERFACE)
        && id != null
        && model.workload(id).isPresent()) {
      return new ForwarderNode(id);
    }
    String label =
        id != null ? id.logicalId() : t.value() != null ? t.value().render() : "no target";
    return new GatewayNode(t.kind(), id, label);
  }

  // ------------------------------------------------------------------ queries

  /** The addresses of a VPC's IPv4 CIDR blocks that are known. */
  AddressSet vpcAddresses(ResourceId vpc) {
    return vpcAddresses.getOrDefault(vpc, AddressSet.EMPTY);
  }

  /** The route table a subnet uses, or null when it is not known. */
  @Nullable RouteTableNode routeTableOf(ResourceId subnet) {
    SubnetNode node = new SubnetNode(subnet);
    if (!graph.containsVertex(node) || unknownRouteTable.contains(subnet)) {
      return null;
    }
    for (Edge e : graph.outgoingEdgesOf(node)) {
      if (e instanceof Link l && l.kind == LinkKind.ROUTE_TABLE) {
        return (RouteTableNode) graph.getEdgeTarget(e);
      }
    }
    return null;
  }

  /** The routes of a route table, local ones included. */
  List<ParsedRoute> routes(RouteTableNode table) {
    List<ParsedRoute> out = new ArrayList<>();
    for (Edge e : graph.outgoingEdgesOf(table)) {
      if (e instanceof RouteEdge r) {
        out.add(r.route);
      }
    }
    return out;
  }

  /** The gateway endpoints whose routes are in a route table. */
  List<VpcEndpoint> gatewayEndpoints(RouteTableNode table) {
    List<VpcEndpoint> out = new ArrayList<>();
    for (Edge e : graph.outgoingEdgesOf(table)) {
      if (e instanceof GatewayEndpointEdge g) {
        out.add(g.endpoint);
      }
    }
    return out;
  }

  /** True when the subnet's network ACL association names a network ACL outside the model. */
  boolean networkAclUnknown(ResourceId subnet) {
    return unknownNetworkAcl.contains(subnet);
  }

  /** The network ACL a subnet is associated with, or null for the VPC's default one. */
  dev.netlint.model.@Nullable NetworkAcl networkAclOf(ResourceId subnet) {
    SubnetNode node = new SubnetNode(subnet);
    if (!graph.containsVertex(node)) {
      return null;
    }
    for (Edge e : graph.outgoingEdgesOf(node)) {
      if (e instanceof NetworkAclEdge a) {
        return a.acl;
      }
    }
    return null;
  }

  /**
   * True when an {@code AWS::EC2::VPCGatewayAttachment} attaches the internet gateway to the VPC.
   */
  boolean attached(ResourceId internetGateway, ResourceId vpc) {
    GatewayNode g =
        new GatewayNode(
            RouteTarget.Kind.INTERNET_GATEWAY, internetGateway, internetGateway.logicalId());
    VpcNode v = new VpcNode(vpc);
    return graph.containsVertex(g)
        && graph.containsVertex(v)
        && graph.getAllEdges(g, v).stream().anyMatch(e -> e instanceof AttachmentEdge);
  }

  /** The internet gateways attached to a VPC. */
  List<ResourceId> internetGatewaysOf(ResourceId vpc) {
    VpcNode v = new VpcNode(vpc);
    List<ResourceId> out = new ArrayList<>();
    if (!graph.containsVertex(v)) {
      return out;
    }
    for (Edge e : graph.incomingEdgesOf(v)) {
      if (e instanceof AttachmentEdge && graph.getEdgeSource(e) instanceof GatewayNode g) {
        out.add(g.resource());
      }
    }
    return out;
  }

  /** Adds a workload class vertex placed in its subnets. */
  void addClass(int id, List<ResourceId> subnets) {
    ClassNode node = new ClassNode(id);
    graph.addVertex(node);
    for (ResourceId s : subnets) {
      if (graph.containsVertex(new SubnetNode(s))) {
        graph.addEdge(node, new SubnetNode(s), new Link(LinkKind.PLACED_IN));
      }
    }
  }
}
