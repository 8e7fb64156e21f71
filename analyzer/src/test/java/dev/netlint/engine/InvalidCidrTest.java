package dev.netlint.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.model.SecurityGroup;
import dev.netlint.model.SecurityGroupRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CIDR that is not one is an input finding like any other bad value, never an internal error:
 * issue 11, defect 2 ({@code CidrIpv6: "::-1/0"} was read as an IPv6 group of -1 and ended netlint
 * with exit 3).
 */
class InvalidCidrTest {

  private static final String TEMPLATE =
      """
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties:
            CidrBlock: 10.0.0.0/16
        Subnet:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: 10.0.0.0/24
        Sg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: x
            VpcId: !Ref Vpc
            SecurityGroupIngress:
              - IpProtocol: tcp
                FromPort: 443
                ToPort: 443
                CidrIpv6: "::-1/0"
        SgIngress:
          Type: AWS::EC2::SecurityGroupIngress
          Properties:
            GroupId: !Ref Sg
            IpProtocol: tcp
            FromPort: 22
            ToPort: 22
            CidrIpv6: "::-1/0"
        Host:
          Type: AWS::EC2::Instance
          Properties:
            ImageId: ami-12345678
            SubnetId: !Ref Subnet
            SecurityGroupIds: [!Ref Sg]
      """;

  @TempDir Path dir;
  private Path template;

  @BeforeEach
  void write() throws IOException {
    template = dir.resolve("t.yaml");
    Files.writeString(template, TEMPLATE);
  }

  @Test
  void checkReportsTheValueAndGoesOn() {
    AnalysisResult r =
        Analysis.run(List.of(template), List.of(), new AnalysisOptions(dir, Severity.INFO));

    assertThat(r.inputErrors()).isFalse();
    assertThat(r.findings())
        .extracting(Finding::ruleId, f -> f.location().line())
        .containsExactly(tuple("NL002", 20), tuple("NL002", 28));
    assertThat(r.findings())
        .allSatisfy(f -> assertThat(f.message()).contains("'::-1/0' is not a valid ipv6-network"));
  }

  @Test
  void theRuleKeepsItsTextAndHasNoPrefix() {
    Exploration e = Analysis.explore(List.of(template), new AnalysisOptions(dir, Severity.INFO));

    assertThat(e.findings()).isEmpty();
    SecurityGroup sg =
        e.networks().get(0).model().securityGroups().stream()
            .filter(g -> g.resource().id().logicalId().equals("Sg"))
            .findFirst()
            .orElseThrow();
    assertThat(sg.ingress())
        .extracting(SecurityGroupRule::peer)
        .hasSize(2)
        .allSatisfy(
            p -> {
              assertThat(p).isInstanceOf(SecurityGroupRule.Peer.CidrBlock.class);
              SecurityGroupRule.Peer.CidrBlock block = (SecurityGroupRule.Peer.CidrBlock) p;
              assertThat(block.value().literal()).hasValue("::-1/0");
              assertThat(block.cidr()).isNull();
            });
  }
}
