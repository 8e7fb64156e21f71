package dev.netlint.parse.userdata.facts;

import dev.netlint.model.HostValue;
import dev.netlint.model.ShellWord;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.List;
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

  private Words() {}

  /** The value of a word of command {@code index} of {@code script}. */
  static HostValue value(ShellWord word, UserData script, int index) {
    return value(word, script, index, 0);
  }

  private static HostValue value(ShellWord word, UserData script, int index, int depth) {
    Builder b = new Builder(word.display());
    List<ShellWord.Segment> segments = word.segments();
    for (ShellWord.Segment s : segments) {
      if (s instanceof ShellWord.Literal l) {
        b.text.append(l.text());
      } else if (s instanceof ShellWord.Variable v) {
        b.variable(v.name(), segments.size() == 1, script, index, depth);
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
          b.variable(name, t.length() == end + 1 && i == 0, script, index, 0);
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
        b.variable(t.substring(i + 1, end), i == 0 && end == t.length(), script, index, 0);
        i = end;
      } else if (c == '$' && i + 1 < t.length()) {
        b.unknown = true;
        i += 2;
      } else {
        b.text.append(c);
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

    void variable(String name, boolean sole, UserData script, int index, int depth) {
      if (via.isEmpty()) {
        via = name;
      }
      Optional<ShellWord> assigned =
          depth < MAX_DEPTH ? script.variableAt(name, index) : Optional.empty();
      if (assigned.isEmpty()) {
        unknown = true;
        return;
      }
      HostValue inner = value(assigned.get(), script, index, depth + 1);
      switch (inner.kind()) {
        case LITERAL -> text.append(inner.text());
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
