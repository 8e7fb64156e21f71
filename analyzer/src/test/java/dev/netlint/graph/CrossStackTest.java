package dev.netlint.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.ResourceId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Security groups and subnets exported by one stack and imported by another of the same app. */
class CrossStackTest {

  private static final String NETWORK =
      SecurityGroupHopTest.VPC
          + """
              DbSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: db
                  VpcId: !Ref Vpc
              Db:
                Type: AWS::EC2::Instance
                Properties:
                  SubnetId: !Ref DbSubnet
                  SecurityGroupIds: [!Ref DbSg]
            Outputs:
              DbSgId:
                Value: !GetAtt DbSg.GroupId
                Export:
                  Name: db-sg
              AppSubnetId:
                Value: !Ref AppSubnet
                Export:
                  Name: app-subnet
            """;

  private static final String APP =
      """
      Resources:
        AppSg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: app
        DbFromApp:
          Type: AWS::EC2::SecurityGroupIngress
          Properties:
            GroupId: !ImportValue db-sg
            IpProtocol: tcp
            FromPort: 5432
            ToPort: 5432
            SourceSecurityGroupId: !GetAtt AppSg.GroupId
        App:
          Type: AWS::EC2::Instance
          Properties:
            SubnetId: !ImportValue app-subnet
            SecurityGroupIds: [!Ref AppSg]
      """;

  @Test
  void importedGroupsAndSubnetsAreTheExportingStacksResources() {
    var model = Models.stacks(List.of("network", "app"), List.of(NETWORK, APP));
    ReachResult r =
        NetworkGraph.build(model)
            .reach(
                new Endpoint.Workload(new ResourceId("app", "App")),
                new Endpoint.Workload(new ResourceId("network", "Db")),
                Protocol.TCP,
                PortRange.of(5432));

    assertThat(r.verdict()).as(r.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.hops())
        .filteredOn(h -> h.kind() == Hop.Kind.SECURITY_GROUP_INGRESS)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.element()).isEqualTo(new ResourceId("network", "DbSg"));
              assertThat(h.detail()).contains("(DbFromApp)");
            });
  }

  @Test
  void anImportFromOutsideTheAppIsUnknown() {
    var model = Models.stacks(List.of("app"), List.of(APP));
    ReachResult r =
        NetworkGraph.build(model)
            .reach(
                new Endpoint.Workload(new ResourceId("app", "App")),
                new Endpoint.Internet(),
                Protocol.TCP,
                PortRange.of(443));

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.reason()).contains("app-subnet");
  }
}
