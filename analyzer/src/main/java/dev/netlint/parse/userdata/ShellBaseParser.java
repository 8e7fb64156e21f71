package dev.netlint.parse.userdata;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * What the shell grammar needs beyond context-free rules: whether two tokens touch (the parts of
 * one word have no blank between them, {@code a"$b"c}), and a bound on nesting so that a script of
 * a million {@code $(} fails at a line instead of overflowing the stack.
 */
public abstract class ShellBaseParser extends Parser {

  /**
   * The deepest nesting of grammar rules a script may reach, about 40 nested compound commands or
   * substitutions: far beyond any real user data, well within a thread's stack.
   */
  public static final int MAX_RULE_DEPTH = 400;

  private int depth;

  /** A script nested deeper than {@link #MAX_RULE_DEPTH}, reported at the token reached. */
  static final class NestedTooDeeply extends RecognitionException {
    private static final long serialVersionUID = 1L;

    NestedTooDeeply(Parser parser, ParserRuleContext ctx) {
      super("nested too deeply", parser, parser.getInputStream(), ctx);
      setOffendingToken(parser.getCurrentToken());
    }
  }

  protected ShellBaseParser(TokenStream input) {
    super(input);
  }

  /**
   * True when the next token starts right where the previous one ended, or only line
   * continuations ({@code \} newline) stand between them.
   */
  protected boolean adjacent() {
    Token previous = _input.LT(-1);
    Token next = _input.LT(1);
    if (previous == null || next == null || next.getType() == Token.EOF) {
      return false;
    }
    int gapStart = previous.getStopIndex() + 1;
    int gapEnd = next.getStartIndex();
    if (gapStart >= gapEnd) {
      return gapStart == gapEnd;
    }
    CharStream chars = next.getInputStream();
    if (chars == null) {
      return false;
    }
    String gap = chars.getText(Interval.of(gapStart, gapEnd - 1));
    return gap.replace("\\\r\n", "").replace("\\\n", "").isEmpty();
  }

  @Override
  public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
    super.enterRule(localctx, state, ruleIndex);
    if (++depth > MAX_RULE_DEPTH) {
      throw new ParseCancellationException(new NestedTooDeeply(this, localctx));
    }
  }

  @Override
  public void exitRule() {
    depth--;
    super.exitRule();
  }

  @Override
  public void reset() {
    super.reset();
    depth = 0;
  }
}
