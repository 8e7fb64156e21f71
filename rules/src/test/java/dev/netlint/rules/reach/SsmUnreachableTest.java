package dev.netlint.rules.reach;

import static dev.netlint.rules.reach.ReachTesting.at;
import static dev.netlint.rules.reach.ReachTesting.blocked;
import static dev.netlint.rules.reach.ReachTesting.flow;
import static dev.netlint.rules.reach.ReachTesting.hop;
import static dev.netlint.rules.reach.ReachTesting.run;
import static dev.netlint.rules.reach.ReachTesting.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.NetworkModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsmUnreachableTest {

  private static final String NETWORK =
      """
        Vpc:
          Type: AWS::EC2::VPC
          Properties: {CidrBlock: 10.0.0.0/16}
        Subnet:
          Type: AWS::EC2::Subnet
          Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
        Table:
          Type: AWS::EC2::RouteTable
          Properties: {VpcId: !Ref Vpc}
        BastionSg:
          Type: AWS::EC2::SecurityGroup
          Properties: {GroupDescription: bastion, VpcId: !Ref Vpc}
        EndpointSg:
          Type: AWS::EC2::SecurityGroup
          Properties: {GroupDescription: endpoints, VpcId: !Ref Vpc}
        Bastion:
          Type: AWS::EC2::Instance
          Properties: {SubnetId: !Ref Subnet, SecurityGroupIds: [!Ref BastionSg]}
      """;

  private static Flow ssm(String service) {
    return flow(
        workload("Bastion"),
        new Endpoint.AwsService(service),
        443,
        Flow.Kind.SYSTEMS_MANAGER,
        at(17));
  }

  private static final List<Flow> FLOWS =
      List.of(ssm("ec2messages"), ssm("ssm"), ssm("ssmmessages"));

  private static final ReachResult OK = new ReachResult(Verdict.REACHABLE, List.of(), "reachable");

  @Test
  void noRouteAndNoEndpointIsOneWarningPerInstanceNamingEachFailingService() {
    NetworkModel model = ReachTesting.model(NETWORK);
    ReachResult noRoute = blocked(hop(Hop.Kind.ROUTE, "Table", null, Verdict.BLOCKED));
    var reach =
        new ReachTesting.FakeReachability()
            .answer(FLOWS.get(0), OK)
            .answer(FLOWS.get(1), noRoute)
            .answer(FLOWS.get(2), noRoute);

    List<Finding> findings = run(new SsmUnreachable(), model, reach, FLOWS);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("NL401");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.logicalId()).isEqualTo("Bastion");
              assertThat(f.properties()).containsEntry("blockedBy", "Table");
              assertThat(f.message())
                  .startsWith(
                      "Bastion is managed by Systems Manager (evidence SYSTEMS_MANAGER) but cannot"
                          + " reach ssm, ssmmessages on tcp/443: ssm: no interface endpoint for ssm"
                          + " in its VPC, and route table Table blocks it")
                  .doesNotContain("ec2messages:");
              assertThat(f.fix())
                  .startsWith("Route 0.0.0.0/0 from the subnets of Bastion to a NAT gateway");
              assertThat(f.properties()).containsEntry("services", "ssm,ssmmessages");
            });
  }

  @Test
  void anEndpointWithoutPrivateDnsIsNamed() {
    NetworkModel model =
        ReachTesting.model(
            NETWORK
                + """
                    SsmEndpoint:
                      Type: AWS::EC2::VPCEndpoint
                      Properties:
                        VpcId: !Ref Vpc
                        VpcEndpointType: Interface
                        ServiceName: !Sub com.amazonaws.${AWS::Region}.ssm
                  """);
    ReachResult noRoute = blocked(hop(Hop.Kind.ROUTE, "Table", null, Verdict.BLOCKED));
    var reach = new ReachTesting.FakeReachability().answer(FLOWS.get(1), noRoute);

    List<Finding> findings = run(new SsmUnreachable(), model, reach, FLOWS);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).contains("interface endpoint SsmEndpoint has no private DNS");
              assertThat(f.fix()).isEqualTo("Set PrivateDnsEnabled: true on SsmEndpoint.");
            });
  }

  @Test
  void anEndpointSecurityGroupThatDoesNotAdmit443IsNamed() {
    NetworkModel model =
        ReachTesting.model(
            NETWORK
                + """
                    SsmEndpoint:
                      Type: AWS::EC2::VPCEndpoint
                      Properties:
                        VpcId: !Ref Vpc
                        VpcEndpointType: Interface
                        PrivateDnsEnabled: true
                        SecurityGroupIds: [!Ref EndpointSg]
                        ServiceName: !Sub com.amazonaws.${AWS::Region}.ssm
                  """);
    ReachResult sg =
        blocked(hop(Hop.Kind.SECURITY_GROUP_INGRESS, "EndpointSg", at(14), Verdict.BLOCKED));
    var reach = new ReachTesting.FakeReachability().answer(FLOWS.get(1), sg);

    List<Finding> findings = run(new SsmUnreachable(), model, reach, FLOWS);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.logicalId()).isEqualTo("Bastion");
              assertThat(f.properties()).containsEntry("blockedBy", "EndpointSg");
              assertThat(f.properties().get("decidedAt")).contains(":14:");
              assertThat(f.message())
                  .contains(
                      "the security group of interface endpoint SsmEndpoint does not admit tcp/443"
                          + " from Bastion");
              assertThat(f.fix())
                  .isEqualTo("Allow tcp/443 from security group BastionSg in EndpointSg ingress.");
            });
  }

  @Test
  void unknownAndReachableServicesGiveNothing() {
    NetworkModel model = ReachTesting.model(NETWORK);
    var reach = new ReachTesting.FakeReachability().answer(FLOWS.get(1), OK);

    assertThat(run(new SsmUnreachable(), model, reach, FLOWS)).isEmpty();
    assertThat(reach.asked).hasSize(3);
  }
}
