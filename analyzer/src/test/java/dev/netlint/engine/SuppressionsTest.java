package dev.netlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.api.Suppressed;
import dev.netlint.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppressions, rule switches, severities and exclusions, through the whole analysis. */
class SuppressionsTest {

  @TempDir Path dir;

  /** Reports every VPC; renamed from NL990. */
  @RuleInfo(
      id = "NL998",
      name = "test-vpc",
      summary = "A VPC, for the test",
      severity = Severity.WARNING,
      resourceTypes = {"AWS::EC2::VPC"},
      source = "https://docs.aws.amazon.com/vpc/latest/userguide/what-is-amazon-vpc.html",
      aliases = {"NL990"})
  static final class EveryVpc implements Rule {
    @Override
    public void check(RuleContext context) {
      for (Resource r : context.model().resourcesOfType("AWS::EC2::VPC")) {
        context.report(r, r.origin(), "a VPC", null);
      }
    }
  }

  private static final String TWO_VPCS =
      """
      Resources:
        VpcA:
          Type: AWS::EC2::VPC
          Properties: {CidrBlock: 10.0.0.0/16}
        VpcB:
          Type: AWS::EC2::VPC
          Properties: {CidrBlock: 10.1.0.0/16}
      """;

  private AnalysisResult analyze(String config, String... templates) throws IOException {
    if (config != null) {
      Files.writeString(dir.resolve(".netlint.yaml"), config);
    }
    for (int i = 0; i < templates.length; i += 2) {
      Path file = dir.resolve(templates[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, templates[i + 1]);
    }
    return Analysis.run(
        List.of(dir), List.of(new EveryVpc()), new AnalysisOptions(dir, Severity.INFO));
  }

  private static List<String> found(AnalysisResult r) {
    return r.findings().stream()
        .map(
            f -> f.ruleId() + " " + f.severity().label() + " " + f.location() + " " + f.logicalId())
        .toList();
  }

  private static List<String> suppressed(AnalysisResult r) {
    return r.suppressed().stream()
        .map(s -> s.finding().logicalId() + " " + s.kind().sarifKind() + " " + s.justification())
        .toList();
  }

  @Test
  void configSuppressionByOldRuleIdAndLogicalId() throws IOException {
    AnalysisResult r =
        analyze(
            "suppress:\n  - rule: NL990\n    reason: legacy VPC\n    resource: VpcA\n",
            "t.yaml",
            TWO_VPCS);
    assertThat(found(r)).containsExactly("NL998 warning t.yaml:5:3 VpcB");
    assertThat(suppressed(r)).containsExactly("VpcA external legacy VPC");
    assertThat(r.suppressed().get(0).suppressedAt().toString()).isEqualTo(".netlint.yaml:2:5");
    assertThat(r.rules()).extracting(RuleDescriptor::id).contains("NL007", "NL008");
  }

  @Test
  void resourceIsAGlobOverStackAndLogicalIdAndFileIsAGlob() throws IOException {
    AnalysisResult r =
        analyze(
            """
            suppress:
              - {rule: NL998, reason: all VPCs of t, resource: "t/Vpc*"}
              - {rule: NL998, reason: sandbox, file: "sandbox/**"}
            """,
            "t.yaml",
            TWO_VPCS,
            "u.yaml",
            TWO_VPCS,
            "sandbox/deep/v.yaml",
            TWO_VPCS);
    assertThat(found(r))
        .containsExactly("NL998 warning u.yaml:2:3 VpcA", "NL998 warning u.yaml:5:3 VpcB");
    assertThat(suppressed(r))
        .containsExactly(
            "VpcA external sandbox",
            "VpcB external sandbox",
            "VpcA external all VPCs of t",
            "VpcB external all VPCs of t");
  }

  @Test
  void metadataSuppressionAppliesToItsOwnResourceOnly() throws IOException {
    AnalysisResult r =
        analyze(
            null,
            "t.yaml",
            """
            Resources:
              VpcA:
                Type: AWS::EC2::VPC
                Metadata:
                  netlint:
                    suppress:
                      - rule: NL998
                        reason: shared services VPC
                Properties: {CidrBlock: 10.0.0.0/16}
              VpcB:
                Type: AWS::EC2::VPC
                Properties: {CidrBlock: 10.1.0.0/16}
            """);
    assertThat(found(r)).containsExactly("NL998 warning t.yaml:10:3 VpcB");
    assertThat(suppressed(r)).containsExactly("VpcA inSource shared services VPC");
    assertThat(r.suppressed().get(0).kind()).isEqualTo(Suppressed.Kind.IN_SOURCE);
  }

  @Test
  void reasonlessAndUnusedConfigSuppressionsAreFindingsAndSuppressNothing() throws IOException {
    AnalysisResult r =
        analyze(
            """
            suppress:
              - rule: NL998
                resource: VpcA
              - rule: NL301
                reason: no security groups here
              - reason: no rule
            """,
            "t.yaml",
            TWO_VPCS);
    assertThat(found(r))
        .containsExactly(
            "NL007 warning .netlint.yaml:2:5 null",
            "NL008 info .netlint.yaml:4:5 null",
            "NL007 warning .netlint.yaml:6:5 null",
            "NL998 warning t.yaml:2:3 VpcA",
            "NL998 warning t.yaml:5:3 VpcB");
    assertThat(r.suppressed()).isEmpty();
  }

  @Test
  void rulesOffSeverityAndExclude() throws IOException {
    String twoFiles = "legacy/old.yaml";
    AnalysisResult r =
        analyze(
            "severity:\n  NL990: error\nexclude:\n  - \"legacy/**\"\n",
            "t.yaml",
            TWO_VPCS,
            twoFiles,
            TWO_VPCS);
    assertThat(found(r))
        .containsExactly("NL998 error t.yaml:2:3 VpcA", "NL998 error t.yaml:5:3 VpcB");
    AnalysisResult off = analyze("rules:\n  NL998: off\n", "t.yaml", TWO_VPCS);
    assertThat(off.findings()).isEmpty();
    assertThat(off.suppressed()).isEmpty();
  }

  @Test
  void malformedPolicyIsNl005AndFlowsKeyStillWorks() throws IOException {
    AnalysisResult r =
        analyze(
            """
            flows: []
            suppress:
              - {rule: NL998, reason: x, resources: VpcA}
            severity:
              NL998: loud
            """,
            "t.yaml",
            TWO_VPCS);
    assertThat(found(r))
        .contains("NL005 error .netlint.yaml:3:30 null", "NL005 error .netlint.yaml:5:10 null");
    assertThat(r.findings())
        .extracting(Finding::message)
        .noneMatch(
            m -> m.contains("unknown key 'suppress'") || m.contains("unknown key 'severity'"));
  }

  @Test
  void withoutSuppressionsTheRulesListIsUnchanged() throws IOException {
    AnalysisResult r = analyze(null, "t.yaml", TWO_VPCS);
    assertThat(r.rules()).extracting(RuleDescriptor::id).doesNotContain("NL007", "NL008");
    assertThat(r.suppressed()).isEmpty();
    assertThat(r.findings()).hasSize(2);
  }

  @Test
  void suppressedFindingsDoNotFailTheCheck() throws IOException {
    Files.writeString(
        dir.resolve(".netlint.yaml"),
        "suppress:\n  - {rule: NL998, reason: both VPCs are accepted}\n");
    Path t = Files.writeString(dir.resolve("t.yaml"), TWO_VPCS);
    CheckResult result =
        CheckRun.withRules(List.of(new EveryVpc()))
            .run(new CheckRequest(List.of(t), dir, List.of(), Severity.WARNING, "test"));
    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASSED);
    assertThat(result.analysis().suppressed()).hasSize(2);
    assertThat(Map.of("n", result.analysis().findings().size())).containsEntry("n", 0);
  }
}
