package dev.netlint.rules.reach;

import static dev.netlint.rules.reach.ReachTesting.blocked;
import static dev.netlint.rules.reach.ReachTesting.hop;
import static dev.netlint.rules.reach.ReachTesting.run;
import static dev.netlint.rules.reach.ReachTesting.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.Finding;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredFlowViolatedTest {

  private static final NetworkModel MODEL =
      ReachTesting.model(
          """
            Vpc:
              Type: AWS::EC2::VPC
              Properties: {CidrBlock: 10.0.0.0/16}
            AppSg:
              Type: AWS::EC2::SecurityGroup
              Properties: {GroupDescription: app, VpcId: !Ref Vpc}
            DbSg:
              Type: AWS::EC2::SecurityGroup
              Properties: {GroupDescription: db, VpcId: !Ref Vpc}
            App:
              Type: AWS::EC2::Instance
              Properties: {SecurityGroupIds: [!Ref AppSg]}
            Db:
              Type: AWS::RDS::DBInstance
              Properties: {Engine: postgres, VPCSecurityGroups: [!Ref DbSg]}
          """);

  private static final Origin CONFIG =
      new Origin(new SourceLocation(".netlint.yaml", 3, 5), List.of("flows", "0"));

  private static Flow declared(Verdict expect) {
    return new Flow(
        workload("App"),
        workload("Db"),
        Protocol.TCP,
        PortRange.of(5432),
        Flow.Kind.DECLARED,
        expect,
        "declared in .netlint.yaml:3:5: App -> Db tcp/5432",
        CONFIG);
  }

  private static List<Finding> check(Flow flow, ReachResult result) {
    return run(
        new DeclaredFlowViolated(),
        MODEL,
        new ReachTesting.FakeReachability().answer(flow, result),
        List.of(flow));
  }

  @Test
  void aReachableFlowThatIsBlockedIsReportedAtItsSourceNamingTheBlockingElement() {
    ReachResult r = blocked(hop(Hop.Kind.SECURITY_GROUP_INGRESS, "DbSg", null, Verdict.BLOCKED));

    assertThat(check(declared(Verdict.REACHABLE), r))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("NL402");
              assertThat(f.logicalId()).isEqualTo("App");
              assertThat(f.properties()).containsEntry("blockedBy", "DbSg");
              assertThat(f.message())
                  .startsWith(
                      "flow App -> Db tcp/5432 must be reachable (declared in .netlint.yaml:3:5");
              assertThat(f.fix())
                  .isEqualTo("Allow tcp/5432 from security group AppSg in DbSg ingress.");
              assertThat(f.properties()).containsEntry("declaredAt", ".netlint.yaml:3:5");
            });
  }

  @Test
  void isolationThatDoesNotHoldIsReportedAtItsSourceNamingTheIngressThatAdmitsIt() {
    ReachResult r =
        new ReachResult(
            Verdict.REACHABLE,
            List.of(
                hop(Hop.Kind.SECURITY_GROUP_EGRESS, "AppSg", null, Verdict.REACHABLE),
                hop(Hop.Kind.SECURITY_GROUP_INGRESS, "DbSg", null, Verdict.REACHABLE)),
            "reachable");

    assertThat(check(declared(Verdict.BLOCKED), r))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.logicalId()).isEqualTo("App");
              assertThat(f.properties()).containsEntry("blockedBy", "DbSg");
              assertThat(f.message())
                  .contains("must be blocked", "the ingress of security group DbSg admits it");
              assertThat(f.fix())
                  .isEqualTo("Remove or narrow the rule of DbSg that admits tcp/5432 from App.");
            });
  }

  @Test
  void aVerdictAsExpectedOrUnknownIsNotReported() {
    ReachResult unknown = new ReachResult(Verdict.UNKNOWN, List.of(), "parameter");
    ReachResult isBlocked =
        blocked(hop(Hop.Kind.SECURITY_GROUP_INGRESS, "DbSg", null, Verdict.BLOCKED));

    assertThat(check(declared(Verdict.BLOCKED), isBlocked)).isEmpty();
    assertThat(check(declared(Verdict.REACHABLE), unknown)).isEmpty();
    assertThat(check(declared(Verdict.BLOCKED), unknown)).isEmpty();
  }

  @Test
  void inferredFlowsAreNotThisRulesBusiness() {
    Flow inferred =
        new Flow(
            workload("App"),
            workload("Db"),
            Protocol.TCP,
            PortRange.of(5432),
            Flow.Kind.ADDRESS_REFERENCE,
            Verdict.REACHABLE,
            "e",
            CONFIG);
    ReachResult r = blocked(hop(Hop.Kind.SECURITY_GROUP_INGRESS, "DbSg", null, Verdict.BLOCKED));

    assertThat(check(inferred, r)).isEmpty();
  }
}
