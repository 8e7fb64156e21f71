package dev.netlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.engine.Analysis;
import dev.netlint.engine.AnalysisFailure;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.engine.Exploration;
import dev.netlint.model.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netlint check} when a rule fails on one template: the others' findings are reported. */
class CrashingRuleTest {
  @TempDir Path dir;
  private Path good;
  private Path bad;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Reports every VPC; throws on a template holding a resource named {@code Boom}. */
  @RuleInfo(
      id = "NL999",
      name = "test-vpc",
      summary = "A VPC, for the test",
      severity = Severity.ERROR,
      resourceTypes = {"AWS::EC2::VPC"},
      source = "https://docs.aws.amazon.com/vpc/latest/userguide/what-is-amazon-vpc.html")
  static final class VpcOrBoom implements Rule {
    @Override
    public void check(RuleContext context) {
      if (context.model().resources().stream().anyMatch(r -> r.logicalId().equals("Boom"))) {
        throw new IllegalStateException("boom");
      }
      for (Resource r : context.model().resourcesOfType("AWS::EC2::VPC")) {
        context.report(Severity.ERROR, r, r.origin(), "a VPC", null, Map.of());
      }
    }
  }

  /** The real analysis with the rule above. */
  private static final Engine ENGINE =
      new Engine() {
        @Override
        public AnalysisResult analyze(
            List<Path> inputs, AnalysisOptions options, Consumer<AnalysisFailure> failures) {
          return Analysis.run(inputs, List.of(new VpcOrBoom()), options, failures);
        }

        @Override
        public Exploration explore(List<Path> inputs, AnalysisOptions options) {
          return Analysis.explore(inputs, options);
        }

        @Override
        public List<RuleDescriptor> rules() {
          return List.of(RuleDescriptor.of(VpcOrBoom.class));
        }
      };

  private static final String VPC =
      "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n";

  @BeforeEach
  void writeTemplates() throws IOException {
    good = Files.writeString(dir.resolve("good.yaml"), VPC);
    bad = Files.writeString(dir.resolve("bad.yaml"), VPC + "  Boom:\n    Type: AWS::SNS::Topic\n");
  }

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        ENGINE);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theOtherTemplatesFindingIsInTheWrittenReportAndTheExitCodeIsThree() throws IOException {
    Path report = dir.resolve("netlint.json");

    int code =
        run(
            "check",
            "--base-dir",
            dir.toString(),
            "--format",
            "json",
            "--output",
            report.toString(),
            good.toString(),
            bad.toString());

    assertThat(code).isEqualTo(ExitCode.INTERNAL);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    List<String> findings = new ArrayList<>();
    json.get("findings")
        .forEach(f -> findings.add(f.get("ruleId").asText() + " " + f.get("file").asText()));
    assertThat(findings).containsExactly("NL006 bad.yaml", "NL999 good.yaml");
    assertThat(json.get("findings").get(0).get("message").asText())
        .contains("internal error", "java.lang.IllegalStateException", "bad.yaml");
    assertThat(err())
        .contains(
            "netlint: internal error while analyzing bad.yaml (rule NL999):"
                + " java.lang.IllegalStateException: boom",
            "run again with --debug for the stack trace")
        .doesNotContain("\tat ");
  }

  @Test
  void theTextReportOnTheTerminalHoldsTheOtherTemplatesFinding() {
    int code = run("check", "--base-dir", dir.toString(), good.toString(), bad.toString());

    assertThat(code).isEqualTo(ExitCode.INTERNAL);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("NL999", "good.yaml", "NL006");
  }

  @Test
  void debugBeforeOrAfterTheCommandPrintsTheStackTrace() {
    for (String[] args :
        List.of(
            new String[] {"--debug", "check", "--base-dir", dir.toString(), bad.toString()},
            new String[] {"check", "--debug", "--base-dir", dir.toString(), bad.toString()})) {
      err.reset();
      assertThat(run(args)).isEqualTo(ExitCode.INTERNAL);
      assertThat(err()).contains("java.lang.IllegalStateException: boom", "\tat ");
    }
  }
}
