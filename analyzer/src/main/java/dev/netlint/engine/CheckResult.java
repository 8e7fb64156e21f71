package dev.netlint.engine;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link CheckRun} ended: what the analysis found, the outcome, what netlint failed on, and
 * the report that could not be written, if any.
 *
 * @param analysis the findings (with their counts, {@link AnalysisResult#summary()}), the rules
 *     that ran, the files read and whether some input could not be read
 * @param outcome the outcome, decided before the reports were written
 * @param failures the templates or cloud assemblies netlint failed on (each also has an {@code
 *     NL006} finding in {@code analysis}), in the order they failed
 * @param reportFailure the report that could not be written, or null when every report was; the
 *     reports after it were not attempted
 * @param fixed the entries of the request's baseline that no longer occur, sorted by fingerprint;
 *     empty without a baseline
 */
public record CheckResult(
    AnalysisResult analysis,
    Outcome outcome,
    List<AnalysisFailure> failures,
    @Nullable ReportFailure reportFailure,
    List<Baseline.Entry> fixed) {

  public CheckResult {
    failures = List.copyOf(failures);
    fixed = List.copyOf(fixed);
  }

  /** A result of a check without a baseline. */
  public CheckResult(
      AnalysisResult analysis,
      Outcome outcome,
      List<AnalysisFailure> failures,
      @Nullable ReportFailure reportFailure) {
    this(analysis, outcome, failures, reportFailure, List.of());
  }

  /** How the check ended, from the worst: each has the exit code of {@code netlint check}. */
  public enum Outcome {
    /** Nothing at or above the fail-on severity. */
    PASSED(0),
    /** Findings at or above the fail-on severity. */
    FINDINGS(1),
    /** Some input could not be read ({@code NL001}): the result is incomplete. */
    INPUT_ERRORS(2),
    /** netlint failed on some template or cloud assembly ({@code NL006}): a bug in netlint. */
    INTERNAL_ERROR(3);

    private final int exitCode;

    Outcome(int exitCode) {
      this.exitCode = exitCode;
    }

    /** The exit code of {@code netlint check} for this outcome. */
    public int exitCode() {
      return exitCode;
    }
  }

  /**
   * A report that could not be written.
   *
   * @param target the report
   * @param error why
   */
  public record ReportFailure(ReportTarget target, IOException error) {}

  /**
   * The exit code of {@code netlint check}: 2 when a report could not be written, else the
   * outcome's.
   */
  public int exitCode() {
    return reportFailure == null ? outcome.exitCode() : Outcome.INPUT_ERRORS.exitCode();
  }

  /** The files that could not be read ({@code NL001}), as reports name them, sorted. */
  public List<String> unreadableFiles() {
    TreeSet<String> files = new TreeSet<>();
    for (Finding finding : analysis.findings()) {
      if (finding.ruleId().equals(InputRules.UNREADABLE_TEMPLATE.id())) {
        files.add(finding.location().file());
      }
    }
    return List.copyOf(files);
  }
}
