package dev.netlint.parse.userdata;

import dev.netlint.model.ShellCommand;
import dev.netlint.model.ShellWord;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a POSIX shell script into simple commands with their words, as user data is written:
 * quoting ({@code '...'}, {@code "..."}, {@code \}), {@code $VAR}, {@code ${VAR}}, {@code $(...)}
 * and backticks, line continuations, comments, {@code ;}, {@code &&}, {@code ||}, {@code |},
 * {@code &}, redirections, here-documents (their bodies are not commands), and the reserved words
 * of compound commands, whose inner simple commands are kept.
 *
 * <p>It is a scanner, not a full grammar: it finds the simple commands a rule needs. A line it
 * cannot read (an unterminated quote) is recorded in {@link Result#unparsedLines()} and scanning
 * resumes on the next line, so one odd line never hides the commands after it.
 *
 * <p>Deploy-time CloudFormation values appear in the text as {@link #PLACEHOLDER_START} index
 * {@link #PLACEHOLDER_END} and become {@link ShellWord.Placeholder} segments.
 *
 * <p>Follows the <a
 * href="https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html">POSIX Shell
 * Command Language</a>.
 */
public final class ShellScanner {

  /** Marks the start of a deploy-time value in the script text (a private-use character). */
  public static final char PLACEHOLDER_START = '\uE000';

  /** Marks the end of a deploy-time value in the script text. */
  public static final char PLACEHOLDER_END = '\uE001';

  private static final Set<String> RESERVED_PREFIXES =
      Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "fi", "done");

  /**
   * What the scanner found.
   *
   * @param commands the simple commands, in order
   * @param unparsedLines 1-based lines it could not read
   */
  public record Result(List<ShellCommand> commands, List<Integer> unparsedLines) {}

  private final String text;
  private final List<Value> placeholders;
  private final String part;
  private final int lineOffset;
  private final List<CommandBuilder> commands = new ArrayList<>();
  private final List<Integer> unparsed = new ArrayList<>();
  private final List<RedirectBuilder> pendingHeredocs = new ArrayList<>();

  /** A redirection whose here-document body arrives after its command's line ends. */
  private static final class RedirectBuilder {
    final String operator;
    final ShellWord target;
    final boolean stripTabs;
    @org.jspecify.annotations.Nullable String body;

    RedirectBuilder(String operator, ShellWord target, boolean stripTabs) {
      this.operator = operator;
      this.target = target;
      this.stripTabs = stripTabs;
    }

    ShellCommand.Redirect build() {
      return new ShellCommand.Redirect(operator, target, operator.startsWith("<<") && !operator.equals("<<<") ? (body == null ? "" : body) : null);
    }
  }

  private record CommandBuilder(
      int line, String part, Map<String, ShellWord> assignments, List<ShellWord> words,
      List<RedirectBuilder> redirects) {
    ShellCommand build() {
      return new ShellCommand(line, part, assignments, words, redirects.stream().map(RedirectBuilder::build).toList());
    }
  }
  private int pos;
  private int line = 1;

  private ShellScanner(String text, List<Value> placeholders, String part, int lineOffset) {
    this.text = text;
    this.placeholders = placeholders;
    this.part = part;
    this.lineOffset = lineOffset;
  }

  /**
   * Scans a script.
   *
   * @param text the script, with deploy-time values as placeholders
   * @param placeholders the values the placeholders stand for, by index
   * @param part the part name recorded on each command ({@code runcmd}, a MIME part), or empty
   * @param lineOffset added to every line number (where this script starts in a larger document)
   */
  public static Result scan(String text, List<Value> placeholders, String part, int lineOffset) {
    ShellScanner s = new ShellScanner(text, placeholders, part, lineOffset);
    s.run();
    return new Result(
        s.commands.stream().map(CommandBuilder::build).toList(), List.copyOf(s.unparsed));
  }

  private static final class Unterminated extends Exception {
    private static final long serialVersionUID = 1L;

    Unterminated() {
      super(null, null, false, false);
    }
  }

  private void run() {
    while (pos < text.length()) {
      int startPos = pos;
      int startLine = line;
      try {
        scanCommand();
      } catch (Unterminated e) {
        unparsed.add(startLine + lineOffset);
        pos = startPos;
        line = startLine;
        skipToNextLine();
      }
    }
  }

  private void skipToNextLine() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
    if (pos < text.length()) {
      pos++;
      line++;
    }
  }

  /** Reads one simple command up to a separator, and records it. */
  private void scanCommand() throws Unterminated {
    Map<String, ShellWord> assignments = new LinkedHashMap<>();
    List<ShellWord> words = new ArrayList<>();
    List<RedirectBuilder> redirects = new ArrayList<>();
    int commandLine = -1;
    boolean skipRest = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
        continue;
      }
      if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
        pos += 2;
        line++;
        continue;
      }
      if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
        continue;
      }
      if (c == '\n') {
        pos++;
        line++;
        skipHeredocBodies();
        break;
      }
      if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
        if (c == ';' && peek(1) == ';') {
          pos++;
        }
        if ((c == '&' && peek(1) == '&') || (c == '|' && peek(1) == '|')) {
          pos++;
        }
        if (c == '&' && peek(1) == '>') {
          pos += 2;
          if (peek(0) == '>') {
            pos++;
          }
          ShellWord target = readWordSkippingBlanks();
          if (target != null) {
            redirects.add(new RedirectBuilder(">", target, false));
          }
          continue;
        }
        pos++;
        break;
      }
      if (isRedirection(c)) {
        if (commandLine < 0) {
          commandLine = line;
        }
        RedirectBuilder r = readRedirection();
        if (r != null) {
          redirects.add(r);
        }
        continue;
      }
      if (commandLine < 0) {
        commandLine = line;
      }
      ShellWord word = readWord();
      if (skipRest) {
        continue;
      }
      if (words.isEmpty()) {
        String lit = word.literalText().orElse(null);
        if (lit != null && assignments.isEmpty() && RESERVED_PREFIXES.contains(lit)) {
          commandLine = -1;
          continue;
        }
        if (lit != null && assignments.isEmpty() && isLoopOrCase(lit)) {
          skipRest = true;
          continue;
        }
        String name = assignmentName(word);
        if (name != null) {
          assignments.put(name, assignmentValue(word, name));
          continue;
        }
      }
      words.add(word);
    }
    if (!skipRest && (!words.isEmpty() || !assignments.isEmpty() || !redirects.isEmpty())) {
      commands.add(
          new CommandBuilder(commandLine + lineOffset, part, assignments, words, redirects));
    }
  }

  private static boolean isLoopOrCase(String word) {
    return word.equals("for") || word.equals("case") || word.equals("select")
        || word.equals("function") || word.equals("esac") || word.equals("in");
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private boolean isRedirection(char c) {
    if (c == '>' || c == '<') {
      return true;
    }
    // 2>&1, 1>/dev/null
    return Character.isDigit(c) && (peek(1) == '>' || peek(1) == '<');
  }

  /** Reads a redirection operator and its target; null when there is no target. */
  private RedirectBuilder readRedirection() throws Unterminated {
    if (Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    StringBuilder op = new StringBuilder();
    op.append(text.charAt(pos));
    pos++;
    if (op.charAt(0) == '<' && peek(0) == '<') {
      pos++;
      op.append('<');
      if (peek(0) == '<') {
        pos++;
        op.append('<');
        ShellWord word = readWordSkippingBlanks();
        return word == null ? null : new RedirectBuilder(op.toString(), word, false);
      }
      boolean stripTabs = false;
      if (peek(0) == '-') {
        stripTabs = true;
        pos++;
        op.append('-');
      }
      ShellWord delimiter = readWordSkippingBlanks();
      if (delimiter == null || delimiter.display().isEmpty()) {
        return null;
      }
      RedirectBuilder r = new RedirectBuilder(op.toString(), delimiter, stripTabs);
      pendingHeredocs.add(r);
      return r;
    }
    while (pos < text.length() && (text.charAt(pos) == '>' || text.charAt(pos) == '&'
        || text.charAt(pos) == '|')) {
      if (text.charAt(pos) == '&' && pos + 1 < text.length()
          && Character.isDigit(text.charAt(pos + 1))) {
        pos += 2;
        return null;
      }
      if (text.charAt(pos) == '&' && peek(1) == '-') {
        pos += 2;
        return null;
      }
      if (text.charAt(pos) != '&') {
        op.append(text.charAt(pos));
      }
      pos++;
    }
    ShellWord target = readWordSkippingBlanks();
    return target == null ? null : new RedirectBuilder(op.toString(), target, false);
  }

  private ShellWord readWordSkippingBlanks() throws Unterminated {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
    if (pos >= text.length() || isBreak(text.charAt(pos))) {
      return null;
    }
    return readWord();
  }

  /** Reads the bodies of the here-documents whose operators stood on the line just ended. */
  private void skipHeredocBodies() {
    while (!pendingHeredocs.isEmpty()) {
      RedirectBuilder r = pendingHeredocs.remove(0);
      String delimiter = r.target.display();
      StringBuilder body = new StringBuilder();
      while (pos < text.length()) {
        int end = text.indexOf('\n', pos);
        String l = end < 0 ? text.substring(pos) : text.substring(pos, end);
        pos = end < 0 ? text.length() : end + 1;
        line++;
        // User data is often re-indented by YAML block scalars and generators: accept the
        // delimiter with any leading white space, not only tabs.
        if (l.strip().equals(delimiter)) {
          break;
        }
        body.append(r.stripTabs ? l.replaceFirst("^\t+", "") : l).append('\n');
      }
      r.body = body.toString();
    }
  }

  private static boolean isBreak(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|'
        || c == '<' || c == '>' || c == '(' || c == ')';
  }

  /** Reads one word with its quoting and expansions. */
  private ShellWord readWord() throws Unterminated {
    List<ShellWord.Segment> segs = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (isBreak(c)) {
        // "name()" and "$(...)" are handled in their own branches; a bare paren ends the word.
        break;
      }
      if (c == '\\') {
        if (pos + 1 < text.length()) {
          char n = text.charAt(pos + 1);
          if (n == '\n') {
            line++;
          } else {
            lit.append(n);
          }
          pos += 2;
        } else {
          pos++;
        }
        continue;
      }
      if (c == '\'') {
        int end = text.indexOf('\'', pos + 1);
        if (end < 0) {
          throw new Unterminated();
        }
        String quoted = text.substring(pos + 1, end);
        line += count(quoted, '\n');
        appendWithPlaceholders(quoted, lit, segs);
        pos = end + 1;
        continue;
      }
      if (c == '"') {
        pos++;
        readDoubleQuoted(lit, segs);
        continue;
      }
      if (c == '$' || c == '`') {
        if (readExpansion(lit, segs)) {
          continue;
        }
      }
      if (c == PLACEHOLDER_START) {
        int end = text.indexOf(PLACEHOLDER_END, pos);
        if (end > pos) {
          flush(lit, segs);
          segs.add(placeholder(text.substring(pos + 1, end)));
          pos = end + 1;
          continue;
        }
      }
      lit.append(c);
      pos++;
    }
    flush(lit, segs);
    return new ShellWord(segs);
  }

  private void readDoubleQuoted(StringBuilder lit, List<ShellWord.Segment> segs)
      throws Unterminated {
    while (true) {
      if (pos >= text.length()) {
        throw new Unterminated();
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '\\' && pos + 1 < text.length()) {
        char n = text.charAt(pos + 1);
        if (n == '"' || n == '\\' || n == '$' || n == '`') {
          lit.append(n);
          pos += 2;
          continue;
        }
        if (n == '\n') {
          pos += 2;
          line++;
          continue;
        }
      }
      if ((c == '$' || c == '`') && readExpansion(lit, segs)) {
        continue;
      }
      if (c == PLACEHOLDER_START) {
        int end = text.indexOf(PLACEHOLDER_END, pos);
        if (end > pos) {
          flush(lit, segs);
          segs.add(placeholder(text.substring(pos + 1, end)));
          pos = end + 1;
          continue;
        }
      }
      if (c == '\n') {
        line++;
      }
      lit.append(c);
      pos++;
    }
  }

  /** Reads {@code $NAME}, {@code ${...}}, {@code $(...)}, {@code $((...))} or backticks. */
  private boolean readExpansion(StringBuilder lit, List<ShellWord.Segment> segs)
      throws Unterminated {
    char c = text.charAt(pos);
    if (c == '`') {
      int end = pos + 1;
      while (end < text.length() && text.charAt(end) != '`') {
        if (text.charAt(end) == '\\') {
          end++;
        }
        end++;
      }
      if (end >= text.length()) {
        throw new Unterminated();
      }
      String inner = text.substring(pos + 1, end);
      line += count(inner, '\n');
      flush(lit, segs);
      segs.add(new ShellWord.CommandSubstitution(inner));
      pos = end + 1;
      return true;
    }
    char n = peek(1);
    if (n == '(') {
      int end = matchParen(pos + 1);
      String inner = text.substring(pos + 2, end);
      line += count(inner, '\n');
      flush(lit, segs);
      segs.add(new ShellWord.CommandSubstitution(inner));
      pos = end + 1;
      return true;
    }
    if (n == '{') {
      int end = text.indexOf('}', pos + 2);
      if (end < 0) {
        throw new Unterminated();
      }
      String inner = text.substring(pos + 2, end);
      int i = 0;
      while (i < inner.length() && (Character.isLetterOrDigit(inner.charAt(i)) || inner.charAt(i) == '_')) {
        i++;
      }
      flush(lit, segs);
      segs.add(new ShellWord.Variable(i == 0 ? inner : inner.substring(0, i)));
      pos = end + 1;
      return true;
    }
    if (Character.isLetter(n) || n == '_') {
      int end = pos + 1;
      while (end < text.length()
          && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
        end++;
      }
      flush(lit, segs);
      segs.add(new ShellWord.Variable(text.substring(pos + 1, end)));
      pos = end;
      return true;
    }
    if (Character.isDigit(n) || n == '@' || n == '*' || n == '#' || n == '?' || n == '$'
        || n == '!' || n == '-') {
      flush(lit, segs);
      segs.add(new ShellWord.Variable(String.valueOf(n)));
      pos += 2;
      return true;
    }
    return false;
  }

  /** The index of the parenthesis closing the one at {@code open}, skipping quotes. */
  private int matchParen(int open) throws Unterminated {
    int depth = 0;
    int i = open;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw new Unterminated();
        }
        i = end + 1;
        continue;
      }
      if (c == '"') {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != '"') {
          if (text.charAt(j) == '\\') {
            j++;
          }
          j++;
        }
        if (j >= text.length()) {
          throw new Unterminated();
        }
        i = j + 1;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
      i++;
    }
    throw new Unterminated();
  }

  private void appendWithPlaceholders(String s, StringBuilder lit, List<ShellWord.Segment> segs) {
    int i = 0;
    while (i < s.length()) {
      int start = s.indexOf(PLACEHOLDER_START, i);
      int end = start < 0 ? -1 : s.indexOf(PLACEHOLDER_END, start);
      if (start < 0 || end < 0) {
        lit.append(s, i, s.length());
        return;
      }
      lit.append(s, i, start);
      flush(lit, segs);
      segs.add(placeholder(s.substring(start + 1, end)));
      i = end + 1;
    }
  }

  private ShellWord.Segment placeholder(String index) {
    try {
      int i = Integer.parseInt(index);
      if (i >= 0 && i < placeholders.size()) {
        return new ShellWord.Placeholder(placeholders.get(i));
      }
    } catch (NumberFormatException e) {
      // not one of ours: keep the characters as they are
    }
    return new ShellWord.Literal(PLACEHOLDER_START + index + PLACEHOLDER_END);
  }

  private static void flush(StringBuilder lit, List<ShellWord.Segment> segs) {
    if (lit.length() > 0) {
      segs.add(new ShellWord.Literal(lit.toString()));
      lit.setLength(0);
    }
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** The variable name when the word is {@code NAME=...} with an unquoted name, else null. */
  private static String assignmentName(ShellWord word) {
    if (word.segments().isEmpty() || !(word.segments().get(0) instanceof ShellWord.Literal l)) {
      return null;
    }
    String t = l.text();
    int eq = t.indexOf('=');
    if (eq <= 0) {
      return null;
    }
    String name = t.substring(0, eq);
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : null;
  }

  private static ShellWord assignmentValue(ShellWord word, String name) {
    List<ShellWord.Segment> rest = new ArrayList<>();
    String first = ((ShellWord.Literal) word.segments().get(0)).text().substring(name.length() + 1);
    if (!first.isEmpty()) {
      rest.add(new ShellWord.Literal(first));
    }
    rest.addAll(word.segments().subList(1, word.segments().size()));
    return new ShellWord(rest);
  }
}
