package dev.netlint.maven;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.report.Format;
import dev.netlint.report.Reports;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * What {@code netlint:check} does once its parameters are known: runs the analysis, writes one
 * report file per format, logs every finding and decides whether the build fails. Separate from the
 * mojo so that it can be tested on canned results.
 */
final class Check {
  /** How many findings the failure message lists; the log and the reports have them all. */
  static final int FINDINGS_IN_FAILURE_MESSAGE = 10;

  /** Runs the analysis; {@code Analysis.run} with the built-in rules outside tests. */
  @FunctionalInterface
  interface Analyzer {
    AnalysisResult analyze(List<Path> inputs, AnalysisOptions options);
  }

  private final Analyzer analyzer;
  private final Log log;
  private final String toolVersion;

  Check(Analyzer analyzer, Log log, String toolVersion) {
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
   *     be written, or netlint fails unexpectedly
   */
  void run(
      List<Path> inputs,
      Path baseDirectory,
      List<Format> formats,
      Path outputDirectory,
      Severity failOn)
      throws MojoExecutionException, MojoFailureException {
    AnalysisResult result;
    try {
      result = analyzer.analyze(inputs, new AnalysisOptions(baseDirectory, Severity.INFO));
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "netlint failed unexpectedly: "
              + e
              + ". This is a bug in netlint; please report it"
              + " with the input that triggers it (run Maven with -e for the stack trace).",
          e);
    }

    for (Format format : formats) {
      Path file = outputDirectory.resolve(fileName(format));
      try {
        write(format, result, file);
      } catch (IOException e) {
        throw new MojoExecutionException("netlint cannot write " + file + ": " + e.getMessage(), e);
      }
    }

    for (Finding finding : result.findings()) {
      logFinding(finding);
    }
    log.info(
        summary(result)
            + (formats.isEmpty() ? "" : "; reports in " + display(outputDirectory, baseDirectory)));

    if (result.inputErrors()) {
      throw new MojoExecutionException(
          "netlint could not read some input: " + unreadableFiles(result) + " (NL001)");
    }
    if (result.hasFindingsAtLeast(failOn)) {
      throw new MojoFailureException(failureMessage(result, failOn));
    }
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

  private void write(Format format, AnalysisResult result, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      writeReport(format, result, out);
    }
  }

  /** Declares IOException whether or not the report writer does, so the caller can catch it. */
  private void writeReport(Format format, AnalysisResult result, OutputStream out)
      throws IOException {
    Reports.write(format, result, toolVersion, out);
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

  /** One line: {@code netlint: 3 findings (1 error, 1 warning, 1 info) in 2 files}. */
  static String summary(AnalysisResult result) {
    return result.summary();
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

  private static String unreadableFiles(AnalysisResult result) {
    TreeSet<String> files = new TreeSet<>();
    for (Finding finding : result.findings()) {
      if (finding.ruleId().equals("NL001")) {
        files.add(finding.location().file());
      }
    }
    return files.isEmpty() ? "see the log above" : String.join(", ", files);
  }
}
