package dev.netlint.engine;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Rule;
import dev.netlint.api.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.report.Reports;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One check, as {@code netlint check} and the Maven plugin's {@code netlint:check} both run it:
 * analyzes the inputs, decides the outcome from the findings and the fail-on severity, and writes
 * every report before saying how the check ended. The front ends only turn their options into a
 * {@link CheckRequest} and the {@link CheckResult} into an exit code or a build failure.
 *
 * <p>netlint failing on one template or cloud assembly (a bug) costs only that unit: it gets an
 * {@code NL006} finding, the reports hold every other unit's findings, and the outcome is {@link
 * CheckResult.Outcome#INTERNAL_ERROR} once they are written.
 */
public final class CheckRun {

  /**
   * Runs the analysis: {@link Analysis#run(List, List, AnalysisOptions, Consumer)} outside tests.
   */
  @FunctionalInterface
  public interface Analyzer {
    /**
     * Analyzes {@code inputs}, handing each unit netlint fails on to {@code failures}. Problems
     * with the input are findings, not exceptions.
     */
    AnalysisResult analyze(
        List<Path> inputs, AnalysisOptions options, Consumer<AnalysisFailure> failures);
  }

  private final Analyzer analyzer;

  /** A check that analyzes with {@code analyzer}. */
  public CheckRun(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** A check that runs {@code rules} (normally {@code BuiltInRules.all()}). */
  public static CheckRun withRules(List<Rule> rules) {
    List<Rule> copy = List.copyOf(rules);
    return new CheckRun(
        (inputs, options, failures) -> Analysis.run(inputs, copy, options, failures));
  }

  /**
   * Runs the check. Never throws for bad input or for a unit netlint fails on; a report that cannot
   * be written is {@link CheckResult#reportFailure()}.
   *
   * @throws RuntimeException when netlint fails outside any one unit (finding the inputs): a bug
   */
  public CheckResult run(CheckRequest request) {
    List<AnalysisFailure> failures = new ArrayList<>();
    AnalysisResult result =
        analyzer.analyze(
            request.inputs(),
            new AnalysisOptions(request.baseDirectory(), Severity.INFO),
            failures::add);
    List<Baseline.Entry> fixed = List.of();
    Path baselineFile = request.baseline();
    if (baselineFile != null) {
      String name = display(request.baseDirectory(), baselineFile);
      try {
        Baseline.Applied applied = Baseline.read(baselineFile, name).apply(result);
        result = applied.result();
        fixed = applied.fixed();
      } catch (IOException e) {
        result = withBaselineProblem(result, name, e);
      }
    }
    CheckResult.Outcome outcome = outcome(result, failures, request.failOn());
    CheckResult.ReportFailure reportFailure = null;
    for (ReportTarget target : request.reports()) {
      if (target instanceof ReportTarget.Stream s
          && s.onlyWhenFailing()
          && outcome == CheckResult.Outcome.PASSED) {
        continue;
      }
      try {
        write(target, result, request.toolVersion());
      } catch (IOException e) {
        reportFailure = new CheckResult.ReportFailure(target, e);
        break;
      }
    }
    return new CheckResult(result, outcome, failures, reportFailure, fixed);
  }

  /**
   * Analyzes {@code request}'s inputs, as {@link #run} does, and writes the baseline of its
   * findings (those no suppression accepted) to {@code output}; writes no report.
   *
   * @return the analysis the baseline was written from
   * @throws IOException when {@code output} cannot be written
   */
  public AnalysisResult writeBaseline(CheckRequest request, Path output) throws IOException {
    AnalysisResult result =
        analyzer.analyze(
            request.inputs(), new AnalysisOptions(request.baseDirectory(), Severity.INFO), f -> {});
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
      Baseline.write(result.findings(), out);
    }
    return result;
  }

  /** An unreadable baseline is a configuration error: the check cannot say what is new. */
  private static AnalysisResult withBaselineProblem(
      AnalysisResult result, String name, IOException e) {
    List<Finding> findings = new ArrayList<>(result.findings());
    findings.add(
        new Finding(
            InputRules.INVALID_CONFIGURATION.id(),
            Severity.ERROR,
            "cannot read the baseline " + name + ": " + e.getMessage(),
            "Write the baseline again with netlint baseline.",
            SourceLocation.ofFile(name),
            List.of(),
            null,
            null,
            null,
            null,
            Map.of()));
    findings.sort(null);
    return new AnalysisResult(
        findings, result.rules(), result.files(), result.inputErrors(), result.suppressed());
  }

  private static String display(Path base, Path file) {
    Path b = base.toAbsolutePath().normalize();
    Path f = file.toAbsolutePath().normalize();
    return (f.startsWith(b) ? b.relativize(f) : f).toString().replace('\\', '/');
  }

  /**
   * netlint's failure beats unreadable input, which beats findings: either leaves the result
   * incomplete, so findings alone cannot be trusted to say the check passed.
   */
  static CheckResult.Outcome outcome(
      AnalysisResult result, List<AnalysisFailure> failures, Severity failOn) {
    if (!failures.isEmpty()) {
      return CheckResult.Outcome.INTERNAL_ERROR;
    }
    if (result.inputErrors()) {
      return CheckResult.Outcome.INPUT_ERRORS;
    }
    return result.hasFindingsAtLeast(failOn)
        ? CheckResult.Outcome.FINDINGS
        : CheckResult.Outcome.PASSED;
  }

  private static void write(ReportTarget target, AnalysisResult result, String toolVersion)
      throws IOException {
    if (target instanceof ReportTarget.Stream s) {
      Reports.write(s.format(), result, toolVersion, s.out());
      s.out().flush();
      return;
    }
    ReportTarget.File f = (ReportTarget.File) target;
    Path parent = f.path().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f.path()))) {
      Reports.write(f.format(), result, toolVersion, out);
    }
  }
}
