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
            SubnetA:
              Type: AWS::EC2::Subnet
              Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
            SubnetB:
              Type: AWS::EC2::Subnet
              Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}
            App:
              Type: AWS::EC2::Instance
              Properties: {SecurityGroupIds: [!Ref AppSg]}
            Fn:
              Type: AWS::Lambda::Function
              Properties:
                Runtime: python3.13
                Handler: index.handler
                Role: arn:aws:iam::123456789012:role/fn
                Code: {ZipFile: "def handler(e, c): pass"}
                VpcConfig: {SubnetIds: [!Ref SubnetB, !Ref SubnetA], SecurityGroupIds: [!Ref AppSg]}
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
  void isolationThatHoldsFromOneSubnetOfTheSourceButNotFromTheOtherIsReported() {
    Flow flow =
        new Flow(
            workload("Fn"),
            workload("Db"),
            Protocol.TCP,
            PortRange.of(5432),
            Flow.Kind.DECLARED,
            Verdict.BLOCKED,
            "declared in .netlint.yaml:3:5: Fn -> Db tcp/5432",
            CONFIG);
    // From SubnetB the database's ingress drops it; from SubnetA it gets through.
    ReachResult partly =
        new ReachResult(
            Verdict.BLOCKED,
            List.of(
                hop(Hop.Kind.SECURITY_GROUP_EGRESS, "AppSg", null, Verdict.REACHABLE),
                hop(Hop.Kind.SECURITY_GROUP_INGRESS, "DbSg", null, Verdict.BLOCKED)),
            "blocked",
            Verdict.REACHABLE);

    List<Finding> findings =
        run(
            new DeclaredFlowViolated(),
            MODEL,
            new ReachTesting.FakeReachability().answer(flow, partly),
            List.of(flow));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.logicalId()).isEqualTo("Fn");
              assertThat(f.message())
                  .startsWith("flow Fn -> Db tcp/5432 must be blocked (declared in")
                  .contains(
                      "but some of its traffic is reachable: it gets through from at least one"
                          + " of the subnets of Fn (SubnetA, SubnetB);",
                      "the rest is blocked where the ingress of security group DbSg stops it");
              assertThat(f.fix())
                  .isEqualTo(
                      "Block tcp/5432 from every subnet and address of Fn to Db in a security"
                          + " group or network ACL.");
              assertThat(f.properties()).doesNotContainKey("blockedBy");
              assertThat(f.properties()).containsEntry("declaredAt", ".netlint.yaml:3:5");
            });
  }

  @Test
  void isolationIsNotReportedWhenNoTrafficGetsThroughOrThatIsUnknown() {
    Hop blockedHop = hop(Hop.Kind.SECURITY_GROUP_INGRESS, "DbSg", null, Verdict.BLOCKED);
    ReachResult noneGetsThrough =
        new ReachResult(Verdict.BLOCKED, List.of(blockedHop), "blocked", Verdict.BLOCKED);
    ReachResult someMayGetThrough =
        new ReachResult(Verdict.BLOCKED, List.of(blockedHop), "blocked", Verdict.UNKNOWN);

    assertThat(check(declared(Verdict.BLOCKED), noneGetsThrough)).isEmpty();
    assertThat(check(declared(Verdict.BLOCKED), someMayGetThrough)).isEmpty();
  }

  @Test
  void aReachableExpectationIsAboutAllOfTheTraffic() {
    ReachResult partly =
        new ReachResult(
            Verdict.BLOCKED,
            List.of(hop(Hop.Kind.SECURITY_GROUP_INGRESS, "DbSg", null, Verdict.BLOCKED)),
            "blocked",
            Verdict.REACHABLE);

    assertThat(check(declared(Verdict.REACHABLE), partly))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("must be reachable", "but is blocked"));
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
