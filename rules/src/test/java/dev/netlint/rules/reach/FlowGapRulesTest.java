package dev.netlint.rules.reach;

import static dev.netlint.rules.reach.ReachTesting.at;
import static dev.netlint.rules.reach.ReachTesting.blocked;
import static dev.netlint.rules.reach.ReachTesting.flow;
import static dev.netlint.rules.reach.ReachTesting.hop;
import static dev.netlint.rules.reach.ReachTesting.origin;
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

/** NL301, NL302, NL303 and NL304 over a fake reachability. */
class FlowGapRulesTest {

  private static final NetworkModel MODEL =
      ReachTesting.model(
          """
            Vpc:
              Type: AWS::EC2::VPC
              Properties: {CidrBlock: 10.0.0.0/16}
            Subnet:
              Type: AWS::EC2::Subnet
              Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
            AppSg:
              Type: AWS::EC2::SecurityGroup
              Properties: {GroupDescription: app, VpcId: !Ref Vpc}
            DbSg:
              Type: AWS::EC2::SecurityGroup
              Properties: {GroupDescription: db, VpcId: !Ref Vpc}
            Nacl:
              Type: AWS::EC2::NetworkAcl
              Properties: {VpcId: !Ref Vpc}
            Fn:
              Type: AWS::Lambda::Function
              Properties:
                VpcConfig: {SubnetIds: [!Ref Subnet], SecurityGroupIds: [!Ref AppSg]}
            Db:
              Type: AWS::RDS::DBInstance
              Properties: {Engine: postgres, VPCSecurityGroups: [!GetAtt DbSg.GroupId]}
            Tg:
              Type: AWS::ElasticLoadBalancingV2::TargetGroup
              Properties: {Port: 80, HealthCheckPort: "8081"}
            Alb:
              Type: AWS::ElasticLoadBalancingV2::LoadBalancer
              Properties: {SecurityGroups: [!Ref AppSg]}
          """);

  private static final Flow APP_TO_DB =
      flow(workload("Fn"), workload("Db"), 5432, Flow.Kind.ADDRESS_REFERENCE, at(20));

  private static final Hop EGRESS_OK =
      hop(Hop.Kind.SECURITY_GROUP_EGRESS, "AppSg", null, Verdict.REACHABLE);

  private static List<Finding> check(dev.netlint.api.Rule rule, Flow flow, ReachResult result) {
    ReachTesting.FakeReachability reach = new ReachTesting.FakeReachability().answer(flow, result);
    return run(rule, MODEL, reach, List.of(flow));
  }

