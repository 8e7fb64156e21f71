package dev.netlint.parse.intrinsic;

import dev.netlint.model.Origin;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Dynamic references inside strings: {@code {{resolve:ssm:/path}}} and {@code
 * {{resolve:ssm:/path:3}}} (and {@code ssm-secure}) become a {@link Value.Symbolic} of kind {@code
 * SSM_PARAMETER} whose description is the parameter name without version; any other service ({@code
 * secretsmanager}) becomes an {@code UNRESOLVED} symbolic value described by the whole reference.
 * CloudFormation resolves them after intrinsic functions, so a reference may be built by {@code
 * Fn::Sub} or {@code Fn::Join}; its parts that are only known at deploy appear rendered in the
 * description ({@code /app/${Env}/ami}).
 *
 * <p>Follows <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html">Get
 * values stored in other services using dynamic references</a>.
 */
final class DynamicReferences {
  private static final String OPEN = "{{resolve:";
  private static final String CLOSE = "}}";

  private DynamicReferences() {}

  /**
   * The value with its dynamic references replaced; values other than {@link Value.Text} and {@link
   * Value.Concat}, and strings without a reference, are returned as they are.
   */
  static Value expand(Value value) {
    List<Value> parts;
    if (value instanceof Value.Text t) {
      if (!t.value().contains(OPEN)) {
        return value;
      }
      parts = List.of(t);
    } else if (value instanceof Value.Concat c) {
      parts = c.parts();
      if (parts.stream().noneMatch(p -> p instanceof Value.Text t && t.value().contains(OPEN))) {
        return value;
      }
    } else {
      return value;
    }
    List<Value> out = new ArrayList<>();
    int p = 0;
    int off = 0;
    while (p < parts.size()) {
      Value part = parts.get(p);
      if (!(part instanceof Value.Text t)) {
        out.add(part);
        p++;
        off = 0;
        continue;
      }
      String s = t.value();
      int start = s.indexOf(OPEN, off);
      int[] end = start < 0 ? null : findClose(parts, p, start + OPEN.length());
      if (end == null) {
        addText(out, s.substring(off), t.origin());
        p++;
        off = 0;
        continue;
      }
      addText(out, s.substring(off, start), t.origin());
      List<Value> content = between(parts, p, start + 2, end[0], end[1]);
      out.add(reference(ValueOps.concat(content, t.origin()), t.origin()));
      p = end[0];
      off = end[1] + CLOSE.length();
    }
    return ValueOps.concat(out, value.origin());
  }

  private static void addText(List<Value> out, String s, Origin origin) {
    if (!s.isEmpty()) {
      out.add(new Value.Text(s, origin));
    }
  }

  /** The part index and offset of the {@code }}} closing a reference, or null. */
  private static int @Nullable [] findClose(List<Value> parts, int p, int from) {
    for (int i = p; i < parts.size(); i++) {
      if (parts.get(i) instanceof Value.Text t) {
        int k = t.value().indexOf(CLOSE, i == p ? from : 0);
        if (k >= 0) {
          return new int[] {i, k};
        }
      }
    }
    return null;
  }

  private static List<Value> between(List<Value> parts, int p0, int o0, int p1, int o1) {
    List<Value> out = new ArrayList<>();
    for (int i = p0; i <= p1; i++) {
      Value part = parts.get(i);
      if (part instanceof Value.Text t) {
        int from = i == p0 ? o0 : 0;
        int to = i == p1 ? o1 : t.value().length();
        out.add(new Value.Text(t.value().substring(from, to), t.origin()));
      } else {
        out.add(part);
      }
    }
    return out;
  }

  /** The symbolic value of one reference, {@code content} being what stands between the braces. */
  private static Value reference(Value content, Origin origin) {
    String text = content.render();
    String rest = text.substring("resolve:".length());
    int colon = rest.indexOf(':');
    String service = colon < 0 ? rest : rest.substring(0, colon);
    if ((service.equals("ssm") || service.equals("ssm-secure")) && colon >= 0) {
      String name = rest.substring(colon + 1);
      int last = name.lastIndexOf(':');
      if (last > 0 && last < name.length() - 1 && isDigits(name.substring(last + 1))) {
        name = name.substring(0, last);
      }
      return new Value.Symbolic(Value.Symbolic.Kind.SSM_PARAMETER, name, origin);
    }
    return new Value.Symbolic(Value.Symbolic.Kind.UNRESOLVED, "{{" + text + "}}", origin);
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
