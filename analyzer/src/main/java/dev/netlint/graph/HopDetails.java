package dev.netlint.graph;

import dev.netlint.graph.FilterStep.AclTraffic;
import dev.netlint.graph.Topology.ForwarderNode;
import dev.netlint.graph.Topology.GatewayNode;
import dev.netlint.graph.Topology.ParsedRoute;
import dev.netlint.graph.Topology.RouteTableNode;
import dev.netlint.model.IpProtocol;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.SecurityGroupRef;
import dev.netlint.model.SecurityGroupRule;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the typed {@link Step}s and {@link Uncertainty}s of a trace become the
 * sentences of {@link dev.netlint.api.reach.Hop#detail()}: each names the template elements and
 * concrete values that decided the hop. Lint rules and reports show these sentences as they are,
 * and snapshot tests pin them, so a wording changes here or nowhere.
 *
 * <p>One class because the sentences share their vocabulary (how a route table, a route target, a
 * direction and a reply are named) and read best side by side.
 */
final class HopDetails {
  private HopDetails() {}

  /** The sentence for {@code step}. */
  static String of(Step step) {
    if (step instanceof RoutingStep s) {
      return routing(s);
    }
    if (step instanceof FilterStep s) {
      return filter(s);
    }
    if (step instanceof GatewayStep s) {
      return gateway(s);
    }
    return nat((NatStep) step);
  }

  // ------------------------------------------------------------------ routes

  private static String routing(RoutingStep step) {
    if (step instanceof RoutingStep.LocalRouteKeepsInVpc s) {
      return s.dstLabel()
          + " is in VPC "
          + s.dstVpc()
          + ", but its addresses fall in the CIDR of "
          + s.senderVpc()
          + ", the sender's VPC: the local route keeps the traffic inside "
          + s.senderVpc();
    }
    if (step instanceof RoutingStep.NoSubnetHolds s) {
      return "no subnet of the model holds " + s.dstLabel() + " in " + idOf(s.vpc());
    }
    if (step instanceof RoutingStep.Loop s) {
      return "routing loop: route "
          + s.route().label()
          + " sends the traffic back to "
          + targetLabel(s.route())
          + ", which already forwarded it";
    }
    if (step instanceof RoutingStep.TooManyForwarders s) {
      return "the path passes more than " + s.max() + " forwarders; netlint stops there";
    }
    if (step instanceof RoutingStep.SenderUnplaced s) {
      return "the subnet of "
          + s.senderLabel()
          + " is not known before deploy, nor its route table";
    }
    if (step instanceof RoutingStep.RouteTableUnknown s) {
      return "the route table of " + s.subnet().logicalId() + " is not known before deploy";
    }
    if (step instanceof RoutingStep.DestinationUnplaced s) {
      return "the route " + tableName(s.table()) + " takes to " + s.dstLabel() + " is not known";
    }
    if (step instanceof RoutingStep.NoRoute s) {
      return tableName(s.table()) + " has no route to " + s.dstLabel();
    }
    if (step instanceof RoutingStep.Undecided s) {
      return of(s.why());
    }
    if (step instanceof RoutingStep.ToGatewayEndpoint s) {
      return tableName(s.table())
          + " sends "
          + s.service()
          + " traffic to gateway endpoint "
          + s.endpoint().resource().logicalId()
          + " (its prefix list route)";
    }
    if (step instanceof RoutingStep.Routed s) {
      ParsedRoute p = s.route();
      String how =
          p.route() == null
              ? "the local route (" + p.label() + ")"
              : "route " + p.label() + " to " + targetLabel(p);
      return tableName(s.table())
          + " sends "
          + s.dstLabel()
          + " through "
          + how
          + (s.assumedPrivate().isEmpty()
              ? ""
              : "; assuming the routes to "
                  + String.join(", ", s.assumedPrivate())
                  + " are for private networks");
    }
    if (step instanceof RoutingStep.ReplyLeaves s) {
      return replies(s.server(), s.client())
          + " leave through "
          + targetLabel(s.route())
          + " (route "
          + s.route().label()
          + ")";
    }
    if (step instanceof RoutingStep.ReplyNoRoute s) {
      return replies(s.server(), s.client()) + " have no route in " + tableName(s.table());
    }
    if (step instanceof RoutingStep.ReplyMisrouted s) {
      return replies(s.server(), s.client())
          + " go to "
          + targetLabel(s.route())
          + " (route "
          + s.route().label()
          + "), not back through the internet gateway: the connection fails";
    }
    RoutingStep.ReplyOpaque s = (RoutingStep.ReplyOpaque) step;
    return replies(s.server(), s.client())
        + " go to "
        + targetLabel(s.route())
        + ", which netlint does not look through";
  }

  private static String replies(String server, String client) {
    return "replies from " + server + " to " + client;
  }

  /** How a route's target is named: {@code NAT gateway NatGw}, {@code local (Vpc)}. */
  private static String targetLabel(ParsedRoute r) {
    if (r.target() instanceof GatewayNode g) {
      return switch (g.kind()) {
        case INTERNET_GATEWAY -> "internet gateway " + g.label();
        case NAT_GATEWAY -> "NAT gateway " + g.label();
        case VPC_PEERING_CONNECTION -> "peering connection " + g.label();
        case TRANSIT_GATEWAY -> "transit gateway " + g.label();
        case VPN_GATEWAY -> "VPN gateway " + g.label();
        case VPC_ENDPOINT -> "VPC endpoint " + g.label();
        case NONE -> "no target";
        default -> g.label();
      };
    }
    if (r.target() instanceof ForwarderNode f) {
      return f.workload().logicalId();
    }
    if (r.target() instanceof Topology.VpcNode v) {
      return "local (" + v.id().logicalId() + ")";
    }
    return r.target().toString();
  }

  private static String tableName(RouteTableNode t) {
    return t.main()
        ? "the main route table of " + t.id().logicalId() + " (only the local route)"
        : "route table " + t.id().logicalId();
  }

  private static String idOf(@Nullable ResourceId id) {
    return id == null ? "its VPC" : id.logicalId();
  }

  // ------------------------------------------------------------------ filters

  private static String filter(FilterStep step) {
    if (step instanceof FilterStep.SecurityGroupAllows s) {
      SecurityGroupRule r = s.groupRule();
      String toFrom = toFrom(s.egress());
      return r.group().label()
          + " "
          + direction(s.egress())
          + " allows "
          + r.trafficLabel()
          + toFrom
          + r.peerLabel()
          + (r.declaredBy().type().equals(ResourceTypes.SECURITY_GROUP)
                  || r.declaredBy().type().equals(ResourceTypes.VPC)
              ? ""
              : " (" + r.declaredBy().logicalId() + ")")
          + ": "
          + s.box().traffic()
          + toFrom
          + s.remote()
          + " passes";
    }
    if (step instanceof FilterStep.SecurityGroupRuleInDoubt s) {
      SecurityGroupRule r = s.groupRule();
      String toFrom = toFrom(s.egress());
      return r.group().label()
          + " "
          + direction(s.egress())
          + " rule for "
          + r.trafficLabel()
          + toFrom
          + r.peerLabel()
          + " may or may not match "
          + s.box().traffic()
          + toFrom
          + s.remote()
          + ": "
          + reason(s.why());
    }
    if (step instanceof FilterStep.SecurityGroupsDeny s) {
      return "no "
          + direction(s.egress())
          + " rule of "
          + names(s.groups())
          + " allows "
          + s.box().traffic()
          + toFrom(s.egress())
          + s.remote();
    }
    if (step instanceof FilterStep.SecurityGroupsInDoubt s) {
      return names(s.groups()) + " " + direction(s.egress()) + ": " + reason(s.why());
    }
    if (step instanceof FilterStep.AclSubnetUnknown s) {
      return "the subnet of " + s.self() + " is not known before deploy, nor its network ACL";
    }
    if (step instanceof FilterStep.AclOutsideTemplates s) {
      return s.subnet().logicalId() + " is associated with a network ACL outside the templates";
    }
    if (step instanceof FilterStep.DefaultAclAllows s) {
      return s.subnet().logicalId()
          + " uses its VPC's default network ACL, which allows "
          + what(s.traffic());
    }
    if (step instanceof FilterStep.AclEntryDecides s) {
      String entry =
          s.acl().resource().logicalId()
              + " "
              + aclDirection(s.traffic())
              + " "
              + s.entry().label()
              + " ("
              + s.entry().resource().logicalId()
              + ")";
      return switch (s.verdict()) {
        case REACHABLE -> entry + " allows " + what(s.traffic());
        case BLOCKED -> entry + " denies " + what(s.traffic());
        case UNKNOWN ->
            entry + " may or may not match " + what(s.traffic()) + ": " + reason(s.why());
      };
    }
    if (step instanceof FilterStep.AclInDoubt s) {
      return s.acl().resource().logicalId()
          + " "
          + aclDirection(s.traffic())
          + " may or may not allow "
          + what(s.traffic())
          + ": "
          + reason(s.why());
    }
    FilterStep.AclDefaultDenies s = (FilterStep.AclDefaultDenies) step;
    return "no "
        + aclDirection(s.traffic())
        + " entry of "
        + s.acl().resource().logicalId()
        + " allows "
        + what(s.traffic())
        + ": the default rule * denies it";
  }

  private static String direction(boolean egress) {
    return egress ? "egress" : "ingress";
  }

  private static String toFrom(boolean outbound) {
    return outbound ? " to " : " from ";
  }

  private static String names(List<SecurityGroupRef> groups) {
    return groups.stream().map(SecurityGroupRef::label).collect(Collectors.joining(", "));
  }

  private static String aclDirection(AclTraffic t) {
    return t.outbound() ? "outbound" : "inbound";
  }

  /** {@code tcp/5432 to Db}, {@code the reply, tcp to ephemeral ports 32768-65535 from App}. */
  private static String what(AclTraffic t) {
    String traffic = t.reply() ? replyTraffic(t.box()) : t.box().traffic();
    return (t.reply() ? "the reply, " : "") + traffic + toFrom(t.outbound()) + t.remote();
  }

  private static String replyTraffic(Box b) {
    if (b.hasPorts()) {
      return IpProtocol.label(b.protoLo())
          + " to ephemeral ports "
          + ReturnPath.EPHEMERAL_LO
          + "-"
          + ReturnPath.EPHEMERAL_HI;
    }
    if (b.icmp()) {
      return "icmp echo reply";
    }
    return b.traffic();
  }

  // ------------------------------------------------------------------ gateways and NAT

  private static String gateway(GatewayStep step) {
    if (step instanceof GatewayStep.EndpointCarries s) {
      return "gateway endpoint "
          + s.endpoint().resource().logicalId()
          + " carries it to "
          + s.service();
    }
    if (step instanceof GatewayStep.LeavesThroughOpaque s) {
      return "the traffic leaves through "
          + targetLabel(s.route())
          + "; netlint does not look beyond it";
    }
    if (step instanceof GatewayStep.InternetGatewayOutsideTemplates s) {
      return "internet gateway "
          + targetLabel(s.route())
          + " is outside the templates: netlint cannot tell whether it is attached to "
          + idOf(s.vpc());
    }
    if (step instanceof GatewayStep.InternetGatewayDetached s) {
      return "internet gateway "
          + s.internetGateway().logicalId()
          + " is not attached to "
          + s.vpc().logicalId()
          + " (no AWS::EC2::VPCGatewayAttachment joins them)";
    }
    if (step instanceof GatewayStep.PublicIpOutbound s) {
      String igw = s.internetGateway().logicalId();
      return switch (s.hasPublicIp()) {
        case REACHABLE ->
            s.senderLabel()
                + " has a public IPv4 address; internet gateway "
                + igw
                + " carries the traffic to "
                + s.dstLabel();
        case BLOCKED ->
            s.senderLabel()
                + " has no public IPv4 address, which traffic through internet gateway "
                + igw
                + " needs";
        case UNKNOWN ->
            "whether " + s.senderLabel() + " has a public IPv4 address is not known before deploy";
      };
    }
    if (step instanceof GatewayStep.InternetNeedsPublicAddress s) {
      return "reaching "
          + s.dstLabel()
          + " through the internet needs its public address, which netlint does not follow";
    }
    if (step instanceof GatewayStep.PrivateRange s) {
      return s.dstLabel() + " is a private address range: the internet does not route it";
    }
    if (step instanceof GatewayStep.PublicAddressUnknown s) {
      return "whether " + s.dstLabel() + " is a public address is not known before deploy";
    }
    if (step instanceof GatewayStep.BothOutside s) {
      return "both " + s.srcLabel() + " and " + s.dstLabel() + " are outside the VPCs of the model";
    }
    if (step instanceof GatewayStep.EntryUnknown s) {
      return "the subnet of "
          + s.dstLabel()
          + " is not known before deploy, nor how "
          + s.senderLabel()
          + " enters its VPC";
    }
    if (step instanceof GatewayStep.NoInternetGateway s) {
      return s.vpc().logicalId()
          + " has no internet gateway attached: nothing from the internet enters it";
    }
    if (step instanceof GatewayStep.PublicIpInbound s) {
      return switch (s.hasPublicIp()) {
        case REACHABLE ->
            "internet gateway "
                + s.internetGateway().logicalId()
                + " lets the traffic in to the public address of "
                + s.dstLabel();
        case BLOCKED ->
            s.dstLabel() + " has no public IPv4 address: the internet cannot address it";
        case UNKNOWN ->
            "whether " + s.dstLabel() + " has a public IPv4 address is not known before deploy";
      };
    }
    GatewayStep.ThroughPrivateGateway s = (GatewayStep.ThroughPrivateGateway) step;
    return s.senderLabel()
        + " enters "
        + idOf(s.vpc())
        + " through a VPN, peering or transit gateway netlint does not look through";
  }

  private static String nat(NatStep step) {
    if (step instanceof NatStep.NatGatewayUnplaced s) {
      return "NAT gateway " + s.gatewayLabel() + " or its subnet is not known before deploy";
    }
    if (step instanceof NatStep.NatGatewayTranslates s) {
      return "NAT gateway "
          + s.natGateway().logicalId()
          + " in "
          + s.subnet().logicalId()
          + " translates the source to its own address";
    }
    if (step instanceof NatStep.ForwarderUnplaced s) {
      return "the subnet of "
          + s.name()
          + ", which route "
          + s.route().label()
          + " sends the traffic to, is not known before deploy";
    }
    NatStep.SourceDestCheck s = (NatStep.SourceDestCheck) step;
    if (s.enabled() == null) {
      return "whether " + s.name() + " has SourceDestCheck disabled is not known before deploy";
    }
    return s.enabled()
        ? s.name()
            + " has SourceDestCheck enabled: it drops the traffic it would forward"
            + " (set SourceDestCheck: false on a NAT instance)"
        : s.name() + " forwards the traffic and translates the source to its own address";
  }

  // ------------------------------------------------------------------ uncertainties

  private static String reason(@Nullable Uncertainty why) {
    return why == null ? "" : of(why);
  }

  /** The clause that says what is not known, as it follows a colon. */
  static String of(Uncertainty why) {
    if (why instanceof Uncertainty.GroupRulesUnknown u) {
      return "the rules of security group " + u.groupLabel() + " are not known before deploy";
    }
    if (why instanceof Uncertainty.ProtocolOrPortsUnknown) {
      return "its protocol or ports are not known before deploy";
    }
    if (why instanceof Uncertainty.CidrUnknown u) {
      return "its CIDR "
          + (u.rendered() == null ? "" : u.rendered() + " ")
          + "is not known before deploy";
    }
    if (why instanceof Uncertainty.GroupMembershipUnknown u) {
      return "whether the security group "
          + u.groupLabel()
          + " is one of the other end's groups is not known before deploy";
    }
    if (why instanceof Uncertainty.PrefixListUnknown u) {
      return "the CIDRs of prefix list " + u.rendered() + " are not known before deploy";
    }
    if (why instanceof Uncertainty.CoversPartOfAddresses u) {
      return "it covers only part of " + u.remote() + " and the address is not known before deploy";
    }
    if (why instanceof Uncertainty.CoversPartOfEphemeralPorts u) {
      return "it covers only some of the ephemeral ports "
          + u.lo()
          + "-"
          + u.hi()
          + " a client may pick";
    }
    if (why instanceof Uncertainty.RuleNumberUnknown u) {
      return "the rule number of " + u.entryLogicalId() + " is not known before deploy";
    }
    if (why instanceof Uncertainty.RuleActionUnknown) {
      return "its RuleAction is not known before deploy";
    }
    if (why instanceof Uncertainty.DependsOnEphemeralPort u) {
      return "it depends on which ephemeral port in " + u.lo() + "-" + u.hi() + " the client picks";
    }
    if (why instanceof Uncertainty.DependsOnAddress u) {
      return "it depends on which address in "
          + u.remote()
          + " the traffic has, which is not known before deploy";
    }
    if (why instanceof Uncertainty.RouteCoversPart u) {
      return "whether route "
          + u.routeLabel()
          + " applies depends on which address in "
          + u.destination()
          + " the destination has";
    }
    if (why instanceof Uncertainty.LocalRouteUnknown) {
      return "the local route is not known";
    }
    Uncertainty.RouteDestinationUnknown u = (Uncertainty.RouteDestinationUnknown) why;
    return "route "
        + u.route().label()
        + " to "
        + targetLabel(u.route())
        + " may cover "
        + u.destination()
        + ", and its destination is not known before deploy";
  }
}
