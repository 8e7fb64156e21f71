package dev.netlint.graph;

import static dev.netlint.graph.Models.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Reachability;
import dev.netlint.api.reach.Verdict;
import org.junit.jupiter.api.Test;

/** Route tables, internet gateways, NAT gateways and NAT instances, peering. */
class RouteHopTest {

  /** A public subnet (IGW) and a private subnet routed by {@code PrivateDefault}. */
  static String vpc(String privateDefaultTarget, String extra) {
    return """
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
             PublicSubnet:
               Type: AWS::EC2::Subnet
               Properties:
                 VpcId: !Ref Vpc
                 CidrBlock: 10.0.0.0/24
                 MapPublicIpOnLaunch: true
             PublicTable:
               Type: AWS::EC2::RouteTable
               Properties:
                 VpcId: !Ref Vpc
             PublicDefault:
               Type: AWS::EC2::Route
               Properties:
                 RouteTableId: !Ref PublicTable
                 DestinationCidrBlock: 0.0.0.0/0
                 GatewayId: !Ref Igw
             PublicAssoc:
               Type: AWS::EC2::SubnetRouteTableAssociation
               Properties:
                 SubnetId: !Ref PublicSubnet
                 RouteTableId: !Ref PublicTable
             PrivateSubnet:
               Type: AWS::EC2::Subnet
               Properties:
                 VpcId: !Ref Vpc
                 CidrBlock: 10.0.1.0/24
             PrivateTable:
               Type: AWS::EC2::RouteTable
               Properties:
                 VpcId: !Ref Vpc
             PrivateAssoc:
               Type: AWS::EC2::SubnetRouteTableAssociation
               Properties:
                 SubnetId: !Ref PrivateSubnet
                 RouteTableId: !Ref PrivateTable
             Eip:
               Type: AWS::EC2::EIP
             Nat:
               Type: AWS::EC2::NatGateway
               Properties:
                 SubnetId: !Ref PublicSubnet
                 AllocationId: !GetAtt Eip.AllocationId
             NatSg:
               Type: AWS::EC2::SecurityGroup
               Properties:
                 GroupDescription: nat
                 VpcId: !Ref Vpc
                 SecurityGroupIngress:
                   - IpProtocol: "-1"
                     CidrIp: !GetAtt Vpc.CidrBlock
             NatInstance:
               Type: AWS::EC2::Instance
               Properties:
                 SubnetId: !Ref PublicSubnet
                 SourceDestCheck: false
                 SecurityGroupIds: [!Ref NatSg]
             Worker:
               Type: AWS::EC2::Instance
               Properties:
                 SubnetId: !Ref PrivateSubnet
             Web:
               Type: AWS::EC2::Instance
               Properties:
                 SubnetId: !Ref PublicSubnet
             Fn:
               Type: AWS::Lambda::Function
               Properties:
                 VpcConfig:
                   SubnetIds: [!Ref PublicSubnet]
                   SecurityGroupIds: [!Ref NatSg]
           """
        + (privateDefaultTarget.isEmpty()
            ? ""
            : """
                PrivateDefault:
                  Type: AWS::EC2::Route
                  Properties:
                    RouteTableId: !Ref PrivateTable
                    DestinationCidrBlock: 0.0.0.0/0
              """
                + "      "
                + privateDefaultTarget
                + "\n")
        + extra;
  }

  static ReachResult toInternet(Reachability r, String from) {
    return r.reach(
        new Endpoint.Workload(id(from)), new Endpoint.Internet(), Protocol.TCP, PortRange.of(443));
  }

  @Test
  void privateSubnetWithoutDefaultRouteIsBlockedAtTheRouteTable() {
    ReachResult r = toInternet(NetworkGraph.build(Models.of(vpc("", ""))), "Worker");

    assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
    Hop hop = r.blockingHop().orElseThrow();
    assertThat(hop.kind()).isEqualTo(Hop.Kind.ROUTE);
    assertThat(hop.element()).isEqualTo(id("PrivateTable"));
    assertThat(hop.detail()).contains("route table PrivateTable has no route to the internet");
  }

  @Test
  void natGatewayTranslatesAndLeavesThroughTheInternetGateway() {
    ReachResult r =
        toInternet(NetworkGraph.build(Models.of(vpc("NatGatewayId: !Ref Nat", ""))), "Worker");

    assertThat(r.verdict()).as(r.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.hops())
        .extracting(Hop::kind)
        .containsExactly(
            Hop.Kind.SECURITY_GROUP_EGRESS,
            Hop.Kind.NETWORK_ACL_OUTBOUND,
            Hop.Kind.ROUTE,
            Hop.Kind.NETWORK_ACL_INBOUND,
            Hop.Kind.NAT,
            Hop.Kind.NETWORK_ACL_OUTBOUND,
            Hop.Kind.ROUTE,
            Hop.Kind.GATEWAY,
            Hop.Kind.NETWORK_ACL_RETURN,
            Hop.Kind.NETWORK_ACL_RETURN,
            Hop.Kind.NETWORK_ACL_RETURN);
    assertThat(r.hops().get(2).element()).isEqualTo(id("PrivateDefault"));
    assertThat(r.hops().get(4).element()).isEqualTo(id("Nat"));
    assertThat(r.hops().get(7).element()).isEqualTo(id("Igw"));
  }

