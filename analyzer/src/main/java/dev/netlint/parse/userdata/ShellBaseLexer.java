package dev.netlint.parse.userdata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The state the shell's tokens depend on beyond what a lexer grammar can say: which quote or
 * substitution each pushed mode opened (so an unterminated one is reported at the line it starts),
 * the {@code case} patterns whose {@code )} closes nothing, and here-documents, whose bodies follow
 * the newline that ends their operator's line.
 *
 * <p>A here-document body is read here, straight from the characters, when the lexer emits that
 * newline: the delimiter was taken from the characters after {@code <<} when the operator was lexed
 * (quotes removed, as POSIX says), and the body runs to the line that is the delimiter. The body
 * becomes one {@code HEREDOC_BODY} token on the hidden channel, so the parser never sees it, and
 * {@link #hereDocumentBody} gives it to whoever builds the redirection. Reading it in the lexer
 * keeps the body's text (quotes, {@code $}, parentheses) away from every lexer mode: a body full of
 * unbalanced quotes cannot disturb the commands after it.
 *
 * <p>Follows <a
 * href="https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_07_04">POSIX
 * here-documents</a>.
 */
public abstract class ShellBaseLexer extends Lexer {

  /** Where a case statement is, within one level of command nesting. */
  private enum CaseState {
    AWAITING_IN,
    PATTERN,
    BODY
  }

  /** What a pushed mode opened, and the case statements inside it when it is a command level. */
  private record Opener(int line, boolean parenthesis, Deque<CaseState> cases) {}

  private record PendingHereDocument(int operatorIndex, String delimiter, boolean stripTabs) {}

  private final Deque<Opener> openers = new ArrayDeque<>();
  private final Deque<CaseState> topLevelCases = new ArrayDeque<>();
  private final List<PendingHereDocument> pending = new ArrayList<>();
  private final Map<Integer, String> bodies = new HashMap<>();
  private final Deque<Token> queued = new ArrayDeque<>();
  private int lastType = Token.INVALID_TYPE;
  private int unclosedLine;

  protected ShellBaseLexer(CharStream input) {
    super(input);
  }

  /**
   * The body of the here-document whose operator ({@code <<} or {@code <<-}) starts at character
   * index {@code operatorIndex}: its lines up to the delimiter line, each ending in a newline, with
   * leading tabs removed for {@code <<-}; empty when the script ends before a body.
   */
  public String hereDocumentBody(int operatorIndex) {
    return bodies.getOrDefault(operatorIndex, "");
  }

  /**
   * The line of the outermost quote or substitution still open when the input ended, or 0 when
   * everything opened was closed (or the input has not been read to its end).
   */
  public int unclosedLine() {
    return unclosedLine;
  }

  @Override
  public Token nextToken() {
    if (!queued.isEmpty()) {
      return queued.poll();
    }
    Token t = super.nextToken();
    if (t.getChannel() != Token.DEFAULT_CHANNEL) {
      return t;
    }
    track(t);
    lastType = t.getType();
    if (t.getType() == ShellLexer.NEWLINE && !pending.isEmpty()) {
      readHereDocumentBodies();
    }
    return t;
  }

  @Override
  public void pushMode(int m) {
    openers.push(new Opener(_tokenStartLine, false, new ArrayDeque<>()));
    super.pushMode(m);
  }

  @Override
  public int popMode() {
    if (!openers.isEmpty()) {
      openers.pop();
    }
    return super.popMode();
  }

  @Override
  public void reset() {
    super.reset();
    openers.clear();
    topLevelCases.clear();
    pending.clear();
    bodies.clear();
    queued.clear();
    lastType = Token.INVALID_TYPE;
    unclosedLine = 0;
  }

  /** True when the token being lexed starts a word: at the start or after a blank or operator. */
  protected boolean atWordStart() {
    int start = _tokenStartCharIndex;
    if (start <= 0) {
      return true;
    }
    String before = _input.getText(Interval.of(start - 1, start - 1));
    return before.isEmpty() || " \t\r\n;&|()<>".indexOf(before.charAt(0)) >= 0;
  }

  /** True when the digits just lexed stand directly before a redirection operator. */
  protected boolean ioNumberFollows() {
    int next = _input.LA(1);
    return next == '<' || next == '>';
  }

  /**
   * An opening parenthesis that opens a new command level: {@code $(}, {@code <(}, {@code >(}, an
   * array value.
   */
  protected void openParen() {
    pushMode(DEFAULT_MODE);
    openers.pop();
    openers.push(new Opener(_tokenStartLine, true, new ArrayDeque<>()));
  }

  /**
   * A bare {@code (}: a subshell or a function's {@code ()} opens a new command level; the optional
   * one before a case pattern does not, as its {@code )} ends the pattern.
   */
  protected void openGroup() {
    if (innermostCases().peek() != CaseState.PATTERN) {
      openParen();
    }
  }

  /** A closing parenthesis: ends a case pattern, or the command level its partner opened. */
  protected void closeParen() {
    Deque<CaseState> cases = innermostCases();
    if (cases.peek() == CaseState.PATTERN) {
      cases.pop();
      cases.push(CaseState.BODY);
      return;
    }
    if (!openers.isEmpty() && openers.peek().parenthesis()) {
      popMode();
    }
  }

  /** Records the here-document whose operator was just lexed, reading its delimiter ahead. */
  protected void hereDocument(boolean stripTabs) {
    String delimiter = delimiterAhead();
    if (!delimiter.isEmpty()) {
      pending.add(new PendingHereDocument(_tokenStartCharIndex, delimiter, stripTabs));
    }
  }

  /** The case statements of the innermost command level. */
  private Deque<CaseState> innermostCases() {
    for (Opener o : openers) {
      if (o.parenthesis()) {
        return o.cases();
      }
    }
    return topLevelCases;
  }

  /** Follows case statements: {@code case WORD in}, patterns, bodies, {@code ;;}, {@code esac}. */
  private void track(Token t) {
    int type = t.getType();
    if (type == Token.EOF) {
      if (!openers.isEmpty()) {
        unclosedLine = openers.peekLast().line();
      }
      return;
    }
    if (_mode != DEFAULT_MODE) {
      return;
    }
    Deque<CaseState> cases = innermostCases();
    switch (type) {
      case ShellLexer.CASE -> {
        if (atCommandPosition()) {
          cases.push(CaseState.AWAITING_IN);
        }
      }
      case ShellLexer.IN -> {
        if (cases.peek() == CaseState.AWAITING_IN) {
          cases.pop();
          cases.push(CaseState.PATTERN);
        }
      }
      case ShellLexer.DSEMI, ShellLexer.SEMI_AND, ShellLexer.DSEMI_AND -> {
        if (cases.peek() == CaseState.BODY) {
          cases.pop();
          cases.push(CaseState.PATTERN);
        }
      }
      case ShellLexer.ESAC -> {
        if (cases.peek() == CaseState.PATTERN
            || (cases.peek() == CaseState.BODY && atCommandPosition())) {
          cases.pop();
        }
      }
      default -> {
        // other tokens do not move a case statement along
      }
    }
  }

  /** True when the previous token leaves the lexer where a command name may stand. */
  private boolean atCommandPosition() {
    return switch (lastType) {
      case Token.INVALID_TYPE,
          ShellLexer.NEWLINE,
          ShellLexer.SEMI,
          ShellLexer.AMP,
          ShellLexer.AND_IF,
          ShellLexer.OR_IF,
          ShellLexer.PIPE,
          ShellLexer.PIPE_AMP,
          ShellLexer.LPAREN,
          ShellLexer.RPAREN,
          ShellLexer.CMDSUBST_START,
          ShellLexer.LBRACE,
          ShellLexer.RBRACE,
          ShellLexer.THEN,
          ShellLexer.ELSE,
          ShellLexer.ELIF,
          ShellLexer.IF,
          ShellLexer.DO,
          ShellLexer.WHILE,
          ShellLexer.UNTIL,
          ShellLexer.BANG,
          ShellLexer.DSEMI,
          ShellLexer.SEMI_AND,
          ShellLexer.DSEMI_AND ->
          true;
      default -> false;
    };
  }

  /**
   * The here-document delimiter after the operator just lexed: the next word with its quotes and
   * backslashes removed, or empty when no word follows on the line.
   */
  private String delimiterAhead() {
    int i = 1;
    while (_input.LA(i) == ' ' || _input.LA(i) == '\t') {
      i++;
    }
    StringBuilder delimiter = new StringBuilder();
    while (true) {
      int c = _input.LA(i);
      if (c == CharStream.EOF || " \t\r\n;&|<>()".indexOf(c) >= 0) {
        break;
      }
      if (c == '\'' || c == '"') {
        int j = i + 1;
        while (_input.LA(j) != CharStream.EOF && _input.LA(j) != c) {
          if (c == '"' && _input.LA(j) == '\\' && _input.LA(j + 1) != CharStream.EOF) {
            j++;
          }
          delimiter.appendCodePoint(_input.LA(j));
          j++;
        }
        i = _input.LA(j) == c ? j + 1 : j;
        continue;
      }
      if (c == '\\' && _input.LA(i + 1) != CharStream.EOF) {
        delimiter.appendCodePoint(_input.LA(i + 1));
        i += 2;
        continue;
      }
      delimiter.appendCodePoint(c);
      i++;
    }
    return delimiter.toString();
  }

  /**
   * Reads the bodies of the here-documents whose operators stood on the line just ended, one hidden
   * token each. User data is often re-indented by YAML block scalars and generators, so a delimiter
   * line may carry white space around the delimiter.
   */
  private void readHereDocumentBodies() {
    for (PendingHereDocument p : pending) {
      int startIndex = _input.index();
      int startLine = getLine();
      int startColumn = getCharPositionInLine();
      StringBuilder body = new StringBuilder();
      StringBuilder line = new StringBuilder();
      while (_input.LA(1) != CharStream.EOF) {
        line.setLength(0);
        while (_input.LA(1) != CharStream.EOF && _input.LA(1) != '\n') {
          line.appendCodePoint(_input.LA(1));
          getInterpreter().consume(_input);
        }
        if (_input.LA(1) == '\n') {
          getInterpreter().consume(_input);
        }
        String text = stripCarriageReturn(line);
        if (text.strip().equals(p.delimiter())) {
          break;
        }
        body.append(p.stripTabs() ? stripLeadingTabs(text) : text).append('\n');
      }
      bodies.put(p.operatorIndex(), body.toString());
      if (_input.index() > startIndex) {
        queued.add(
            _factory.create(
                _tokenFactorySourcePair,
                ShellLexer.HEREDOC_BODY,
                null,
                Token.HIDDEN_CHANNEL,
                startIndex,
                _input.index() - 1,
                startLine,
                startColumn));
      }
    }
    pending.clear();
  }

  private static String stripCarriageReturn(StringBuilder line) {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      end--;
    }
    return line.substring(0, end);
  }

  private static String stripLeadingTabs(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == '\t') {
      i++;
    }
    return line.substring(i);
  }
}
