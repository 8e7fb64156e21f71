package dev.netlint.graph;

import static dev.netlint.graph.Models.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Verdict;
import org.junit.jupiter.api.Test;

/** AWS services through interface endpoints with private DNS, gateway endpoints, or a NAT. */
class ServiceEndpointTest {

  static final String ISOLATED =
      """
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties:
            CidrBlock: 10.0.0.0/16
            EnableDnsHostnames: true
        Isolated:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: 10.0.5.0/24
        Table:
          Type: AWS::EC2::RouteTable
          Properties:
            VpcId: !Ref Vpc
        Assoc:
          Type: AWS::EC2::SubnetRouteTableAssociation
          Properties:
            SubnetId: !Ref Isolated
            RouteTableId: !Ref Table
        Managed:
          Type: AWS::EC2::Instance
          Properties:
            SubnetId: !Ref Isolated
        EndpointSg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: endpoints
            VpcId: !Ref Vpc
            SecurityGroupIngress:
              - IpProtocol: tcp
                FromPort: 443
                ToPort: 443
                CidrIp: !GetAtt Vpc.CidrBlock
      """;

  static String ssmEndpoint(String privateDns) {
    return """
             SsmEndpoint:
               Type: AWS::EC2::VPCEndpoint
               Properties:
                 VpcEndpointType: Interface
                 VpcId: !Ref Vpc
                 ServiceName: !Join ["", ["com.amazonaws.", !Ref "AWS::Region", ".ssm"]]
                 SubnetIds: [!Ref Isolated]
                 SecurityGroupIds: [!Ref EndpointSg]
                 PrivateDnsEnabled: %s
           """
        .formatted(privateDns);
  }

  static ReachResult ssm(String yaml) {
    return NetworkGraph.build(Models.of(yaml))
        .reach(
            new Endpoint.Workload(id("Managed")),
            new Endpoint.AwsService("ssm"),
            Protocol.TCP,
            PortRange.of(443));
  }

  @Test
  void anInterfaceEndpointWithPrivateDnsCarriesTheServiceInsideTheVpc() {
    ReachResult r = ssm(ISOLATED + ssmEndpoint("true"));

    assertThat(r.verdict()).as(r.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.hops())
        .filteredOn(h -> h.kind() == Hop.Kind.SECURITY_GROUP_INGRESS)
        .singleElement()
        .satisfies(h -> assertThat(h.element()).isEqualTo(id("EndpointSg")));
  }

  @Test
  void anEndpointGroupThatDoesNotAdmit443Blocks() {
    ReachResult r =
        ssm(
            (ISOLATED + ssmEndpoint("true"))
                .replace("ToPort: 443", "ToPort: 444")
                .replace("FromPort: 443", "FromPort: 444"));

    assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(r.blockingHop().orElseThrow().element()).isEqualTo(id("EndpointSg"));
  }

  @Test
  void withoutPrivateDnsTheServiceNameResolvesPubliclyAndAnIsolatedSubnetHasNoRoute() {
    ReachResult r = ssm(ISOLATED + ssmEndpoint("false"));

    assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(r.blockingHop().orElseThrow().kind()).isEqualTo(Hop.Kind.ROUTE);
    assertThat(r.reason()).contains("the public endpoint of ssm");
  }

  @Test
  void withoutEndpointsAPrivateSubnetReachesTheServiceThroughItsNat() {
    ReachResult r =
        NetworkGraph.build(Models.of(RouteHopTest.vpc("NatGatewayId: !Ref Nat", "")))
            .reach(
                new Endpoint.Workload(id("Worker")),
                new Endpoint.AwsService("ssmmessages"),
                Protocol.TCP,
                PortRange.of(443));

    assertThat(r.verdict()).as(r.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.hops()).extracting(Hop::kind).contains(Hop.Kind.NAT, Hop.Kind.GATEWAY);
  }

  @Test
  void aGatewayEndpointOnTheSubnetsRouteTableCarriesS3() {
    String yaml =
        ISOLATED
            + """
                S3Endpoint:
                  Type: AWS::EC2::VPCEndpoint
                  Properties:
                    VpcId: !Ref Vpc
                    ServiceName: !Sub com.amazonaws.${AWS::Region}.s3
                    RouteTableIds: [!Ref Table]
              """;
    ReachResult r =
        NetworkGraph.build(Models.of(yaml))
            .reach(
                new Endpoint.Workload(id("Managed")),
                new Endpoint.AwsService("s3"),
                Protocol.TCP,
                PortRange.of(443));

    assertThat(r.verdict()).as(r.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.hops())
        .filteredOn(h -> h.kind() == Hop.Kind.GATEWAY)
        .singleElement()
        .satisfies(h -> assertThat(h.element()).isEqualTo(id("S3Endpoint")));
  }
}
