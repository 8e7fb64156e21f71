package dev.netlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.model.Resource;
import dev.netlint.report.Format;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRunTest {

  @TempDir Path dir;

  /** Reports every VPC; fails on a template that holds a resource named {@code Boom}. */
  @RuleInfo(
      id = "NL999",
      name = "test-vpc",
      summary = "A VPC, for the test",
      severity = Severity.WARNING,
      resourceTypes = {"AWS::EC2::VPC"},
      source = "https://docs.aws.amazon.com/vpc/latest/userguide/what-is-amazon-vpc.html")
  static final class VpcOrBoom implements Rule {
    @Override
    public void check(RuleContext context) {
      for (Resource r : context.model().resources()) {
        if (r.logicalId().equals("Boom")) {
          throw new IllegalStateException("boom in " + r.id());
        }
      }
      for (Resource r : context.model().resourcesOfType("AWS::EC2::VPC")) {
        context.report(Severity.WARNING, r, r.origin(), "a VPC", null, java.util.Map.of());
      }
    }
  }

  private static final String VPC =
      """
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties: {CidrBlock: 10.0.0.0/16}
      """;

  private static final String BOOM = VPC + "  Boom:\n    Type: AWS::SNS::Topic\n";

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private CheckRun check(Rule... rules) {
    return CheckRun.withRules(List.of(rules));
  }

  @Test
  void aRuleThatFailsOnOneTemplateCostsOnlyThatTemplateAndTheReportIsWrittenFirst()
      throws IOException {
    Path good = write("good.yaml", VPC);
    Path bad = write("bad.yaml", BOOM);
    Path report = dir.resolve("out/report.json");

    CheckResult result =
        check(new VpcOrBoom())
            .run(
                new CheckRequest(
                    List.of(good, bad),
                    dir,
                    List.of(new ReportTarget.File(Format.JSON, report)),
                    Severity.ERROR,
                    "1.0"));

    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.INTERNAL_ERROR);
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.reportFailure()).isNull();
    assertThat(result.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.unit()).isEqualTo("bad.yaml");
              assertThat(f.ruleId()).isEqualTo("NL999");
              assertThat(f.error()).isInstanceOf(IllegalStateException.class);
            });
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    List<String> findings = new ArrayList<>();
    json.get("findings")
        .forEach(f -> findings.add(f.get("ruleId").asText() + " " + f.get("file").asText()));
    assertThat(findings).containsExactly("NL006 bad.yaml", "NL999 good.yaml");
    JsonNode internal = json.get("findings").get(0);
    assertThat(internal.get("message").asText())
        .contains("internal error", "java.lang.IllegalStateException", "NL999", "bad.yaml");
    assertThat(internal.get("severity").asText()).isEqualTo("error");
    List<String> rules = new ArrayList<>();
    json.get("rules").forEach(r -> rules.add(r.get("id").asText()));
    assertThat(rules).contains("NL006");
  }

  @Test
  void analysisHandsEachFailureToTheCallerAndKeepsTheOtherUnits() throws IOException {
    Path good = write("good.yaml", VPC);
    Path bad = write("bad.yaml", BOOM);
    List<AnalysisFailure> failures = new ArrayList<>();

    AnalysisResult result =
        Analysis.run(
            List.of(good, bad),
            List.of(new VpcOrBoom()),
            new AnalysisOptions(dir, Severity.INFO),
            failures::add);

    assertThat(failures).hasSize(1);
    assertThat(result.findings())
        .extracting(f -> f.ruleId() + " " + f.location().file())
        .containsExactly("NL006 bad.yaml", "NL999 good.yaml");
    assertThat(result.findings().get(0).properties()).containsKey("internalError");
  }

  @Test
  void withoutFailuresNl006IsNotAmongTheRules() throws IOException {
    Path good = write("good.yaml", VPC);

    AnalysisResult result =
        Analysis.run(
            List.of(good), List.of(new VpcOrBoom()), new AnalysisOptions(dir, Severity.INFO));

    assertThat(result.rules()).extracting(r -> r.id()).doesNotContain("NL006");
  }

  @Test
  void theOutcomeFollowsTheFailOnSeverityAndAQuietStreamStaysEmptyWhenItPasses()
      throws IOException {
    Path good = write("good.yaml", VPC);
    ByteArrayOutputStream quiet = new ByteArrayOutputStream();
    ByteArrayOutputStream loud = new ByteArrayOutputStream();
    List<ReportTarget> targets =
        List.of(
            new ReportTarget.Stream(Format.TEXT, quiet, true),
            new ReportTarget.Stream(Format.TEXT, loud, false));

    CheckResult onError =
        check(new VpcOrBoom())
            .run(new CheckRequest(List.of(good), dir, targets, Severity.ERROR, "1.0"));
    assertThat(onError.outcome()).isEqualTo(CheckResult.Outcome.PASSED);
    assertThat(onError.exitCode()).isZero();
    assertThat(quiet.size()).isZero();
    assertThat(loud.toString()).contains("NL999");

    loud.reset();
    CheckResult onWarning =
        check(new VpcOrBoom())
            .run(new CheckRequest(List.of(good), dir, targets, Severity.WARNING, "1.0"));
    assertThat(onWarning.outcome()).isEqualTo(CheckResult.Outcome.FINDINGS);
    assertThat(onWarning.exitCode()).isEqualTo(1);
    assertThat(quiet.toString()).isEqualTo(loud.toString()).contains("NL999");
  }

  @Test
  void unreadableInputBeatsFindingsAndNamesTheFile() throws IOException {
    Path good = write("good.yaml", VPC);
    Path broken = write("broken.yaml", "Resources: [unclosed");

    CheckResult result =
        check(new VpcOrBoom())
            .run(new CheckRequest(List.of(good, broken), dir, List.of(), Severity.WARNING, "1.0"));

    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.INPUT_ERRORS);
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.unreadableFiles()).containsExactly("broken.yaml");
  }

  @Test
  void aReportThatCannotBeWrittenIsReportedNotThrown() throws IOException {
    Path good = write("good.yaml", VPC);
    Path blocker = write("blocker", "x");
    ReportTarget target = new ReportTarget.File(Format.SARIF, blocker.resolve("netlint.sarif"));

    CheckResult result =
        check().run(new CheckRequest(List.of(good), dir, List.of(target), Severity.ERROR, "1.0"));

    assertThat(result.reportFailure()).isNotNull();
    assertThat(result.reportFailure().target()).isEqualTo(target);
    assertThat(result.exitCode()).isEqualTo(2);
  }
}
