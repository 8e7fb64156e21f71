package dev.netlint.engine;

import dev.netlint.api.Severity;
import java.nio.file.Path;

/**
 * How to run an analysis.
 *
 * @param baseDirectory files are named in reports relative to this directory when they are below it
 * @param minimumSeverity findings below this severity are left out of the result
 */
public record AnalysisOptions(Path baseDirectory, Severity minimumSeverity) {

  /** Names files relative to the working directory and keeps every finding. */
  public static AnalysisOptions defaults() {
    return new AnalysisOptions(Path.of("").toAbsolutePath(), Severity.INFO);
  }
}
