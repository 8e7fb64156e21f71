package dev.netlint.report;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text report: findings grouped under a line naming their file, each finding as {@code
 * file:line:col ruleId severity message} (terminals and editors turn the location into a link) with
 * indented lines for the resource, construct path, properties and fix, then a summary line.
 */
final class TextReport {
  private static final String INDENT = "    ";

  private TextReport() {}

  static void write(AnalysisResult result, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding f : result.findings()) {
      byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<Finding>> group : byFile.entrySet()) {
      w.write(clean(group.getKey()));
      w.write('\n');
      for (Finding f : group.getValue()) {
        writeFinding(w, f);
      }
      w.write('\n');
    }
    w.write(summary(result));
    w.write('\n');
    w.flush();
  }

  private static void writeFinding(Writer w, Finding f) throws IOException {
    w.write(clean(f.location().toString()));
    w.write("  ");
    w.write(clean(f.ruleId()));
    w.write("  ");
    w.write(f.severity().label());
    w.write("  ");
    w.write(clean(f.message()));
    w.write('\n');
    List<String> details = new ArrayList<>();
    String qualified = f.qualifiedName();
    if (f.logicalId() != null) {
      details.add(
          f.stack() == null ? clean(f.logicalId()) : clean(f.logicalId() + " (" + qualified + ")"));
    }
    if (f.constructPath() != null) {
      details.add("construct: " + clean(f.constructPath()));
    }
    if (!f.properties().isEmpty()) {
      List<String> props = new ArrayList<>();
      f.properties().forEach((k, v) -> props.add(clean(k + "=" + v)));
      details.add(String.join(", ", props));
    }
    if (!details.isEmpty()) {
      w.write(INDENT);
      w.write(String.join("  ", details));
      w.write('\n');
    }
    if (f.fix() != null) {
      w.write(INDENT);
      w.write("fix: ");
      w.write(clean(f.fix()));
      w.write('\n');
    }
  }

  /**
   * {@code 3 findings (1 error, 2 warnings) in 4 files}, or {@code no findings in 4 files}; then
   * {@code , 2 suppressed} when suppressions accepted findings.
   */
  static String summary(AnalysisResult result) {
    int suppressed = result.suppressed().size();
    return findingsSummary(result) + (suppressed == 0 ? "" : ", " + suppressed + " suppressed");
  }

  private static String findingsSummary(AnalysisResult result) {
    SeverityCounts counts = SeverityCounts.of(result.findings());
    String files = plural(result.files().size(), "file", "files");
    if (counts.total() == 0) {
      return "no findings in " + files;
    }
    List<String> parts = new ArrayList<>();
    if (counts.error() > 0) {
      parts.add(plural(counts.error(), "error", "errors"));
    }
    if (counts.warning() > 0) {
      parts.add(plural(counts.warning(), "warning", "warnings"));
    }
    if (counts.info() > 0) {
      parts.add(counts.info() + " info");
    }
    return plural(counts.total(), "finding", "findings")
        + " ("
        + String.join(", ", parts)
        + ") in "
        + files;
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /**
   * Makes template-supplied text safe for a terminal: a line break continues on an indented line so
   * a finding stays one block, and control and bidirectional-override characters are shown as
   * {@code \}{@code uXXXX} escapes so a template cannot move the cursor, recolour the terminal or
   * make text read differently from what it is.
   */
  static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        b.append('\n').append(INDENT);
      } else if (c == '\t') {
        b.append(c);
      } else if (Character.isISOControl(c) || isBidiControl(c)) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }
}
