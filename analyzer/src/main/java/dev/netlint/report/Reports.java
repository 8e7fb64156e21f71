package dev.netlint.report;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * PLACEHOLDER from the frontends branch so the CLI and the Maven plugin compile; the report
 * branch's real class replaces it. It writes one line per finding, whatever the format.
 */
public final class Reports {
  private Reports() {}

  /**
   * Writes {@code result} to {@code out} in {@code format}; does not close {@code out}.
   *
   * @throws IOException when {@code out} cannot be written
   */
  public static void write(
      Format format, AnalysisResult result, String toolVersion, OutputStream out)
      throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("netlint ")
        .append(toolVersion)
        .append(" placeholder ")
        .append(format.label())
        .append(" report\n");
    for (Finding f : result.findings()) {
      text.append(f.location())
          .append(' ')
          .append(f.ruleId())
          .append(' ')
          .append(f.message())
          .append('\n');
    }
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
