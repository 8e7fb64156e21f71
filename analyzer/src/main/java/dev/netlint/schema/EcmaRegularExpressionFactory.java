package dev.netlint.schema;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Compiles the ECMA-262 {@code pattern}s of the CloudFormation registry schemas with the JDK's
 * regex engine. The schemas are written for ECMAScript, where {@code [} and {@code &&} inside a
 * character class are literals; the JDK reads them as a nested class and an intersection, so {@code
 * ^([a-z,@[\]+=&;])*$} (in AWS::Lambda::Function) would not even compile. Those are escaped here.
 *
 * <p>Template values are hostile input: a string longer than {@link #MAX_INPUT_CHARS} is not
 * matched at all (it counts as matching), and a match that overflows the stack counts as a match,
 * so a pathological pattern and value can never stop netlint. Schemas cap such values with {@code
 * maxLength} anyway. A pattern the JDK still cannot compile matches everything rather than failing
 * the schema.
 */
final class EcmaRegularExpressionFactory implements RegularExpressionFactory {

  /** Longest string a pattern is applied to. */
  static final int MAX_INPUT_CHARS = 8192;

  static final EcmaRegularExpressionFactory INSTANCE = new EcmaRegularExpressionFactory();

  private EcmaRegularExpressionFactory() {}

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = compile(regex);
    if (pattern == null) {
      return value -> true;
    }
    return value -> {
      if (value.length() > MAX_INPUT_CHARS) {
        return true;
      }
      try {
        return pattern.matcher(value).find();
      } catch (StackOverflowError e) {
        return true;
      }
    };
  }

  /** The JDK pattern for an ECMAScript one, or null when it cannot be compiled. */
  static @Nullable Pattern compile(String ecma) {
    try {
      String java =
          RegularExpressions.replaceLongformCharacterProperties(
              RegularExpressions.replaceDollarAnchors(escapeClassLiterals(ecma)));
      return Pattern.compile(java);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Escapes the characters that are literal in an ECMAScript class but syntax in a JDK one. */
  static String escapeClassLiterals(String regex) {
    StringBuilder out = new StringBuilder(regex.length() + 8);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
        continue;
      }
      if (!inClass) {
        if (c == '[') {
          inClass = true;
          out.append(c);
          if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
            out.append('^');
            i++;
          }
          continue;
        }
        out.append(c);
        continue;
      }
      if (c == ']') {
        inClass = false;
        out.append(c);
      } else if (c == '[' || c == '&') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
