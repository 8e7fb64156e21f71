package dev.netlint.parse.userdata.facts;

import dev.netlint.model.HostValue;
import dev.netlint.model.ShellWord;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the words of a script stand for when it runs, following the script's own variable
 * assignments ({@link UserData#variableAt}), and the same for words found in text the script writes
 * (iptables-restore input, nftables files), where {@code $NAME} and {@code ${NAME}} are looked up
 * the same way.
 */
final class Words {
  /** Assignments followed through at most this many variables ({@code A=$B}, {@code B=$C}...). */
  private static final int MAX_DEPTH = 8;

  /**
   * Longest value built, in characters (64 KiB, four times EC2's 16 KB limit on user data): only
   * repetition ({@code a1="$a0$a0..."}, {@code a2="$a1$a1..."}) builds more, and such a value is
   * unknown rather than built. Together with each assignment evaluated once per value, this keeps
   * the work per word bounded however wide or deep the assignments fan out.
   */
  static final int MAX_VALUE_LENGTH = 64 * 1024;

  private Words() {}

  /** The value of a word of command {@code index} of {@code script}. */
  static HostValue value(ShellWord word, UserData script, int index) {
    return value(word, script, index, true, 0, new HashMap<>());
  }

  /**
   * The value of {@code word} at command {@code index}; {@code ownPrefix} says whether the
   * command's own assignments count (they do for its words, not for the values it assigns). {@code
   * assigned} remembers the value of each assignment met.
   */
  private static HostValue value(
      ShellWord word,
      UserData script,
      int index,
      boolean ownPrefix,
      int depth,
      Map<UserData.Assignment, HostValue> assigned) {
    Builder b = new Builder(word.display());
    List<ShellWord.Segment> segments = word.segments();
    for (ShellWord.Segment s : segments) {
      if (b.unknown) {
        // Nothing after an unknown part changes the value's kind, and skipping it keeps the cost
        // of a value past MAX_VALUE_LENGTH bounded.
        break;
      }
      if (s instanceof ShellWord.Literal l) {
        b.append(l.text());
      } else if (s instanceof ShellWord.Variable v) {
        b.variable(v.name(), segments.size() == 1, script, index, ownPrefix, depth, assigned);
      } else if (s instanceof ShellWord.CommandSubstitution) {
        b.runTime = true;
      } else if (s instanceof ShellWord.Placeholder p) {
        b.deployTime = true;
        if (segments.size() == 1) {
          b.deployValue = p.value();
        }
      }
    }
    return b.build();
  }

  /** The word as text: its literal value, or as written when it is not literal. */
  static String text(ShellWord word, UserData script, int index) {
    HostValue v = value(word, script, index);
    return v.literalText().orElse(v.text());
  }

  /** The literal value of a word, or empty. */
  static Optional<String> literal(ShellWord word, UserData script, int index) {
    return value(word, script, index).literalText();
  }

  /**
   * The value of a token of text the script writes or feeds to a program, after shell-style quote
   * removal: {@code "$IFACE"} is looked up in the script, {@code $(...)} is run-time.
   */
  static HostValue token(String token, UserData script, int index) {
    String t = unquote(token);
    Builder b = new Builder(t);
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '`' || (c == '$' && i + 1 < t.length() && t.charAt(i + 1) == '(')) {
        b.runTime = true;
        i = t.length();
      } else if (c == '$' && i + 1 < t.length() && t.charAt(i + 1) == '{') {
        int end = t.indexOf('}', i);
        String name = end < 0 ? t.substring(i + 2) : t.substring(i + 2, end);
        if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          b.variable(
              name, t.length() == end + 1 && i == 0, script, index, true, 0, new HashMap<>());
        } else {
          // A deploy-time placeholder rendered as ${Vpc.CidrBlock}, or an expansion with an
          // operator: nothing netlint can know now.
          b.deployTime = true;
        }
        i = end < 0 ? t.length() : end + 1;
      } else if (c == '$' && i + 1 < t.length() && isNameStart(t.charAt(i + 1))) {
        int end = i + 1;
        while (end < t.length() && isNamePart(t.charAt(end))) {
          end++;
        }
        b.variable(
            t.substring(i + 1, end),
            i == 0 && end == t.length(),
            script,
            index,
            true,
            0,
            new HashMap<>());
        i = end;
      } else if (c == '$' && i + 1 < t.length()) {
        b.unknown = true;
        i += 2;
      } else {
        b.append(String.valueOf(c));
        i++;
      }
    }
    return b.build();
  }

  /** Removes one level of matching single or double quotes around a token. */
  static String unquote(String token) {
    if (token.length() >= 2) {
      char first = token.charAt(0);
      if ((first == '"' || first == '\'') && token.charAt(token.length() - 1) == first) {
        return token.substring(1, token.length() - 1);
      }
    }
    return token;
  }

  /**
   * Splits a line into whitespace-separated tokens, keeping quoted runs ({@code "a b"}, {@code 'a
   * b'}) together with their quotes.
   */
  static List<String> split(String line) {
    List<String> tokens = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        cur.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        cur.append(c);
      } else if (Character.isWhitespace(c)) {
        if (cur.length() > 0) {
          tokens.add(cur.toString());
          cur.setLength(0);
        }
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      tokens.add(cur.toString());
    }
    return tokens;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static final class Builder {
    final String written;
    final StringBuilder text = new StringBuilder();
    boolean runTime;
    boolean deployTime;
    boolean unknown;
    String via = "";
    @Nullable Value deployValue;

    Builder(String written) {
      this.written = written;
    }

    void append(String s) {
      if (text.length() + s.length() > MAX_VALUE_LENGTH) {
        unknown = true;
      } else {
        text.append(s);
      }
    }

    void variable(
        String name,
        boolean sole,
        UserData script,
        int index,
        boolean ownPrefix,
        int depth,
        Map<UserData.Assignment, HostValue> values) {
      if (via.isEmpty()) {
        via = name;
      }
      Optional<UserData.Assignment> assignment =
          depth >= MAX_DEPTH
              ? Optional.empty()
              : ownPrefix ? script.assignmentAt(name, index) : script.assignmentBefore(name, index);
      if (assignment.isEmpty()) {
        unknown = true;
        return;
      }
      UserData.Assignment a = assignment.get();
      HostValue inner = values.get(a);
      if (inner == null) {
        // The assigned word is evaluated where it is assigned, so x="$x$x" reads the x before it.
        inner = value(a.value(), script, a.command(), false, depth + 1, values);
        values.put(a, inner);
      }
      switch (inner.kind()) {
        case LITERAL -> append(inner.text());
        case RUN_TIME -> runTime = true;
        case DEPLOY_TIME -> {
          deployTime = true;
          if (sole) {
            deployValue = inner.deployTime();
          }
        }
        case UNKNOWN -> unknown = true;
      }
    }

    HostValue build() {
      if (runTime) {
        return new HostValue(HostValue.Kind.RUN_TIME, written, via, null);
      }
      if (unknown) {
        return new HostValue(HostValue.Kind.UNKNOWN, written, via, null);
      }
      if (deployTime) {
        return new HostValue(HostValue.Kind.DEPLOY_TIME, written, via, deployValue);
      }
      return new HostValue(HostValue.Kind.LITERAL, text.toString(), via, null);
    }
  }
}
