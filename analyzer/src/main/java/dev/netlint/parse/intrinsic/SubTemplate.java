package dev.netlint.parse.intrinsic;

import java.util.ArrayList;
import java.util.List;

/**
 * The string of an {@code Fn::Sub}, split into literal text and {@code ${Name}} placeholders.
 *
 * <p>{@code ${!Literal}} is the literal text {@code ${Literal}}. As in cfn-lint, a placeholder
 * ends at the first {@code }} on the same line; a {@code ${} with no closing brace on its line, an
 * empty {@code ${}}, and a lone {@code $} stay literal text.
 *
 * <p>Follows <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html">Fn::Sub</a>.
 */
final class SubTemplate {
  private SubTemplate() {}

  /** Literal text, or a placeholder with its name (trimmed). */
  record Segment(String text, boolean placeholder) {}

  /**
   * The index of the first {@code ${} that has no closing brace on its line, or -1: it stays
   * literal text, which is seldom what the author meant.
   */
  static int unterminated(String template) {
    int i = template.indexOf("${");
    while (i >= 0) {
      if (i + 2 < template.length() && template.charAt(i + 2) == '!') {
        i = template.indexOf("${", i + 3);
        continue;
      }
      int close = template.indexOf('}', i + 2);
      int newline = template.indexOf('\n', i + 2);
      if (close < 0 || (newline >= 0 && newline < close)) {
        return i;
      }
      i = template.indexOf("${", close + 1);
    }
    return -1;
  }

  static List<Segment> parse(String template) {
    List<Segment> segments = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int n = template.length();
    int i = 0;
    while (i < n) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= n || template.charAt(i + 1) != '{') {
        literal.append(c);
        i++;
        continue;
      }
      if (i + 2 < n && template.charAt(i + 2) == '!') {
        literal.append("${");
        i += 3;
        continue;
      }
      int close = template.indexOf('}', i + 2);
      int newline = template.indexOf('\n', i + 2);
      if (close < 0 || close == i + 2 || (newline >= 0 && newline < close)) {
        literal.append("${");
        i += 2;
        continue;
      }
      if (literal.length() > 0) {
        segments.add(new Segment(literal.toString(), false));
        literal.setLength(0);
      }
      segments.add(new Segment(template.substring(i + 2, close).trim(), true));
      i = close + 1;
    }
    if (literal.length() > 0) {
      segments.add(new Segment(literal.toString(), false));
    }
    return segments;
  }
}
