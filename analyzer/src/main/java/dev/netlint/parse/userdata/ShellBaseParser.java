package dev.netlint.parse.userdata;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * What the shell grammar needs beyond context-free rules: a bound on nesting, so that a script of a
 * million {@code $(} fails at a line instead of overflowing the stack.
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
