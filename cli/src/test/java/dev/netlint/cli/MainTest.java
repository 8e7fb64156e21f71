package dev.netlint.cli;

import static dev.netlint.cli.FakeEngine.finding;
import static dev.netlint.cli.FakeEngine.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Severity;
import dev.netlint.report.Format;
import dev.netlint.report.Reports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {
  @TempDir Path dir;
  private Path template;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void writeTemplate() throws IOException {
    template = Files.writeString(dir.resolve("network.yaml"), "Resources: {}\n");
  }

  private int run(Engine engine, String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        engine);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static String report(Format format, AnalysisResult result) throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    Reports.write(format, result, Version.current(), expected);
    return expected.toString(StandardCharsets.UTF_8);
  }

  @Test
  void versionComesFromTheBuildNotAPlaceholder() {
    int code = run(FakeEngine.returning(result(false)), "--version");

    assertThat(code).isZero();
    assertThat(out())
        .matches("netlint \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{40}|unknown)\\)\\R");
    assertThat(Version.current()).doesNotContain("${");
    assertThat(Version.commit()).doesNotContain("${");
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    int code = run(FakeEngine.returning(result(false)), "--help");

    assertThat(code).isZero();
    assertThat(out()).contains("check", "rules", "Exit codes:", "internal error");
  }

  @Test
  void noCommandIsAUsageError() {
    int code = run(FakeEngine.returning(result(false)));

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("a command is required");
  }

  @Test
  void unknownCommandIsAUsageError() {
    int code = run(FakeEngine.returning(result(false)), "lint", template.toString());

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("lint").contains("Try 'netlint --help'");
  }

  @Test
  void checkWithoutPathIsAUsageError() {
    FakeEngine engine = FakeEngine.returning(result(false));

    int code = run(engine, "check");

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("PATH").contains("Try 'netlint check --help'");
    assertThat(engine.inputs).isEmpty();
  }

  @Test
  void cleanResultExitsZeroAndPrintsTheTextReport() throws IOException {
    AnalysisResult clean = result(false);

    int code = run(FakeEngine.returning(clean), "check", template.toString());

    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(out()).isEqualTo(report(Format.TEXT, clean)).isNotEmpty();
    assertThat(err()).isEmpty();
  }

  @ParameterizedTest(name = "{0} finding, --fail-on {1} -> exit {2}")
  @CsvSource({
    "ERROR,   error,   1",
    "WARNING, error,   0",
    "WARNING, warning, 1",
    "INFO,    warning, 0",
    "INFO,    info,    1",
    "ERROR,   info,    1",
  })
  void exitCodeFollowsTheFailOnSeverity(Severity severity, String failOn, int expected) {
    AnalysisResult found = result(false, finding("NL101", severity, "network.yaml"));

    int code = run(FakeEngine.returning(found), "check", "--fail-on", failOn, template.toString());

    assertThat(code).isEqualTo(expected);
  }

  @Test
  void failOnDefaultsToError() {
    FakeEngine engine =
        FakeEngine.returning(result(false, finding("NL201", Severity.WARNING, "network.yaml")));

    assertThat(run(engine, "check", template.toString())).isEqualTo(ExitCode.OK);
  }

  @Test
  void inputErrorsExitTwoEvenWithFindingsAndNameTheFile() {
    AnalysisResult broken =
        result(
            true,
            finding("NL001", Severity.ERROR, "broken.yaml"),
            finding("NL101", Severity.ERROR, "network.yaml"));

    int code = run(FakeEngine.returning(broken), "check", template.toString());

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("some input could not be read: broken.yaml");
    assertThat(out()).contains("NL001");
  }

  @Test
  void missingPathExitsTwoWithoutRunningTheAnalysis() {
    FakeEngine engine = FakeEngine.returning(result(false));

    int code = run(engine, "check", template.toString(), dir.resolve("nope.yaml").toString());

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("nope.yaml: no such file or directory");
    assertThat(err()).doesNotContain("network.yaml");
    assertThat(engine.inputs).isEmpty();
  }

  @Test
  void baseDirThatIsNotADirectoryIsAUsageError() {
    FakeEngine engine = FakeEngine.returning(result(false));

    int code = run(engine, "check", "--base-dir", template.toString(), template.toString());

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("--base-dir").contains("not a directory");
    assertThat(engine.inputs).isEmpty();
  }

  @Test
  void unexpectedExceptionExitsThreeWithoutAStackTrace() {
    int code =
        run(FakeEngine.throwing(new IllegalStateException("boom")), "check", template.toString());

    assertThat(code).isEqualTo(ExitCode.INTERNAL);
    assertThat(err())
        .contains("internal error: java.lang.IllegalStateException: boom")
        .contains("please report")
        .contains("--debug")
        .doesNotContain("\tat ");
    assertThat(out()).isEmpty();
  }

  @Test
  void debugPrintsTheStackTraceBeforeOrAfterTheCommand() {
    for (String[] args :
        List.of(
            new String[] {"check", "--debug", template.toString()},
            new String[] {"--debug", "check", template.toString()})) {
      err.reset();

      int code = run(FakeEngine.throwing(new IllegalStateException("boom")), args);

      assertThat(code).isEqualTo(ExitCode.INTERNAL);
      assertThat(err()).contains("please report").contains("\tat dev.netlint.cli.");
    }
  }

  @Test
  void unknownFormatIsAUsageErrorThatListsTheFormats() {
    FakeEngine engine = FakeEngine.returning(result(false));

    int code = run(engine, "check", "--format", "xml", template.toString());

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err())
        .contains("--format")
        .contains("unknown format 'xml'")
        .contains("text, json, sarif or junit");
    assertThat(engine.inputs).isEmpty();
  }

  @Test
  void unknownSeverityIsAUsageError() {
    int code =
        run(
            FakeEngine.returning(result(false)),
            "check",
            "--fail-on",
            "fatal",
            template.toString());

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("unknown severity 'fatal'");
  }

  @Test
  void formatGivenTwiceIsAUsageError() {
    int code =
        run(
            FakeEngine.returning(result(false)),
            "check",
            "--format",
            "json",
            "--format",
            "sarif",
            template.toString());

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("--format");
  }

  @Test
  void formatsAreCaseInsensitive() throws IOException {
    AnalysisResult clean = result(false);

    int code = run(FakeEngine.returning(clean), "check", "-f", "SARIF", template.toString());

    assertThat(code).isZero();
    assertThat(out()).isEqualTo(report(Format.SARIF, clean));
  }

  @Test
  void outputFileGetsTheReportAndStdoutStaysEmpty() throws IOException {
    AnalysisResult found = result(false, finding("NL101", Severity.ERROR, "network.yaml"));
    Path file = dir.resolve("reports/sub/netlint.json");

    int code =
        run(
            FakeEngine.returning(found),
            "check",
            "--format",
            "json",
            "--output",
            file.toString(),
            template.toString());

    assertThat(code).isEqualTo(ExitCode.FINDINGS);
    assertThat(file).hasContent(report(Format.JSON, found));
    assertThat(out()).isEmpty();
    assertThat(err())
        .isEqualTo(
            "netlint: 1 finding (1 error, 0 warning, 0 info) in 2 files; report written to "
                + file
                + System.lineSeparator());
  }

  @Test
  void unwritableOutputIsAnError() throws IOException {
    Path blocker = Files.writeString(dir.resolve("file"), "x");

    int code =
        run(
            FakeEngine.returning(result(false)),
            "check",
            "--output",
            blocker.resolve("report.txt").toString(),
            template.toString());

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("cannot write");
  }

  @Test
  void quietPrintsNothingWhenTheCheckPasses() {
    AnalysisResult warningOnly = result(false, finding("NL201", Severity.WARNING, "network.yaml"));

    int code =
        run(FakeEngine.returning(warningOnly), "check", "-q", "-f", "json", template.toString());

    assertThat(code).isZero();
    assertThat(out()).isEmpty();
    assertThat(err()).isEmpty();
  }

  @Test
  void quietStillPrintsTheReportWhenTheCheckFails() throws IOException {
    AnalysisResult found = result(false, finding("NL101", Severity.ERROR, "network.yaml"));

    int code = run(FakeEngine.returning(found), "check", "--quiet", template.toString());

    assertThat(code).isEqualTo(ExitCode.FINDINGS);
    assertThat(out()).isEqualTo(report(Format.TEXT, found));
    assertThat(err()).isEmpty();
  }

  @Test
  void quietStillWritesTheOutputFile() throws IOException {
    AnalysisResult clean = result(false);
    Path file = dir.resolve("netlint.sarif");

    int code =
        run(
            FakeEngine.returning(clean),
            "check",
            "-q",
            "-f",
            "sarif",
            "-o",
            file.toString(),
            template.toString());

    assertThat(code).isZero();
    assertThat(file).hasContent(report(Format.SARIF, clean));
    assertThat(err()).isEmpty();
  }

  @Test
  void machineReadableReportOnStdoutGetsASummaryOnStderr() {
    int code = run(FakeEngine.returning(result(false)), "check", "-f", "json", template.toString());

    assertThat(code).isZero();
    assertThat(err()).isEqualTo("netlint: 0 findings in 2 files" + System.lineSeparator());
  }

  @Test
  void pathsAreResolvedAgainstTheWorkingDirectoryWhichIsTheDefaultBaseDir() {
    FakeEngine engine = FakeEngine.returning(result(false));
    Path cwd = Path.of("").toAbsolutePath();

    int code = run(engine, "check", "pom.xml", template.toString());

    assertThat(code).isZero();
    assertThat(engine.inputs).containsExactly(List.of(cwd.resolve("pom.xml"), template));
    assertThat(engine.options).isNotNull();
    assertThat(engine.options.baseDirectory()).isEqualTo(cwd);
    assertThat(engine.options.minimumSeverity()).isEqualTo(Severity.INFO);
  }

  @Test
  void baseDirOptionIsPassedToTheAnalysis() {
    FakeEngine engine = FakeEngine.returning(result(false));

    int code = run(engine, "check", "--base-dir", dir.toString(), template.toString());

    assertThat(code).isZero();
    assertThat(engine.options).isNotNull();
    assertThat(engine.options.baseDirectory()).isEqualTo(dir);
  }

  @Test
  void rulesAreListedSortedWithAlignedColumns() {
    FakeEngine engine =
        FakeEngine.withRules(
            FakeEngine.rule("NL201", "open-egress", Severity.WARNING),
            FakeEngine.rule("NL101", "hardcoded-interface-name", Severity.ERROR));

    int code = run(engine, "rules");

    assertThat(code).isZero();
    assertThat(out().lines())
        .containsExactly(
            "ID     SEVERITY  NAME                      SUMMARY",
            "NL101  error     hardcoded-interface-name  Summary of hardcoded-interface-name",
            "NL201  warning   open-egress               Summary of open-egress");
  }

  @Test
  void builtInRulesIncludeTheInputRules() {
    int code = Main.run(new String[] {"rules"}, new PrintStream(out, true), new PrintStream(err));

    assertThat(code).isZero();
    assertThat(out())
        .contains("NL001  error     unreadable-template")
        .contains("NL002  warning   resource-schema-violation")
        .contains("NL003  info      unresolved-intrinsic")
        .contains("NL004  info      user-data-not-analyzed");
  }

  @Test
  void summaryCountsEverySeverity() {
    AnalysisResult found =
        result(
            false,
            finding("NL101", Severity.ERROR, "a.yaml"),
            finding("NL201", Severity.WARNING, "a.yaml"),
            finding("NL202", Severity.WARNING, "b.yaml"));

    assertThat(found.summary())
        .isEqualTo("netlint: 3 findings (1 error, 2 warning, 0 info) in 2 files");
  }
}
