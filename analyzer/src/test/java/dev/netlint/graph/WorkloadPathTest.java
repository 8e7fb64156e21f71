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

/** Workloads spread over subnets, equivalence classes, load balancers and unplaced workloads. */
class WorkloadPathTest {

  private static final String TIERS =
      RouteHopTest.vpc("NatGatewayId: !Ref Nat", "")
          + """
              Private2:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: !Ref Vpc
                  CidrBlock: 10.0.2.0/24
              Private2Assoc:
                Type: AWS::EC2::SubnetRouteTableAssociation
                Properties:
                  SubnetId: !Ref Private2
                  RouteTableId: !Ref PrivateTable
              AlbSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: alb
                  VpcId: !Ref Vpc
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: 0.0.0.0/0
              AppSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: app
                  VpcId: !Ref Vpc
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 8080
                      ToPort: 8080
                      SourceSecurityGroupId: !Ref AlbSg
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [!Ref PublicSubnet]
                  SecurityGroups: [!Ref AlbSg]
              Asg:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  VPCZoneIdentifier: [!Ref PrivateSubnet, !Ref Private2]
                  LaunchConfigurationName: !Ref Lc
              Lc:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-1
                  InstanceType: t3.micro
                  SecurityGroups: [!Ref AppSg]
              Acl2:
                Type: AWS::EC2::NetworkAcl
                Properties:
                  VpcId: !Ref Vpc
              Acl2Assoc:
                Type: AWS::EC2::SubnetNetworkAclAssociation
                Properties:
                  SubnetId: !Ref Private2
                  NetworkAclId: !Ref Acl2
            """;

  @Test
  void internetReachesTheInternetFacingLoadBalancer() {
    ReachResult r =
        NetworkGraph.build(Models.of(TIERS))
            .reach(
                new Endpoint.Internet(),
                new Endpoint.Workload(id("Alb")),
                Protocol.TCP,
                PortRange.of(443));

    assertThat(r.verdict()).as(r.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.hops()).extracting(Hop::kind).startsWith(Hop.Kind.GATEWAY, Hop.Kind.ROUTE);
  }

  @Test
  void aGroupSpreadOverTwoSubnetsIsBlockedWhenOneSubnetsAclDeniesButSomeTrafficPasses() {
    ReachResult r =
        NetworkGraph.build(Models.of(TIERS))
            .reach(
                new Endpoint.Workload(id("Alb")),
                new Endpoint.Workload(id("Asg")),
                Protocol.TCP,
                PortRange.of(8080));

    assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(r.anyTraffic()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.blockingHop().orElseThrow().element()).isEqualTo(id("Acl2"));
    assertThat(r.reason()).contains("to AppSg in Private2 (10.0.2.0/24)");
  }

  @Test
  void workloadsThatShareSubnetsAndGroupsFormOneClassAndShareAnswers() {
    StringBuilder yaml = new StringBuilder(TIERS);
    for (int i = 0; i < 50; i++) {
      yaml.append("  Worker")
          .append(i)
          .append(":\n")
          .append("    Type: AWS::EC2::Instance\n")
          .append("    Properties:\n")
          .append("      SubnetId: !Ref PrivateSubnet\n")
          .append("      SecurityGroupIds: [!Ref AppSg]\n");
    }
    NetworkGraph graph = (NetworkGraph) NetworkGraph.build(Models.of(yaml.toString()));
    NetworkGraph base = (NetworkGraph) NetworkGraph.build(Models.of(TIERS));

    assertThat(graph.classCount()).isEqualTo(base.classCount() + 1);
    assertThat(graph.vertexCount())
        .as("one class vertex for 50 workloads")
        .isEqualTo(base.vertexCount() + 1);
    ReachResult first =
        graph.reach(
            new Endpoint.Workload(id("Alb")),
            new Endpoint.Workload(id("Worker0")),
            Protocol.TCP,
            PortRange.of(8080));
    ReachResult last =
        graph.reach(
            new Endpoint.Workload(id("Alb")),
            new Endpoint.Workload(id("Worker49")),
            Protocol.TCP,
            PortRange.of(8080));
    assertThat(first.verdict()).as(first.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(last.hops()).isEqualTo(first.hops());
    assertThat(last.reason()).contains("Worker49");
  }

  @Test
  void workloadsAreListedSortedWithoutNatGatewaysAndEndpoints() {
    Reachability r = NetworkGraph.build(Models.of(TIERS));

    assertThat(r.workloads())
        .extracting(w -> w.resource().logicalId())
        .containsExactly("Alb", "Asg", "Fn", "NatInstance", "Web", "Worker");
  }

  @Test
  void unplacedWorkloadsAndOtherResourcesAreUnknownWithTheReason() {
    String yaml =
        "Parameters:\n  Subnet:\n    Type: AWS::EC2::Subnet::Id\n"
            + TIERS
            + """
                Elsewhere:
                  Type: AWS::EC2::Instance
                  Properties:
                    SubnetId: !Ref Subnet
                    SecurityGroupIds: [!Ref AppSg]
              """;
    Reachability r = NetworkGraph.build(Models.of(yaml));

    ReachResult elsewhere =
        r.reach(
            new Endpoint.Workload(id("Alb")),
            new Endpoint.Workload(id("Elsewhere")),
            Protocol.TCP,
            PortRange.of(8080));
    ReachResult notWorkload =
        r.reach(
            new Endpoint.Workload(id("AlbSg")),
            new Endpoint.Workload(id("Web")),
            Protocol.TCP,
            PortRange.of(80));

    assertThat(elsewhere.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(elsewhere.reason()).contains("a subnet not known before deploy (${Subnet})");
    assertThat(notWorkload.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(notWorkload.reason()).contains("AlbSg (AWS::EC2::SecurityGroup) is not a workload");
  }

  @Test
  void allProtocolsAndIcmpEcho() {
    Reachability r = NetworkGraph.build(Models.of(TIERS));

    ReachResult all =
        r.reach(
            new Endpoint.Workload(id("Web")),
            new Endpoint.Workload(id("Worker")),
            Protocol.ALL,
            PortRange.ALL);
    ReachResult ping =
        r.reach(
            new Endpoint.Workload(id("Web")),
            new Endpoint.Workload(id("Alb")),
            Protocol.ICMP,
            PortRange.ALL);

    assertThat(all.verdict()).as(all.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(ping.verdict()).as(ping.reason()).isEqualTo(Verdict.BLOCKED);
    assertThat(ping.reason()).contains("icmp echo");
  }
}