  @Test
  void ingressGapIsReportedAtTheDestinationSecurityGroupWithTheRuleToAdd() {
    ReachResult r =
        blocked(EGRESS_OK, hop(Hop.Kind.SECURITY_GROUP_INGRESS, "DbSg", at(12), Verdict.BLOCKED));

    List<Finding> findings = check(new SecurityGroupIngressGap(), APP_TO_DB, r);

    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.ruleId()).isEqualTo("NL301");
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.logicalId()).isEqualTo("DbSg");
    assertThat(f.location()).isEqualTo(origin(MODEL, "DbSg").location());
    assertThat(f.properties().get("decidedAt")).contains(":12:");
    assertThat(f.message())
        .contains(
            "Fn cannot reach Db on tcp/5432",
            "the ingress of security group DbSg blocks it",
            "SECURITY_GROUP_INGRESS detail",
            "evidence ADDRESS_REFERENCE");
    assertThat(f.fix()).isEqualTo("Allow tcp/5432 from security group AppSg in DbSg ingress.");
    assertThat(f.properties())
        .containsEntry("flow", "Fn -> Db tcp/5432")
        .containsEntry("hop", "security-group-ingress");
  }

  @Test
  void withoutAHopOriginTheFindingIsAtTheSecurityGroup() {
    ReachResult r = blocked(hop(Hop.Kind.SECURITY_GROUP_INGRESS, "DbSg", null, Verdict.BLOCKED));

    List<Finding> findings = check(new SecurityGroupIngressGap(), APP_TO_DB, r);

    assertThat(findings)
        .extracting(Finding::location)
        .containsExactly(origin(MODEL, "DbSg").location());
  }

  @Test
  void unknownAndReachableAreNeverReported() {
    ReachResult unknown = new ReachResult(Verdict.UNKNOWN, List.of(), "a parameter");
    ReachResult reachable = new ReachResult(Verdict.REACHABLE, List.of(EGRESS_OK), "ok");
    for (dev.netlint.api.Rule rule :
        List.of(new SecurityGroupIngressGap(), new SecurityGroupEgressGap(), new NetworkAclGap())) {
      assertThat(check(rule, APP_TO_DB, unknown)).isEmpty();
      assertThat(check(rule, APP_TO_DB, reachable)).isEmpty();
    }
  }

  @Test
  void eachGapRuleTakesOnlyItsHop() {
    ReachResult egress =
        blocked(hop(Hop.Kind.SECURITY_GROUP_EGRESS, "AppSg", null, Verdict.BLOCKED));

    assertThat(check(new SecurityGroupIngressGap(), APP_TO_DB, egress)).isEmpty();
    assertThat(check(new NetworkAclGap(), APP_TO_DB, egress)).isEmpty();
    List<Finding> findings = check(new SecurityGroupEgressGap(), APP_TO_DB, egress);
    assertThat(findings)
        .extracting(Finding::ruleId, Finding::logicalId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("NL302", "AppSg"));
    assertThat(findings.get(0).fix())
        .isEqualTo("Allow tcp/5432 to security group DbSg in AppSg egress.");
  }

  @Test
  void networkAclGapsEitherWayAndOnTheReturnPath() {
    ReachResult inbound =
        blocked(hop(Hop.Kind.NETWORK_ACL_INBOUND, "Nacl", at(17), Verdict.BLOCKED));
    ReachResult ret = blocked(hop(Hop.Kind.NETWORK_ACL_RETURN, "Nacl", at(18), Verdict.BLOCKED));

    List<Finding> in = check(new NetworkAclGap(), APP_TO_DB, inbound);
    List<Finding> back = check(new NetworkAclGap(), APP_TO_DB, ret);

    assertThat(in)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("NL303");
              assertThat(f.logicalId()).isEqualTo("Nacl");
              assertThat(f.fix())
                  .isEqualTo(
                      "Add an inbound entry to network ACL Nacl that allows tcp/5432 from security"
                          + " group AppSg.");
            });
    assertThat(back)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.properties().get("decidedAt")).contains(":18:");
              assertThat(f.message()).contains("network ACL Nacl on the return path");
              assertThat(f.fix()).contains("return traffic of tcp/5432", "tcp/1024-65535");
            });
  }

  @Test
  void healthChecksDeclaredAndSsmFlowsAreLeftToTheirOwnRules() {
    ReachResult r = blocked(hop(Hop.Kind.SECURITY_GROUP_INGRESS, "DbSg", null, Verdict.BLOCKED));
    for (Flow.Kind kind :
        List.of(Flow.Kind.HEALTH_CHECK, Flow.Kind.DECLARED, Flow.Kind.SYSTEMS_MANAGER)) {
      Flow f = flow(workload("Fn"), workload("Db"), 5432, kind, at(20));
      assertThat(check(new SecurityGroupIngressGap(), f, r)).as(kind.name()).isEmpty();
    }
  }

  @Test
  void aBlockedHealthCheckIsReportedWhereverItIsBlocked() {
    Flow health =
        flow(
            workload("Alb"),
            workload("Db"),
            8081,
            Flow.Kind.HEALTH_CHECK,
            MODEL
                .resource(ReachTesting.id("Tg"))
                .orElseThrow()
                .property("HealthCheckPort")
                .origin());
    ReachResult atIngress =
        blocked(hop(Hop.Kind.SECURITY_GROUP_INGRESS, "DbSg", null, Verdict.BLOCKED));
    ReachResult atRoute = blocked(hop(Hop.Kind.ROUTE, null, null, Verdict.BLOCKED));

    List<Finding> ingress = check(new HealthCheckPortBlocked(), health, atIngress);
    List<Finding> route = check(new HealthCheckPortBlocked(), health, atRoute);

    assertThat(ingress)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("NL304");
              assertThat(f.logicalId()).isEqualTo("DbSg");
              assertThat(f.message())
                  .startsWith("the health check of Alb cannot reach Db on tcp/8081");
              assertThat(f.fix())
                  .isEqualTo(
                      "Allow tcp/8081 from security group AppSg in DbSg ingress, or health-check on"
                          + " the traffic port.");
            });
    assertThat(route)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.logicalId())
                  .as("no element: the target group that sets the port")
                  .isEqualTo("Tg");
              assertThat(f.templatePath())
                  .containsExactly("Resources", "Tg", "Properties", "HealthCheckPort");
            });
    assertThat(check(new HealthCheckPortBlocked(), APP_TO_DB, atIngress)).isEmpty();
  }

  @Test
  void flowsToTheInternetNameItInTheFix() {
    Flow out = flow(workload("Fn"), new Endpoint.Internet(), 443, Flow.Kind.NAT_INSTANCE, at(20));
    ReachResult r = blocked(hop(Hop.Kind.SECURITY_GROUP_EGRESS, "AppSg", null, Verdict.BLOCKED));

    assertThat(check(new SecurityGroupEgressGap(), out, r))
        .singleElement()
        .extracting(Finding::fix)
        .isEqualTo("Allow tcp/443 to 0.0.0.0/0 in AppSg egress.");
  }
}
