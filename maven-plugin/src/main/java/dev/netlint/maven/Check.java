package dev.netlint.maven;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.engine.AnalysisFailure;
import dev.netlint.engine.CheckRequest;
import dev.netlint.engine.CheckResult;
import dev.netlint.engine.CheckRun;
import dev.netlint.engine.ReportTarget;
import dev.netlint.report.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * What {@code netlint:check} does once its parameters are known: runs the check on the engine
 * ({@link CheckRun}, which writes one report file per format), logs every finding and turns the
 * outcome into the build's. Separate from the mojo so that it can be tested on canned results.
 */
final class Check {
  /** How many findings the failure message lists; the log and the reports have them all. */
  static final int FINDINGS_IN_FAILURE_MESSAGE = 10;

  private final CheckRun.Analyzer analyzer;
  private final Log log;
  private final String toolVersion;

  /**
   * @param analyzer runs the analysis: {@code Analysis.run} with the built-in rules outside tests
   */
  Check(CheckRun.Analyzer analyzer, Log log, String toolVersion) {
    this.analyzer = analyzer;
    this.log = log;
    this.toolVersion = toolVersion;
  }

  /**
   * Analyzes {@code inputs} and writes the reports to {@code outputDirectory}.
   *
   * @param inputs existing template files, directories or cloud assemblies (absolute)
   * @param baseDirectory files are named relative to it in the log and the reports
   * @throws MojoFailureException when a finding is at or above {@code failOn}
   * @throws MojoExecutionException when some input cannot be read ({@code NL001}), a report cannot
   *     be written, or netlint fails unexpectedly (after the reports are written when it fails on
   *     one template or cloud assembly only)
   */
  void run(
      List<Path> inputs,
      Path baseDirectory,
      List<Format> formats,
      Path outputDirectory,
      Severity failOn)
      throws MojoExecutionException, MojoFailureException {
    List<ReportTarget> reports = new ArrayList<>();
    for (Format format : formats) {
      reports.add(new ReportTarget.File(format, outputDirectory.resolve(fileName(format))));
    }
    CheckResult checked;
    try {
      checked =
          new CheckRun(analyzer)
              .run(new CheckRequest(inputs, baseDirectory, reports, failOn, toolVersion));
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "netlint failed unexpectedly: "
              + e
              + ". This is a bug in netlint; please report it"
              + " with the input that triggers it (run Maven with -e for the stack trace).",
          e);
    }
    CheckResult.ReportFailure failure = checked.reportFailure();
    if (failure != null) {
      Path file = ((ReportTarget.File) failure.target()).path();
      throw new MojoExecutionException(
          "netlint cannot write " + file + ": " + failure.error().getMessage(), failure.error());
    }
    AnalysisResult result = checked.analysis();

    for (Finding finding : result.findings()) {
      logFinding(finding);
    }
    log.info(
        result.summary()
            + (formats.isEmpty() ? "" : "; reports in " + display(outputDirectory, baseDirectory)));

    switch (checked.outcome()) {
      case INTERNAL_ERROR -> throw internalError(checked.failures());
      case INPUT_ERRORS -> {
        List<String> unreadable = checked.unreadableFiles();
        throw new MojoExecutionException(
            "netlint could not read some input: "
                + (unreadable.isEmpty() ? "see the log above" : String.join(", ", unreadable))
                + " (NL001)");
      }
      case FINDINGS -> throw new MojoFailureException(failureMessage(result, failOn));
      case PASSED -> {}
    }
  }

  /** The first failure is the exception's cause, for Maven's {@code -e}; every one is logged. */
  private MojoExecutionException internalError(List<AnalysisFailure> failures) {
    StringBuilder message = new StringBuilder("netlint failed unexpectedly on ");
    String separator = "";
    for (AnalysisFailure f : failures) {
      log.debug("netlint internal error while analyzing " + f.unit(), f.error());
      message
          .append(separator)
          .append(f.unit())
          .append(f.ruleId() == null ? "" : " (rule " + f.ruleId() + ")")
          .append(": ")
          .append(f.error());
      separator = "; ";
    }
    message.append(
        ". The reports hold the findings on the other inputs. This is a bug in netlint; please"
            + " report it with the input that triggers it (run Maven with -e for the stack"
            + " trace).");
    return new MojoExecutionException(message.toString(), failures.get(0).error());
  }

  private static String display(Path path, Path baseDirectory) {
    return path.startsWith(baseDirectory)
        ? baseDirectory.relativize(path).toString()
        : path.toString();
  }

  /** The report file name for {@code format}: netlint.txt, .json, .sarif, netlint-junit.xml. */
  static String fileName(Format format) {
    switch (format) {
      case TEXT:
        return "netlint.txt";
      case JSON:
        return "netlint.json";
      case SARIF:
        return "netlint.sarif";
      case JUNIT:
        return "netlint-junit.xml";
      default:
        throw new IllegalArgumentException("no file name for format " + format);
    }
  }

  private void logFinding(Finding finding) {
    String line = describe(finding);
    String fix = finding.fix() == null ? "" : System.lineSeparator() + "    fix: " + finding.fix();
    switch (finding.severity()) {
      case ERROR:
        log.error(line + fix);
        break;
      case WARNING:
        log.warn(line + fix);
        break;
      default:
        log.info(line + fix);
        break;
    }
  }

  /** {@code file:line:col NL101 error network/NatInstance: message}. */
  static String describe(Finding finding) {
    String resource = finding.qualifiedName();
    return finding.location()
        + " "
        + finding.ruleId()
        + " "
        + finding.severity().label()
        + (resource == null ? "" : " " + resource)
        + ": "
        + finding.message();
  }

  static String failureMessage(AnalysisResult result, Severity failOn) {
    List<Finding> failing =
        result.findings().stream().filter(f -> f.severity().atLeast(failOn)).toList();
    StringBuilder message =
        new StringBuilder("netlint found ")
            .append(failing.size())
            .append(failing.size() == 1 ? " finding" : " findings")
            .append(" at or above ")
            .append(failOn.label())
            .append(':');
    failing.stream()
        .limit(FINDINGS_IN_FAILURE_MESSAGE)
        .forEach(f -> message.append(System.lineSeparator()).append("  ").append(describe(f)));
    if (failing.size() > FINDINGS_IN_FAILURE_MESSAGE) {
      message
          .append(System.lineSeparator())
          .append("  ... and ")
          .append(failing.size() - FINDINGS_IN_FAILURE_MESSAGE)
          .append(" more (see the log above and the reports)");
    }
    return message.toString();
  }
}
