package dev.netlint.engine;

import dev.netlint.api.Severity;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to check and how: the parameters {@code netlint check} and the Maven plugin's {@code
 * netlint:check} both come down to.
 *
 * @param inputs template files, directories of templates, {@code cdk.out} cloud assemblies or
 *     project directories holding one, as absolute paths that exist
 * @param baseDirectory files are named in the reports relative to this directory when below it, and
 *     {@code .netlint.yaml} files are looked for up to it
 * @param reports the reports to write, in this order
 * @param failOn the check fails on a finding at or above this severity
 * @param toolVersion netlint's version as the reports show it
 * @param baseline a baseline file ({@link Baseline}) whose findings are reported as suppressed, or
 *     null
 */
public record CheckRequest(
    List<Path> inputs,
    Path baseDirectory,
    List<ReportTarget> reports,
    Severity failOn,
    String toolVersion,
    @Nullable Path baseline) {

  public CheckRequest {
    inputs = List.copyOf(inputs);
    reports = List.copyOf(reports);
  }

  /** A check without a baseline. */
  public CheckRequest(
      List<Path> inputs,
      Path baseDirectory,
      List<ReportTarget> reports,
      Severity failOn,
      String toolVersion) {
    this(inputs, baseDirectory, reports, failOn, toolVersion, null);
  }
}
