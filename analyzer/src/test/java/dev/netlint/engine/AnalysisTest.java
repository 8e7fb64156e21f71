package dev.netlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisTest {

  @TempDir Path dir;

  private AnalysisResult analyze(String name, String yaml) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, yaml);
    return Analysis.run(List.of(f), List.of(), new AnalysisOptions(dir, Severity.INFO));
  }

  @Test
  void getAttOfAnAttributeTheSchemaLacksIsAnInputFinding() throws IOException {
    AnalysisResult r =
        analyze(
            "t.yaml",
            """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              Sg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: x
                  VpcId: !Ref Vpc
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: !GetAtt Vpc.CidrBlok
            """);
    assertThat(r.findings())
        .extracting(Finding::ruleId, f -> f.location().line())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("NL003", 15));
    assertThat(r.findings().get(0).message()).contains("AWS::EC2::VPC has no attribute CidrBlok");
  }

  @Test
  void aBrokenFileIsReportedAndTheOthersAreStillAnalyzed() throws IOException {
    Files.writeString(dir.resolve("broken.yaml"), "Resources:\n  A: [1, 2\n");
    Files.writeString(
        dir.resolve("ok.yaml"),
        "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !GetAtt Nope.X\n");
    AnalysisResult r =
        Analysis.run(List.of(dir), List.of(), new AnalysisOptions(dir, Severity.INFO));
    assertThat(r.inputErrors()).isTrue();
    assertThat(r.findings())
        .extracting(f -> f.location().file() + " " + f.ruleId())
        .contains("broken.yaml NL001", "ok.yaml NL003");
  }

  @Test
  void sameInputSameResult() throws IOException {
    Path f = dir.resolve("t.yaml");
    Files.writeString(
        f, "Resources:\n  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      Foo: 1\n");
    AnalysisResult a = Analysis.run(List.of(f), List.of(), new AnalysisOptions(dir, Severity.INFO));
    AnalysisResult b = Analysis.run(List.of(f), List.of(), new AnalysisOptions(dir, Severity.INFO));
    assertThat(a).isEqualTo(b);
    assertThat(a.findings()).isNotEmpty();
  }

  /** Issue 11, defect 1: this valid template made check and flows exit 3. */
  @Test
  void aCacheClusterWhoseEngineIsAParameterWithoutDefaultIsAnalyzed() throws IOException {
    AnalysisResult r =
        analyze(
            "cache.yaml",
            """
            Parameters:
              CacheEngine:
                Type: String
            Resources:
              Cache:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  Engine: !Ref CacheEngine
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
              Bare:
                Type: AWS::ElastiCache::CacheCluster
            """);
    assertThat(r.inputErrors()).isFalse();
    assertThat(r.files()).containsExactly("cache.yaml");
    assertThat(r.findings()).extracting(Finding::message).noneMatch(m -> m.contains("internal"));
  }
}
