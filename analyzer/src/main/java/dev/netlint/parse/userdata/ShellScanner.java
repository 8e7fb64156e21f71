package dev.netlint.parse.userdata;

import dev.netlint.model.ShellCommand;
import dev.netlint.model.ShellWord;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.parse.userdata.ShellParser.CompleteCommandContext;
import dev.netlint.parse.userdata.ShellParser.ScriptContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a POSIX shell script, as user data is written, into its simple commands with their words,
 * using the shell grammar ({@code ShellLexer.g4}, {@code ShellParser.g4} and its topic grammars):
 * quoting ({@code '...'}, {@code "..."}, {@code $'...'}, {@code \}), {@code $VAR}, {@code ${VAR}},
 * {@code $(...)}, backquotes and {@code $((...))}, line continuations, comments, pipelines and
 * lists, redirections and here-documents (their bodies are kept, not read as commands), and the
 * compound commands ({@code if}, {@code for}, {@code while}, {@code until}, {@code case}, groups,
 * subshells, function definitions), whose inner simple commands are kept in order.
 *
 * <p>What it cannot parse is recorded in {@link Result#unparsedLines()} and the rest is still read,
 * so one odd line never hides the commands after it. On a syntax error the offending line is found
 * (the line of an unterminated quote or substitution, of a compound command left open at the end,
 * or of the token the parser could not accept), blanked, and the script is parsed again from the
 * complete command the error stood in; the complete commands before it are kept as they were. Each
 * parse tries the fast SLL prediction first and full LL only when SLL fails.
 *
 * <p>Deploy-time CloudFormation values appear in the text as {@link #PLACEHOLDER_START} index
 * {@link #PLACEHOLDER_END} and become {@link ShellWord.Placeholder} segments wherever they stand,
 * inside quotes too; in the text of a command substitution or a here-document body they are written
 * as the value they stand for ({@code ${Vpc.CidrBlock}}).
 *
 * <p>Follows the <a
 * href="https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html">POSIX Shell
 * Command Language</a>.
 */
public final class ShellScanner {

  /** Marks the start of a deploy-time value in the script text (a private-use character). */
  public static final char PLACEHOLDER_START = UserData.PLACEHOLDER_START;

  /** Marks the end of a deploy-time value in the script text. */
  public static final char PLACEHOLDER_END = UserData.PLACEHOLDER_END;

  /**
   * What the scanner found.
   *
   * @param commands the simple commands, in order
   * @param unparsedLines 1-based lines it could not read (with the line offset), in order
   * @param unparsed the same lines with their part and text
   * @throws IllegalArgumentException when {@code unparsedLines} are not the lines of {@code
   *     unparsed}
   */
  public record Result(
      List<ShellCommand> commands,
      List<Integer> unparsedLines,
      List<UserData.UnparsedLine> unparsed) {

    public Result {
      commands = List.copyOf(commands);
      unparsedLines = List.copyOf(unparsedLines);
      unparsed = List.copyOf(unparsed);
      if (!unparsedLines.equals(unparsed.stream().map(UserData.UnparsedLine::line).toList())) {
        throw new IllegalArgumentException(
            "unparsedLines " + unparsedLines + " are not the lines of " + unparsed);
      }
    }

    /** A result whose unparsed lines are known by number only. */
    public Result(List<ShellCommand> commands, List<Integer> unparsedLines) {
      this(
          commands,
          unparsedLines,
          unparsedLines.stream().map(l -> new UserData.UnparsedLine(l, "", "")).toList());
    }
  }

  /**
   * How many unparsed lines the line-by-line fallback reads before it reports the rest unread: far
   * more lines than EC2's 16 KiB of user data can hold odd ones.
   */
  static final int MAX_UNPARSED_LINES = 1_000;

  private final char[] original;
  private final char[] script;
  private final int[] lineStarts;
  private final List<Value> placeholders;
  private final String part;
  private final int lineOffset;
  private final List<ShellCommand> commands = new ArrayList<>();
  private final TreeSet<Integer> unparsed = new TreeSet<>();

  private ShellScanner(String text, List<Value> placeholders, String part, int lineOffset) {
    this.original = text.toCharArray();
    this.script = text.toCharArray();
    this.placeholders = placeholders;
    this.part = part;
    this.lineOffset = lineOffset;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < script.length; i++) {
      if (script[i] == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Reads a script. Never throws for bad input: what cannot be parsed is in {@link
   * Result#unparsedLines()}.
   *
   * @param text the script, with deploy-time values as placeholders
   * @param placeholders the values the placeholders stand for, by index
   * @param part the part name recorded on each command ({@code runcmd}, a MIME part), or empty
   * @param lineOffset added to every line number (where this script starts in a larger document)
   */
  public static Result scan(String text, List<Value> placeholders, String part, int lineOffset) {
    ShellScanner s = new ShellScanner(text, placeholders, part, lineOffset);
    s.run();
    List<Integer> lines = new ArrayList<>();
    List<UserData.UnparsedLine> details = new ArrayList<>();
    for (int line : s.unparsed) {
      lines.add(line + lineOffset);
      details.add(new UserData.UnparsedLine(line + lineOffset, part, s.lineText(line)));
    }
    return new Result(s.commands, lines, details);
  }

  /** One parse of the script from a line on, with the SLL then LL strategy. */
  private final class Attempt {
    final ShellLexer lexer;
    final CommonTokenStream tokens;
    final ShellParser parser;
    ScriptContext tree;
    @Nullable RecognitionException error;
    boolean retried;

    /**
     * Parses the script's characters from index {@code from} to {@code end}, with full LL
     * prediction when SLL fails and {@code retryWithLl} allows it.
     */
    Attempt(int from, int end, int firstLine, boolean retryWithLl) {
      lexer = new ShellLexer(new ScriptCharStream(script, from, end));
      lexer.removeErrorListeners();
      lexer.setLine(firstLine);
      lexer.setCharPositionInLine(0);
      tokens = new CommonTokenStream(lexer);
      parser = new ShellParser(tokens);
      parser.removeErrorListeners();
      parser.setErrorHandler(new BailErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      ScriptContext t;
      try {
        t = parser.script();
      } catch (ParseCancellationException sllFailed) {
        if (!retryWithLl || sllFailed.getCause() instanceof ShellBaseParser.NestedTooDeeply) {
          error = recognitionError(sllFailed);
          tree = rootOf(error.getCtx());
          return;
        }
        retried = true;
        tokens.seek(0);
        parser.reset();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        try {
          t = parser.script();
        } catch (ParseCancellationException e) {
          error = recognitionError(e);
          t = rootOf(error.getCtx());
        }
      }
      tree = t;
    }

    private RecognitionException recognitionError(ParseCancellationException e) {
      return e.getCause() instanceof RecognitionException re
          ? re
          : new RecognitionException(parser, tokens, parser.getContext());
    }

    CommandBuilder builder() {
      return new CommandBuilder(lexer, placeholders, part, lineOffset);
    }

    /** The characters lexed, once for each parse that read them. */
    long work(int from) {
      return (lexer.getInputStream().index() - from + 1L) * (retried ? 2 : 1);
    }
  }

  private static ScriptContext rootOf(@Nullable Object ctx) {
    Object c = ctx;
    while (c instanceof ParserRuleContext p) {
      if (p instanceof ScriptContext s) {
        return s;
      }
      c = p.getParent();
    }
    return new ScriptContext(null, 0);
  }

  private void run() {
    // Each retry blanks one more non-blank line, so there are at most as many retries as lines;
    // the work budget bounds what a pathological script can cost before its remaining lines are
    // read one by one.
    long budget = 4L * script.length + 65_536;
    long work = 0;
    int fromLine = 1;
    while (true) {
      if (work > budget) {
        lineByLine(fromLine);
        return;
      }
      int from = lineStarts[fromLine - 1];
      Attempt a = new Attempt(from, script.length, fromLine, true);
      work += a.work(from);
      RecognitionException error = a.error;
      if (error == null) {
        collect(a, a.tree.completeCommand(), Integer.MAX_VALUE);
        return;
      }
      int bad = offendingLine(a, error);
      int failing = failingCommandLine(error, bad);
      collect(a, a.tree.completeCommand(), failing);
      int blanked = blank(bad) ? bad : blank(failing) ? failing : blankFirstFrom(fromLine);
      if (blanked == 0) {
        return;
      }
      unparsed.add(blanked);
      fromLine = Math.max(1, Math.min(failing, blanked));
    }
  }

  /** Blanks the first line from {@code line} on that holds something; 0 when there is none. */
  private int blankFirstFrom(int line) {
    for (int l = line; l <= lineStarts.length; l++) {
      if (blank(l)) {
        return l;
      }
    }
    return 0;
  }

  /**
   * Reads the lines from {@code fromLine} on each alone, the fallback for pathological input: a
   * line either parses by itself or is unparsed. After {@link #MAX_UNPARSED_LINES} unparsed lines
   * the remaining ones are reported without being read.
   */
  private void lineByLine(int fromLine) {
    for (int line = fromLine; line <= lineStarts.length; line++) {
      if (lineOf(script, line).isBlank()) {
        continue;
      }
      if (unparsed.size() >= MAX_UNPARSED_LINES) {
        unparsed.add(line);
        continue;
      }
      int end = line < lineStarts.length ? lineStarts[line] : script.length;
      Attempt a = new Attempt(lineStarts[line - 1], end, line, false);
      if (a.error == null) {
        collect(a, a.tree.completeCommand(), Integer.MAX_VALUE);
      } else {
        unparsed.add(line);
      }
    }
  }

  private void collect(Attempt a, List<CompleteCommandContext> complete, int beforeLine) {
    CommandBuilder builder = a.builder();
    for (CompleteCommandContext c : complete) {
      if (c.getStart().getLine() < beforeLine && c.exception == null) {
        builder.collect(c, commands);
      }
    }
  }

  /**
   * The line to blank after a syntax error: where an unterminated quote or substitution opened,
   * where a compound command left open at the end of the script starts, else the line of the token
   * the parser could not accept.
   */
  private int offendingLine(Attempt a, RecognitionException error) {
    Token offending = error.getOffendingToken();
    if (offending == null) {
      return a.parser.getCurrentToken().getLine();
    }
    if (offending.getType() != Token.EOF) {
      return offending.getLine();
    }
    if (a.lexer.unclosedLine() > 0) {
      return a.lexer.unclosedLine();
    }
    for (Object c = error.getCtx(); c instanceof ParserRuleContext ctx; c = ctx.getParent()) {
      if (opensBlock(ctx)) {
        return ctx.getStart().getLine();
      }
    }
    for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
      Token t = a.tokens.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t.getLine();
      }
    }
    return offending.getLine();
  }

  private static boolean opensBlock(ParserRuleContext ctx) {
    return ctx instanceof ShellParser.IfClauseContext
        || ctx instanceof ShellParser.ForClauseContext
        || ctx instanceof ShellParser.WhileClauseContext
        || ctx instanceof ShellParser.UntilClauseContext
        || ctx instanceof ShellParser.CaseClauseContext
        || ctx instanceof ShellParser.BraceGroupContext
        || ctx instanceof ShellParser.SubshellContext
        || ctx instanceof ShellParser.FunctionDefinitionContext
        || ctx instanceof ShellParser.CondCommandContext
        || ctx instanceof ShellParser.ArrayValueContext;
  }

  /** The first line of the complete command the error stands in, or {@code bad} at top level. */
  private static int failingCommandLine(RecognitionException error, int bad) {
    for (Object c = error.getCtx(); c instanceof ParserRuleContext ctx; c = ctx.getParent()) {
      if (ctx instanceof CompleteCommandContext && ctx.getParent() instanceof ScriptContext) {
        return Math.min(ctx.getStart().getLine(), bad);
      }
    }
    return bad;
  }

  /** Blanks a line that still holds something; false when it was already blank. */
  private boolean blank(int line) {
    if (line < 1 || line > lineStarts.length) {
      return false;
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : script.length;
    boolean changed = false;
    for (int i = start; i < end; i++) {
      if (!Character.isWhitespace(script[i])) {
        changed = true;
      }
      script[i] = ' ';
    }
    return changed;
  }

  private String lineOf(char[] text, int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length;
    if (end > start && text[end - 1] == '\r') {
      end--;
    }
    return new String(text, start, end - start);
  }

  /** The original text of a line, deploy-time values written as what they stand for. */
  private String lineText(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    return CommandBuilder.rendered(lineOf(original, line), placeholders);
  }
}
