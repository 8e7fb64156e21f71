package dev.netlint.graph;

import static dev.netlint.graph.Models.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.graph.RouteLookup.NextHop;
import dev.netlint.graph.RouteLookup.RouteDecision;
import dev.netlint.graph.RouteLookup.Routed;
import dev.netlint.graph.Topology.RouteTableNode;
import dev.netlint.model.Cidr;
import dev.netlint.model.ResourceId;
import org.junit.jupiter.api.Test;

/**
 * Route lookup in one route table alone: longest-prefix match, the local route, a route that covers
 * part of the destination (a split of a whole CIDR, undecided for one unknown address), no route,
 * and a route whose destination is not known before deploy.
 */
class RouteLookupTest {

  private static final String TEMPLATE =
      """
      Parameters:
        OnPremCidr:
          Type: String
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties:
            CidrBlock: 10.0.0.0/16
        Igw:
          Type: AWS::EC2::InternetGateway
        IgwAttachment:
          Type: AWS::EC2::VPCGatewayAttachment
          Properties:
            VpcId: !Ref Vpc
            InternetGatewayId: !Ref Igw
        Subnet:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: 10.0.1.0/24
        NatIp:
          Type: AWS::EC2::EIP
          Properties:
            Domain: vpc
        Nat:
          Type: AWS::EC2::NatGateway
          Properties:
            SubnetId: !Ref Subnet
            AllocationId: !GetAtt NatIp.AllocationId
        Rt:
          Type: AWS::EC2::RouteTable
          Properties:
            VpcId: !Ref Vpc
        RtAssoc:
          Type: AWS::EC2::SubnetRouteTableAssociation
          Properties:
            SubnetId: !Ref Subnet
            RouteTableId: !Ref Rt
        Default:
          Type: AWS::EC2::Route
          Properties:
            RouteTableId: !Ref Rt
            DestinationCidrBlock: 0.0.0.0/0
            GatewayId: !Ref Igw
        Peer:
          Type: AWS::EC2::Route
          Properties:
            RouteTableId: !Ref Rt
            DestinationCidrBlock: 10.1.0.0/16
            VpcPeeringConnectionId: pcx-0123456789abcdef0
        Narrow:
          Type: AWS::EC2::Route
          Properties:
            RouteTableId: !Ref Rt
            DestinationCidrBlock: 10.1.2.0/24
            NatGatewayId: !Ref Nat
        Isolated:
          Type: AWS::EC2::RouteTable
          Properties:
            VpcId: !Ref Vpc
        Unknown:
          Type: AWS::EC2::RouteTable
          Properties:
            VpcId: !Ref Vpc
        ToOnPrem:
          Type: AWS::EC2::Route
          Properties:
            RouteTableId: !Ref Unknown
            DestinationCidrBlock: !Ref OnPremCidr
            NatGatewayId: !Ref Nat
      """;

  private static final ResourceId VPC = id("Vpc");

  private final Topology topology = new Topology(Models.of(TEMPLATE));
  private final RouteLookup routes = new RouteLookup(topology);

  private static AddressSet addresses(String cidr) {
    return AddressSet.of(Cidr.parse(cidr).orElseThrow());
  }

  /** Looks up {@code cidr} outside the VPC from table {@code table}. */
  private RouteDecision outside(String table, String cidr, Split.Dim dim) {
    return routes.lookup(
        new RouteTableNode(id(table), false),
        VPC,
        Site.Kind.OUTSIDE,
        null,
        addresses(cidr),
        dim,
        null);
  }

  private static String routeOf(RouteDecision d) {
    assertThat(d).isInstanceOf(Routed.class);
    return ((Routed) d).route().element().logicalId();
  }

  @Test
  void theSubnetUsesTheTableItIsAssociatedWith() {
    assertThat(topology.routeTableOf(id("Subnet"))).isEqualTo(new RouteTableNode(id("Rt"), false));
  }

  @Test
  void theLongestMatchingPrefixWins() {
    RouteDecision narrow = outside("Rt", "10.1.2.5/32", null);
    RouteDecision peer = outside("Rt", "10.1.3.5/32", null);
    RouteDecision internet = outside("Rt", "8.8.8.8/32", null);

    assertThat(routeOf(narrow)).isEqualTo("Narrow");
    assertThat(((Routed) narrow).next()).isEqualTo(NextHop.NAT_GATEWAY);
    assertThat(routeOf(peer)).isEqualTo("Peer");
    assertThat(((Routed) peer).next()).isEqualTo(NextHop.OPAQUE);
    assertThat(routeOf(internet)).isEqualTo("Default");
    assertThat(((Routed) internet).next()).isEqualTo(NextHop.INTERNET_GATEWAY);
  }

  @Test
  void aLongerRouteCoveringPartOfAWholeCidrSplitsTheDestination() {
    RouteDecision d = outside("Rt", "10.1.0.0/16", Split.Dim.DST);

    assertThat(d).isEqualTo(Split.addresses(Split.Dim.DST, addresses("10.1.2.0/24")));
  }

  @Test
  void aLongerRouteCoveringPartOfOneUnknownAddressIsUndecided() {
    RouteDecision d = outside("Rt", "10.1.0.0/16", null);

    assertThat(d).isInstanceOf(RouteLookup.Undecided.class);
    RouteLookup.Undecided u = (RouteLookup.Undecided) d;
    assertThat(u.route().element().logicalId()).isEqualTo("Narrow");
    assertThat(u.why())
        .isEqualTo(new Uncertainty.RouteCoversPart("10.1.2.0/24", addresses("10.1.0.0/16")));
  }

  @Test
  void aDestinationInTheSendersVpcTakesTheLocalRoute() {
    RouteDecision d =
        routes.lookup(
            new RouteTableNode(id("Rt"), false),
            VPC,
            Site.Kind.SUBNET,
            VPC,
            addresses("10.0.2.0/24"),
            null,
            null);

    assertThat(d).isInstanceOf(Routed.class);
    assertThat(((Routed) d).next()).isEqualTo(NextHop.LOCAL);
    assertThat(((Routed) d).route().route()).isNull();
  }

  @Test
  void aTableWithOnlyTheLocalRouteHasNoRouteOut() {
    assertThat(outside("Isolated", "8.8.8.8/32", null)).isEqualTo(new RouteLookup.NoRoute());
  }

  @Test
  void aRouteWhoseDestinationIsNotKnownMayCoverAnything() {
    RouteDecision d = outside("Unknown", "8.8.8.8/32", null);

    assertThat(d).isInstanceOf(RouteLookup.Undecided.class);
    RouteLookup.Undecided u = (RouteLookup.Undecided) d;
    assertThat(u.route().element().logicalId()).isEqualTo("ToOnPrem");
    assertThat(u.why()).isInstanceOf(Uncertainty.RouteDestinationUnknown.class);
  }
}
