package dev.netlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.Finding;
import dev.netlint.api.Fingerprint;
import dev.netlint.api.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines: written from a check, matched by fingerprint across moved lines. */
class BaselineTest {

  @TempDir Path dir;

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

  /** The same VPCs moved down by a comment and a new resource, plus VpcC. */
  private static final String MOVED_PLUS_ONE =
      """
      # a comment that moves every line
      Resources:
        VpcC:
          Type: AWS::EC2::VPC
          Properties: {CidrBlock: 10.2.0.0/16}
        VpcB:
          Type: AWS::EC2::VPC
          Properties: {CidrBlock: 10.1.0.0/16}
        VpcA:
          Type: AWS::EC2::VPC
          Properties: {CidrBlock: 10.0.0.0/16}
      """;

  private final CheckRun run = CheckRun.withRules(List.of(new SuppressionsTest.EveryVpc()));

  private CheckRequest request(Path template, Path baseline) {
    return new CheckRequest(List.of(template), dir, List.of(), Severity.WARNING, "test", baseline);
  }

  @Test
  void findingsInTheBaselineDoNotFailAndTheirFingerprintIgnoresLines() throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), TWO_VPCS);
    Path baseline = dir.resolve("netlint-baseline.json");
    run.writeBaseline(request(t, null), baseline);
    String written = Files.readString(baseline);
    assertThat(written)
        .startsWith("{\n  \"version\": 1,\n  \"findings\": [\n")
        .contains("\"VpcA\"");

    Files.writeString(t, MOVED_PLUS_ONE);
    CheckResult result = run.run(request(t, baseline));
    assertThat(result.analysis().findings()).extracting(Finding::logicalId).containsExactly("VpcC");
    assertThat(result.analysis().suppressed())
        .extracting(s -> s.finding().logicalId() + " " + s.justification())
        .containsExactly(
            "VpcB accepted in the baseline netlint-baseline.json",
            "VpcA accepted in the baseline netlint-baseline.json");
    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FINDINGS);
    assertThat(result.fixed()).isEmpty();

    Files.writeString(t, TWO_VPCS.replace("VpcA", "VpcZ"));
    CheckResult fixed = run.run(request(t, baseline));
    assertThat(fixed.fixed())
        .extracting(Baseline.Entry::describe)
        .containsExactly(fixedDescription());
    assertThat(fixed.analysis().findings()).extracting(Finding::logicalId).containsExactly("VpcZ");
  }

  private static String fixedDescription() {
    return "NL998 t/VpcA (t.yaml)";
  }

  @Test
  void writingTwiceGivesTheSameBytes() throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), TWO_VPCS);
    run.writeBaseline(request(t, null), dir.resolve("a.json"));
    run.writeBaseline(request(t, null), dir.resolve("b.json"));
    assertThat(Files.readAllBytes(dir.resolve("a.json")))
        .isEqualTo(Files.readAllBytes(dir.resolve("b.json")));
  }

  @Test
  void anUnreadableBaselineIsAnErrorFinding() throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), TWO_VPCS);
    Path baseline = Files.writeString(dir.resolve("b.json"), "{\"version\": 7}");
    CheckResult result = run.run(request(t, baseline));
    assertThat(result.analysis().findings())
        .filteredOn(f -> f.ruleId().equals("NL005"))
        .extracting(Finding::message)
        .containsExactly(
            "cannot read the baseline b.json: b.json is not a netlint baseline (version 1)");
  }

  @Test
  void fingerprintNamesRuleStackResourceAndElementNotTheLine() {
    Finding a = finding(3, "3", "Sg");
    assertThat(Fingerprint.of(a)).matches("[0-9a-f]{32}");
    assertThat(Fingerprint.of(finding(40, "9", "Sg"))).isEqualTo(Fingerprint.of(a));
    assertThat(Fingerprint.of(finding(3, "3", "OtherSg"))).isNotEqualTo(Fingerprint.of(a));
  }

  private static Finding finding(int line, String scriptLine, String logicalId) {
    return new Finding(
        "NL101",
        Severity.ERROR,
        "message " + line,
        null,
        new dev.netlint.model.SourceLocation("t.yaml", line, 5),
        List.of("Resources", logicalId, "Properties", "UserData"),
        "t",
        logicalId,
        "AWS::EC2::Instance",
        null,
        java.util.Map.of("scriptLine", scriptLine, "interface", "eth0"));
  }
}
