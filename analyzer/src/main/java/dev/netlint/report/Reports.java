package dev.netlint.report;

import dev.netlint.api.AnalysisResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes an {@link AnalysisResult} in one of netlint's output formats. The output is UTF-8 and
 * depends only on the result and the tool version: the same input gives the same bytes (no
 * timestamps, no host names, no paths beyond the file names the findings carry, {@code \n} line
 * ends on every platform). docs/output-formats.md documents every format.
 */
public final class Reports {
  private Reports() {}

  /**
   * Writes {@code result} to {@code out} in {@code format}. The stream is flushed, not closed, so
   * callers can pass {@code System.out}.
   *
   * @param toolVersion netlint's version as reports show it ({@code 0.1.0})
   * @throws IOException when {@code out} cannot be written
   */
  public static void write(
      Format format, AnalysisResult result, String toolVersion, OutputStream out)
      throws IOException {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(out, "out");
    switch (format) {
      case TEXT -> TextReport.write(result, out);
      case JSON -> JsonReport.write(result, toolVersion, out);
      case SARIF -> SarifReport.write(result, toolVersion, out);
      case JUNIT -> JunitReport.write(result, toolVersion, out);
    }
    out.flush();
  }

  /**
   * Writes a JSON document in the reports' layout (two-space indent, {@code \n} line ends, a final
   * line end), for files netlint writes beside its reports (the baseline). Flushed, not closed.
   */
  public static void writeJson(com.fasterxml.jackson.databind.JsonNode value, OutputStream out)
      throws IOException {
    JsonOutput.write(JsonOutput.mapper(), value, out);
    out.flush();
  }
}
