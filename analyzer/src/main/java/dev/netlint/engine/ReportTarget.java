package dev.netlint.engine;

import dev.netlint.report.Format;
import java.io.OutputStream;
import java.nio.file.Path;

/** Where a {@link CheckRun} writes one report, and in which format. */
public sealed interface ReportTarget {

  /** The report's format. */
  Format format();

  /**
   * A report file; missing parent directories are created and an existing file is replaced.
   *
   * @param path an absolute path
   */
  record File(Format format, Path path) implements ReportTarget {}

  /**
   * A stream the caller owns, such as standard output: flushed, never closed.
   *
   * @param onlyWhenFailing write nothing when the check passes ({@code netlint check --quiet})
   */
  record Stream(Format format, OutputStream out, boolean onlyWhenFailing) implements ReportTarget {}
}
