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

/** Security group egress and ingress hops: CIDR, referenced group, implicit egress, CDK. */
class SecurityGroupHopTest {

  static final String VPC =
      """
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties:
            CidrBlock: 10.0.0.0/16
        AppSubnet:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: 10.0.1.0/24
        DbSubnet:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: 10.0.2.0/24
      """;

  static Endpoint.Workload w(String logicalId) {
    return new Endpoint.Workload(id(logicalId));
  }

  static ReachResult tcp(Reachability r, String from, String to, int port) {
    return r.reach(w(from), w(to), Protocol.TCP, PortRange.of(port));
  }

  private static final String APP_AND_DB =
      VPC
          + """
              AppSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: app
                  VpcId: !Ref Vpc
              DbSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: db
                  VpcId: !Ref Vpc
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 5432
                      ToPort: 5432
                      SourceSecurityGroupId: !GetAtt AppSg.GroupId
              App:
                Type: AWS::EC2::Instance
                Properties:
                  SubnetId: !Ref AppSubnet
                  SecurityGroupIds: [!GetAtt AppSg.GroupId]
              Db:
                Type: AWS::EC2::Instance
                Properties:
                  SubnetId: !Ref DbSubnet
                  SecurityGroupIds: [!Ref DbSg]
            """;

  @Test
  void referencedGroupAdmitsItsMembersOnTheRulePortOnly() {
    Reachability r = NetworkGraph.build(Models.of(APP_AND_DB));

    ReachResult ok = tcp(r, "App", "Db", 5432);
    ReachResult no = tcp(r, "App", "Db", 22);

    assertThat(ok.verdict()).as(ok.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(ok.hops())
        .extracting(Hop::kind)
        .containsExactly(
            Hop.Kind.SECURITY_GROUP_EGRESS,
            Hop.Kind.NETWORK_ACL_OUTBOUND,
            Hop.Kind.ROUTE,
            Hop.Kind.NETWORK_ACL_INBOUND,
            Hop.Kind.SECURITY_GROUP_INGRESS,
            Hop.Kind.NETWORK_ACL_RETURN,
            Hop.Kind.NETWORK_ACL_RETURN);
    assertThat(no.verdict()).isEqualTo(Verdict.BLOCKED);
    Hop blocking = no.blockingHop().orElseThrow();
    assertThat(blocking.kind()).isEqualTo(Hop.Kind.SECURITY_GROUP_INGRESS);
    assertThat(blocking.element()).isEqualTo(id("DbSg"));
    assertThat(blocking.origin()).isNotNull();
    assertThat(blocking.origin().location().line())
        .as("SecurityGroupIngress of DbSg")
        .isEqualTo(27);
    assertThat(blocking.detail()).contains("DbSg", "tcp/22", "AppSg");
    assertThat(no.reason()).contains("tcp/22 from App to Db is blocked");
  }

  @Test
  void theImplicitEgressRuleAllowsEverythingAndCdkPlaceholderRemovesIt() {
    String yaml =
        APP_AND_DB.replace(
            "      GroupDescription: app\n",
            """
                  GroupDescription: app
                  SecurityGroupEgress:
                    - IpProtocol: icmp
                      FromPort: 252
                      ToPort: 86
                      CidrIp: 255.255.255.255/32
            """);
    assertThat(yaml).contains("255.255.255.255/32");
    Reachability before = NetworkGraph.build(Models.of(APP_AND_DB));
    Reachability after = NetworkGraph.build(Models.of(yaml));

    ReachResult open = tcp(before, "App", "Db", 5432);
    ReachResult closed = tcp(after, "App", "Db", 5432);

    assertThat(open.hops().get(0).detail()).contains("allows all traffic to 0.0.0.0/0");
    assertThat(closed.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(closed.blockingHop().orElseThrow().kind()).isEqualTo(Hop.Kind.SECURITY_GROUP_EGRESS);
  }

  @Test
  void standaloneEgressResourceAddsToTheGroupWithoutRemovingTheDefault() {
    String yaml =
        APP_AND_DB
            + """
                AppToDb:
                  Type: AWS::EC2::SecurityGroupEgress
                  Properties:
                    GroupId: !GetAtt AppSg.GroupId
                    IpProtocol: tcp
                    FromPort: 5432
                    ToPort: 5432
                    DestinationSecurityGroupId: !GetAtt DbSg.GroupId
              """;
    var model = Models.of(yaml);
    var sg =
        model.securityGroups().stream()
            .filter(g -> g.resource().logicalId().equals("AppSg"))
            .findFirst()
            .orElseThrow();

    assertThat(sg.egress()).hasSize(1);
    assertThat(sg.implicitEgress()).isTrue();
    assertThat(tcp(NetworkGraph.build(model), "App", "Db", 443).hops().get(0).verdict())
        .isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void standaloneIngressResourceIsTheDecidingElement() {
    String yaml =
        APP_AND_DB
            + """
                SshFromApp:
                  Type: AWS::EC2::SecurityGroupIngress
                  Properties:
                    GroupId: !Ref DbSg
                    IpProtocol: tcp
                    FromPort: 20
                    ToPort: 30
                    CidrIp: 10.0.1.0/24
              """;
    ReachResult r = tcp(NetworkGraph.build(Models.of(yaml)), "App", "Db", 22);

    assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
    Hop ingress =
        r.hops().stream()
            .filter(h -> h.kind() == Hop.Kind.SECURITY_GROUP_INGRESS)
            .findFirst()
            .orElseThrow();
    assertThat(ingress.detail()).contains("(SshFromApp)", "tcp/20-30", "10.0.1.0/24");
  }

  @Test
  void aCidrRuleCoveringOnlyPartOfTheSourceSubnetIsUnknownNotBlocked() {
    String yaml =
        APP_AND_DB.replace("SourceSecurityGroupId: !GetAtt AppSg.GroupId", "CidrIp: 10.0.1.0/25");
    ReachResult r = tcp(NetworkGraph.build(Models.of(yaml)), "App", "Db", 5432);

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.reason()).contains("10.0.1.0/25");
  }

  @Test
  void aGroupPassedAsParameterGivesUnknownWithTheReason() {
    String yaml =
        "Parameters:\n  SharedSg:\n    Type: AWS::EC2::SecurityGroup::Id\n"
            + APP_AND_DB.replace(
                "SecurityGroupIds: [!Ref DbSg]", "SecurityGroupIds: [!Ref SharedSg]");
    ReachResult r = tcp(NetworkGraph.build(Models.of(yaml)), "App", "Db", 5432);

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.reason()).contains("SharedSg", "not known before deploy");
  }

  @Test
  void anImportedCidrNeverGivesAFalseBlocked() {
    String yaml =
        APP_AND_DB.replace(
            "SourceSecurityGroupId: !GetAtt AppSg.GroupId", "CidrIp: !ImportValue shared-app-cidr");
    ReachResult r = tcp(NetworkGraph.build(Models.of(yaml)), "App", "Db", 5432);

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.reason()).contains("shared-app-cidr");
  }

  @Test
  void instanceWithoutGroupsUsesTheVpcDefaultGroupWhichAdmitsItsMembers() {
    String yaml =
        VPC
            + """
                A:
                  Type: AWS::EC2::Instance
                  Properties:
                    SubnetId: !Ref AppSubnet
                B:
                  Type: AWS::EC2::Instance
                  Properties:
                    SubnetId: !Ref DbSubnet
              """;
    ReachResult r = tcp(NetworkGraph.build(Models.of(yaml)), "A", "B", 8080);

    assertThat(r.verdict()).as(r.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.hops().get(4).detail()).contains("the default security group of Vpc");
  }
}
