package dev.netlint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.engine.AnalysisFailure;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.model.SourceLocation;
import dev.netlint.report.Format;
import dev.netlint.report.Reports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckTest {
  @TempDir Path project;
  private final CapturingLog log = new CapturingLog();
  private @Nullable AnalysisOptions seenOptions;
  private final List<List<Path>> seenInputs = new ArrayList<>();

  private Check check(AnalysisResult result) {
    return new Check(
        (inputs, options, failures) -> {
          seenInputs.add(inputs);
          seenOptions = options;
          return result;
        },
        log,
        "9.9.9");
  }

  private static AnalysisResult result(boolean inputErrors, Finding... findings) {
    return new AnalysisResult(
        List.of(findings), List.of(), List.of("src/main/cloudformation/nat.yaml"), inputErrors);
  }

  private static Finding finding(String ruleId, Severity severity, int line) {
    return new Finding(
        ruleId,
        severity,
        "iptables names eth0",
        "Find the interface at run time.",
        new SourceLocation("src/main/cloudformation/nat.yaml", line, 7),
        List.of("Resources", "NatInstance", "Properties", "UserData"),
        "nat",
        "NatInstance",
        "AWS::EC2::Instance",
        null,
        Map.of());
  }

  private static String report(Format format, AnalysisResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Reports.write(format, result, "9.9.9", out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private Path input() {
    return project.resolve("src/main/cloudformation");
  }

  @Test
  void cleanResultPassesWritesEveryReportAndLogsASummary() throws Exception {
    AnalysisResult clean = result(false);
    Path output = project.resolve("target/netlint");

    check(clean).run(List.of(input()), project, List.of(Format.values()), output, Severity.ERROR);

    assertThat(output.resolve("netlint.txt")).hasContent(report(Format.TEXT, clean));
    assertThat(output.resolve("netlint.json")).hasContent(report(Format.JSON, clean));
    assertThat(output.resolve("netlint.sarif")).hasContent(report(Format.SARIF, clean));
    assertThat(output.resolve("netlint-junit.xml")).hasContent(report(Format.JUNIT, clean));
    assertThat(log.lines)
        .containsExactly("INFO netlint: 0 findings in 1 file; reports in target/netlint");
    assertThat(seenInputs).containsExactly(List.of(input()));
    assertThat(seenOptions).isEqualTo(new AnalysisOptions(project, Severity.INFO));
  }

  @Test
  void findingAtTheFailLevelFailsTheBuildAndIsLoggedAtItsSeverity() {
    AnalysisResult found =
        result(
            false, finding("NL101", Severity.ERROR, 120), finding("NL201", Severity.WARNING, 90));

    assertThatThrownBy(
            () ->
                check(found)
                    .run(
                        List.of(input()),
                        project,
                        List.of(Format.TEXT),
                        project.resolve("target/netlint"),
                        Severity.ERROR))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "netlint found 1 finding at or above error:"
                + System.lineSeparator()
                + "  src/main/cloudformation/nat.yaml:120:7 NL101 error nat/NatInstance:"
                + " iptables names eth0");
    assertThat(log.lines)
        .containsExactly(
            "ERROR src/main/cloudformation/nat.yaml:120:7 NL101 error nat/NatInstance: iptables"
                + " names eth0"
                + System.lineSeparator()
                + "    fix: Find the interface at run time.",
            "WARN src/main/cloudformation/nat.yaml:90:7 NL201 warning nat/NatInstance: iptables"
                + " names eth0"
                + System.lineSeparator()
                + "    fix: Find the interface at run time.",
            "INFO netlint: 2 findings (1 error, 1 warning, 0 info) in 1 file;"
                + " reports in target/netlint");
    assertThat(project.resolve("target/netlint/netlint.txt")).exists();
  }

  @Test
  void findingBelowTheFailLevelPasses() throws Exception {
    AnalysisResult found = result(false, finding("NL201", Severity.WARNING, 90));

    check(found).run(List.of(input()), project, List.of(), project.resolve("out"), Severity.ERROR);

    assertThat(log.lines).hasSize(2);
    assertThat(log.lines.get(0)).startsWith("WARN ");
    assertThat(log.lines.get(1))
        .isEqualTo("INFO netlint: 1 finding (0 error, 1 warning, 0 info) in 1 file");
    assertThat(project.resolve("out")).doesNotExist();
  }

  @Test
  void failOnWarningFailsOnAWarning() {
    AnalysisResult found = result(false, finding("NL201", Severity.WARNING, 90));

    assertThatThrownBy(
            () -> check(found).run(List.of(input()), project, List.of(), project, Severity.WARNING))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("netlint found 1 finding at or above warning:");
  }

  @Test
  void failureMessageListsOnlyTheFirstFindings() {
    Finding[] many = new Finding[Check.FINDINGS_IN_FAILURE_MESSAGE + 3];
    for (int i = 0; i < many.length; i++) {
      many[i] = finding("NL101", Severity.ERROR, i + 1);
    }

    String message = Check.failureMessage(result(false, many), Severity.ERROR);

    assertThat(message).startsWith("netlint found 13 findings at or above error:");
    assertThat(message.lines().filter(l -> l.contains("NL101"))).hasSize(10);
    assertThat(message).endsWith("... and 3 more (see the log above and the reports)");
  }

  @Test
  void inputErrorsAreAnExecutionErrorNamingTheFiles() {
    Finding unreadable =
        new Finding(
            "NL001",
            Severity.ERROR,
            "not valid YAML",
            null,
            SourceLocation.ofFile("src/main/cloudformation/broken.yaml"),
            List.of(),
            null,
            null,
            null,
            null,
            Map.of());

    assertThatThrownBy(
            () ->
                check(result(true, unreadable))
                    .run(List.of(input()), project, List.of(), project, Severity.ERROR))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "netlint could not read some input: src/main/cloudformation/broken.yaml (NL001)");
    assertThat(log.lines.get(0))
        .isEqualTo("ERROR src/main/cloudformation/broken.yaml NL001 error: not valid YAML");
  }

  @Test
  void unexpectedExceptionIsAnExecutionErrorAskingForAReport() {
    Check check =
        new Check(
            (inputs, options, failures) -> {
              throw new IllegalStateException("boom");
            },
            log,
            "9.9.9");

    assertThatThrownBy(
            () -> check.run(List.of(input()), project, List.of(), project, Severity.ERROR))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("java.lang.IllegalStateException: boom")
        .hasMessageContaining("please report")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void failingOnOneInputWritesTheReportsThenIsAnExecutionError() {
    AnalysisResult found = result(false, finding("NL101", Severity.ERROR, 120));
    IllegalStateException boom = new IllegalStateException("boom");
    Check check =
        new Check(
            (inputs, options, failures) -> {
              failures.accept(
                  new AnalysisFailure("src/main/cloudformation/other.yaml", "NL402", boom));
              return found;
            },
            log,
            "9.9.9");
    Path output = project.resolve("target/netlint");

    assertThatThrownBy(
            () ->
                check.run(List.of(input()), project, List.of(Format.JSON), output, Severity.ERROR))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith(
            "netlint failed unexpectedly on src/main/cloudformation/other.yaml (rule NL402):"
                + " java.lang.IllegalStateException: boom")
        .hasMessageContaining("please report")
        .hasCause(boom);
    assertThat(output.resolve("netlint.json")).exists();
    assertThat(log.lines.get(0)).startsWith("ERROR src/main/cloudformation/nat.yaml:120:7 NL101");
  }

  @Test
  void unwritableReportIsAnExecutionError() throws IOException {
    Path blocker = Files.writeString(project.resolve("blocker"), "x");

    assertThatThrownBy(
            () ->
                check(result(false))
                    .run(List.of(input()), project, List.of(Format.SARIF), blocker, Severity.ERROR))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("cannot write");
  }

  @Test
  void everyFormatHasItsOwnFileName() {
    assertThat(List.of(Format.values()).stream().map(Check::fileName))
        .containsExactly("netlint.txt", "netlint.json", "netlint.sarif", "netlint-junit.xml");
  }
}