  @Test
  void natInstanceForwardsWhenSourceDestCheckIsOffAndItsGroupAdmitsTheClient() {
    Reachability r = NetworkGraph.build(Models.of(vpc("InstanceId: !Ref NatInstance", "")));

    ReachResult ok = toInternet(r, "Worker");

    assertThat(ok.verdict()).as(ok.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(ok.hops()).extracting(Hop::kind).contains(Hop.Kind.NAT);
    assertThat(ok.hops().stream().filter(h -> h.kind() == Hop.Kind.SECURITY_GROUP_INGRESS))
        .singleElement()
        .satisfies(h -> assertThat(h.element()).isEqualTo(id("NatSg")));
  }

  @Test
  void natInstanceWithSourceDestCheckDropsTheTraffic() {
    String yaml =
        vpc("InstanceId: !Ref NatInstance", "")
            .replace("SourceDestCheck: false", "Monitoring: false");
    ReachResult r = toInternet(NetworkGraph.build(Models.of(yaml)), "Worker");

    assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(r.blockingHop().orElseThrow().kind()).isEqualTo(Hop.Kind.NAT);
    assertThat(r.blockingHop().orElseThrow().detail()).contains("SourceDestCheck enabled");
  }

  @Test
  void natInstanceInItsClientsSubnetRoutesBackToItself() {
    String yaml =
        vpc("InstanceId: !Ref NatInstance", "")
            .replace(
                "      SubnetId: !Ref PublicSubnet\n      SourceDestCheck: false",
                "      SubnetId: !Ref PrivateSubnet\n      SourceDestCheck: false");
    ReachResult r = toInternet(NetworkGraph.build(Models.of(yaml)), "Worker");

    assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(r.blockingHop().orElseThrow().detail()).contains("routing loop");
  }

  @Test
  void publicInstanceReachesTheInternetButALambdaNeverHasAPublicAddress() {
    Reachability r = NetworkGraph.build(Models.of(vpc("", "")));

    ReachResult web = toInternet(r, "Web");
    ReachResult fn = toInternet(r, "Fn");

    assertThat(web.verdict()).as(web.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(fn.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(fn.blockingHop().orElseThrow().detail()).contains("no public IPv4 address");
  }

  @Test
  void internetGatewayNotAttachedBlocks() {
    String yaml =
        vpc("", "")
            .replace(
                """
                  IgwAttachment:
                    Type: AWS::EC2::VPCGatewayAttachment
                    Properties:
                      VpcId: !Ref Vpc
                      InternetGatewayId: !Ref Igw
                """,
                "");
    ReachResult r = toInternet(NetworkGraph.build(Models.of(yaml)), "Web");

    assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(r.blockingHop().orElseThrow().detail()).contains("not attached to Vpc");
  }

  @Test
  void internetReachesAPublicInstanceButNotAPrivateOne() {
    Reachability r = NetworkGraph.build(Models.of(vpc("NatGatewayId: !Ref Nat", "")));

    ReachResult web =
        r.reach(
            new Endpoint.Internet(),
            new Endpoint.Workload(id("NatInstance")),
            Protocol.TCP,
            PortRange.of(22));
    ReachResult worker =
        r.reach(
            new Endpoint.Internet(),
            new Endpoint.Workload(id("Worker")),
            Protocol.TCP,
            PortRange.of(22));

    assertThat(web.verdict()).as(web.reason()).isEqualTo(Verdict.BLOCKED);
    assertThat(web.blockingHop().orElseThrow().kind()).isEqualTo(Hop.Kind.SECURITY_GROUP_INGRESS);
    assertThat(worker.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(worker.blockingHop().orElseThrow().detail()).contains("no public IPv4 address");
  }

  @Test
  void peeringIsOpaqueButTheDestinationGroupStillDecides() {
    String yaml =
        vpc(
            "",
            """
              Peer:
                Type: AWS::EC2::VPCPeeringConnection
                Properties:
                  VpcId: !Ref Vpc
                  PeerVpcId: vpc-0123
              ToPeer:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: !Ref PrivateTable
                  DestinationCidrBlock: 10.1.0.0/16
                  VpcPeeringConnectionId: !Ref Peer
            """);
    ReachResult r =
        NetworkGraph.build(Models.of(yaml))
            .reach(
                new Endpoint.Workload(id("Worker")),
                new Endpoint.Cidr("10.1.2.0/24"),
                Protocol.TCP,
                PortRange.of(443));

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.hops()).extracting(Hop::kind).contains(Hop.Kind.OPAQUE);
    assertThat(r.reason()).contains("peering connection Peer");
  }

  @Test
  void aRouteWithAnUnknownDestinationNeverGivesAFalseBlocked() {
    String yaml =
        "Parameters:\n  OnPrem:\n    Type: String\n"
            + vpc(
                "",
                """
                  Vgw:
                    Type: AWS::EC2::VPNGateway
                    Properties:
                      Type: ipsec.1
                  ToOnPrem:
                    Type: AWS::EC2::Route
                    Properties:
                      RouteTableId: !Ref PrivateTable
                      DestinationCidrBlock: !Ref OnPrem
                      GatewayId: !Ref Vgw
                """);
    ReachResult r =
        NetworkGraph.build(Models.of(yaml))
            .reach(
                new Endpoint.Workload(id("Worker")),
                new Endpoint.Cidr("192.168.0.0/24"),
                Protocol.TCP,
                PortRange.of(443));

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.reason()).contains("OnPrem");
  }
}
