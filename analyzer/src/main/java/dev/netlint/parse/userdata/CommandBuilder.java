package dev.netlint.parse.userdata;

import dev.netlint.model.ShellCommand;
import dev.netlint.model.ShellWord;
import dev.netlint.model.Value;
import dev.netlint.parse.userdata.ShellParser.ArithCommandContext;
import dev.netlint.parse.userdata.ShellParser.ArithmeticExpansionContext;
import dev.netlint.parse.userdata.ShellParser.ArrayValueContext;
import dev.netlint.parse.userdata.ShellParser.BackquotedContext;
import dev.netlint.parse.userdata.ShellParser.CaseSubjectContext;
import dev.netlint.parse.userdata.ShellParser.CommandContext;
import dev.netlint.parse.userdata.ShellParser.CommandSubstitutionContext;
import dev.netlint.parse.userdata.ShellParser.CompoundRedirectContext;
import dev.netlint.parse.userdata.ShellParser.CondCommandContext;
import dev.netlint.parse.userdata.ShellParser.DoubleQuotedContext;
import dev.netlint.parse.userdata.ShellParser.FunctionBodyContext;
import dev.netlint.parse.userdata.ShellParser.HereDocumentContext;
import dev.netlint.parse.userdata.ShellParser.NamePartContext;
import dev.netlint.parse.userdata.ShellParser.ParameterExpansionContext;
import dev.netlint.parse.userdata.ShellParser.PatternContext;
import dev.netlint.parse.userdata.ShellParser.ProcessSubstitutionContext;
import dev.netlint.parse.userdata.ShellParser.RedirectContext;
import dev.netlint.parse.userdata.ShellParser.SimpleCommandContext;
import dev.netlint.parse.userdata.ShellParser.WordPartContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.jspecify.annotations.Nullable;

/**
 * Turns the parse tree of a script into its simple commands, in the order they appear: commands
 * inside compound commands and function bodies are included, words of {@code for} and {@code case}
 * headers are not commands, and command substitutions stay parts of the word they stand in. Quotes
 * are removed and deploy-time placeholders become {@link ShellWord.Placeholder} segments.
 */
final class CommandBuilder {

  private final ShellBaseLexer lexer;
  private final CharStream chars;
  private final List<Value> placeholders;
  private final String part;
  private final int lineOffset;

  CommandBuilder(ShellBaseLexer lexer, List<Value> placeholders, String part, int lineOffset) {
    this.lexer = lexer;
    this.chars = lexer.getInputStream();
    this.placeholders = placeholders;
    this.part = part;
    this.lineOffset = lineOffset;
  }

  /** Appends the simple commands under {@code tree} to {@code out}. */
  void collect(ParseTree tree, List<ShellCommand> out) {
    if (tree instanceof SimpleCommandContext simple) {
      out.add(simpleCommand(simple));
      return;
    }
    if (tree instanceof WordPartContext
        || tree instanceof NamePartContext
        || tree instanceof CaseSubjectContext
        || tree instanceof PatternContext
        || tree instanceof RedirectContext
        || tree instanceof CondCommandContext
        || tree instanceof ArithCommandContext
        || tree instanceof TerminalNode) {
      return;
    }
    if (tree instanceof CommandContext command && command.compoundCommand() != null) {
      collect(command.compoundCommand(), out);
      redirectsOnly(command.compoundRedirect(), out);
      return;
    }
    if (tree instanceof FunctionBodyContext body) {
      collect(body.compoundCommand(), out);
      redirectsOnly(body.compoundRedirect(), out);
      return;
    }
    for (int i = 0; i < tree.getChildCount(); i++) {
      collect(tree.getChild(i), out);
    }
  }

  /**
   * The redirections of a compound command ({@code { ...; } > file}, {@code done < file}) as a
   * command of redirections only, so the files it writes are still seen.
   */
  private void redirectsOnly(List<CompoundRedirectContext> redirects, List<ShellCommand> out) {
    List<ShellCommand.Redirect> built = new ArrayList<>();
    for (CompoundRedirectContext c : redirects) {
      RedirectContext r = c.redirect();
      List<ParseTree> target = new ArrayList<>();
      target.add(r.hereDocument() != null ? r.hereDocument().wordPart() : r.wordPart());
      int lastStop = stop(r);
      for (WordPartContext part : c.wordPart()) {
        if (!touches(lastStop, start(part))) {
          break;
        }
        target.add(part);
        lastStop = stop(part);
      }
      addRedirect(r, target, built);
    }
    if (!built.isEmpty()) {
      out.add(new ShellCommand(line(redirects.get(0)), part, Map.of(), List.of(), built));
    }
  }

  /**
   * A simple command from its flat run of word parts and redirections: parts that touch make one
   * word, parts that touch a redirection's target extend the target, the leading words that are
   * {@code NAME=value} are its assignments.
   */
  private ShellCommand simpleCommand(SimpleCommandContext ctx) {
    List<List<ParseTree>> words = new ArrayList<>();
    List<ShellCommand.Redirect> redirects = new ArrayList<>();
    List<ParseTree> word = null;
    RedirectContext redirect = null;
    List<ParseTree> target = new ArrayList<>();
    int lastStop = -2;
    for (ParseTree child : ctx.children) {
      if (child instanceof RedirectContext r) {
        addRedirect(redirect, target, redirects);
        word = null;
        redirect = r;
        target = new ArrayList<>();
        target.add(r.hereDocument() != null ? r.hereDocument().wordPart() : r.wordPart());
        lastStop = stop(r);
        continue;
      }
      boolean touches = touches(lastStop, start(child));
      lastStop = stop(child);
      if (touches && word != null) {
        word.add(child);
      } else if (touches && redirect != null) {
        target.add(child);
      } else {
        addRedirect(redirect, target, redirects);
        redirect = null;
        word = new ArrayList<>();
        word.add(child);
        words.add(word);
      }
    }
    addRedirect(redirect, target, redirects);
    Map<String, ShellWord> assignments = new LinkedHashMap<>();
    List<ShellWord> built = new ArrayList<>();
    for (List<ParseTree> parts : words) {
      ParseTree first = unwrap(parts.get(0));
      boolean assignment =
          built.isEmpty()
              && (first instanceof ArrayValueContext
                  || (first instanceof TerminalNode t
                      && t.getSymbol().getType() == ShellLexer.ASSIGN_WORD));
      if (assignment) {
        assignment(first, parts.subList(1, parts.size()), assignments);
      } else {
        built.add(word(parts));
      }
    }
    return new ShellCommand(line(ctx), part, assignments, built, redirects);
  }

  private int line(ParserRuleContext ctx) {
    return ctx.getStart().getLine() + lineOffset;
  }

  /** The part itself, looking through the rule that only says which kind of part it is. */
  private static ParseTree unwrap(ParseTree part) {
    ParseTree p = part;
    while ((p instanceof WordPartContext || p instanceof NamePartContext)
        && p.getChildCount() == 1) {
      p = p.getChild(0);
    }
    return p;
  }

  private static int start(ParseTree tree) {
    if (tree instanceof TerminalNode t) {
      return t.getSymbol().getStartIndex();
    }
    return ((ParserRuleContext) tree).getStart().getStartIndex();
  }

  private static int stop(ParseTree tree) {
    if (tree instanceof TerminalNode t) {
      return t.getSymbol().getStopIndex();
    }
    Token stop = ((ParserRuleContext) tree).getStop();
    return stop == null ? -2 : stop.getStopIndex();
  }

  /**
   * True when a part starting at {@code start} follows the one ending at {@code lastStop} with
   * nothing between them but line continuations ({@code \} newline): they are one word.
   */
  private boolean touches(int lastStop, int start) {
    if (lastStop < 0 || start <= lastStop) {
      return false;
    }
    if (start == lastStop + 1) {
      return true;
    }
    String gap = text(lastStop + 1, start - 1);
    return gap.replace("\\\r\n", "").replace("\\\n", "").isEmpty();
  }

  private void assignment(
      ParseTree first, List<ParseTree> rest, Map<String, ShellWord> assignments) {
    Segments value = new Segments(placeholders);
    String name;
    if (first instanceof ArrayValueContext array) {
      name = assignedName(array.ASSIGN_ARRAY().getText());
      arrayValue(array, value);
    } else {
      String text = first.getText();
      int eq = text.indexOf('=');
      name = assignedName(text.substring(0, eq + 1));
      value.literal(unescape(text.substring(eq + 1)));
    }
    for (ParseTree p : rest) {
      wordPart(p, value);
    }
    assignments.put(name, value.word());
  }

  /** The variable of {@code NAME=}, {@code NAME+=}, {@code NAME[i]=} or {@code NAME=(}. */
  private static String assignedName(String prefix) {
    int end = 0;
    while (end < prefix.length()
        && (Character.isLetterOrDigit(prefix.charAt(end)) || prefix.charAt(end) == '_')) {
      end++;
    }
    return prefix.substring(0, end);
  }

  private ShellWord word(List<ParseTree> parts) {
    Segments s = new Segments(placeholders);
    for (ParseTree p : parts) {
      wordPart(p, s);
    }
    return s.word();
  }

  /** Adds a part of a word: a token, or a quoted string or expansion. */
  private void wordPart(ParseTree part, Segments s) {
    if (part instanceof TerminalNode t) {
      token(t.getSymbol(), s);
    } else if (part instanceof DoubleQuotedContext dq) {
      doubleQuoted(dq, s);
    } else if (part instanceof ParameterExpansionContext p) {
      s.add(new ShellWord.Variable(parameterName(p)));
    } else if (part instanceof CommandSubstitutionContext c) {
      s.add(substitution(c.CMDSUBST_START().getSymbol(), c.RPAREN().getSymbol()));
    } else if (part instanceof ProcessSubstitutionContext p) {
      s.add(substitution(p.getStart(), p.RPAREN().getSymbol()));
    } else if (part instanceof BackquotedContext b) {
      s.add(substitution(b.BQ_START().getSymbol(), b.BQ_END().getSymbol()));
    } else if (part instanceof ArithmeticExpansionContext a) {
      // $((x)) is kept as the substitution of "(x)", as a value found at run time.
      Token start = a.ARITH_START().getSymbol();
      Token end = a.ARITH_END().getSymbol();
      s.add(
          new ShellWord.CommandSubstitution(
              rendered(text(start.getStartIndex() + 2, end.getStartIndex()))));
    } else if (part instanceof ArrayValueContext array) {
      s.literal(array.ASSIGN_ARRAY().getText().replace("(", ""));
      arrayValue(array, s);
    } else if (part instanceof ParserRuleContext ctx) {
      for (ParseTree child : ctx.children) {
        wordPart(child, s);
      }
    }
  }

  private void arrayValue(ArrayValueContext ctx, Segments s) {
    s.literal("(");
    int lastStop = -2;
    for (WordPartContext part : ctx.wordPart()) {
      if (lastStop >= 0 && !touches(lastStop, start(part))) {
        s.literal(" ");
      }
      wordPart(part, s);
      lastStop = stop(part);
    }
    s.literal(")");
  }

  private void token(Token t, Segments s) {
    String text = t.getText();
    switch (t.getType()) {
      case ShellLexer.SQUOTED -> s.literal(text.substring(1, text.length() - 1));
      case ShellLexer.ANSI_C -> s.literal(ansiC(text.substring(2, text.length() - 1)));
      case ShellLexer.DQ_TEXT -> s.literal(unescapeDoubleQuoted(text));
      case ShellLexer.VAR -> s.add(new ShellWord.Variable(text.substring(1)));
      case ShellLexer.VAR_SPECIAL -> s.add(new ShellWord.Variable(text.substring(1)));
      case ShellLexer.DQ_START, ShellLexer.DQ_END -> {
        // the quotes themselves are removed
      }
      default -> s.literal(unescape(text));
    }
  }

  private void doubleQuoted(DoubleQuotedContext ctx, Segments s) {
    for (ParseTree child : ctx.children) {
      wordPart(child, s);
    }
  }

  /**
   * The variable a {@code ${...}} expansion reads: {@code VAR} for {@code ${VAR:-x}}, the special
   * parameter for {@code ${#}}, else what stands inside ({@code #VAR} for a length).
   */
  private String parameterName(ParameterExpansionContext ctx) {
    String inner =
        text(
            ctx.PARAM_START().getSymbol().getStopIndex() + 1,
            ctx.PARAM_END().getSymbol().getStartIndex() - 1);
    int end = 0;
    while (end < inner.length()
        && (Character.isLetterOrDigit(inner.charAt(end)) || inner.charAt(end) == '_')) {
      end++;
    }
    return end == 0 ? rendered(inner) : inner.substring(0, end);
  }

  private ShellWord.CommandSubstitution substitution(Token open, Token close) {
    return new ShellWord.CommandSubstitution(
        rendered(text(open.getStopIndex() + 1, close.getStartIndex() - 1)));
  }

  /** Adds the redirection {@code ctx} with the target made of {@code target}, if any. */
  private void addRedirect(
      @Nullable RedirectContext ctx, List<ParseTree> target, List<ShellCommand.Redirect> out) {
    if (ctx == null) {
      return;
    }
    ShellCommand.Redirect r = redirect(ctx, word(target));
    if (r != null) {
      out.add(r);
    }
  }

  private ShellCommand.@Nullable Redirect redirect(RedirectContext ctx, ShellWord target) {
    HereDocumentContext here = ctx.hereDocument();
    if (here != null) {
      Token op = here.getStart();
      return new ShellCommand.Redirect(
          op.getType() == ShellLexer.DLESSDASH ? "<<-" : "<<",
          target,
          // Raw, with the numbered deploy-time markers: a proxy configuration's upstream is
          // often Fn::GetAtt Db.Endpoint.Address, and flow inference needs that value, not text.
          lexer.hereDocumentBody(op.getStartIndex()));
    }
    String operator =
        switch (ctx.redirectOperator().getStart().getType()) {
          case ShellLexer.LESS -> "<";
          case ShellLexer.DGREAT, ShellLexer.AND_DGREAT -> ">>";
          case ShellLexer.CLOBBER -> ">|";
          case ShellLexer.LESSGREAT -> "<>";
          case ShellLexer.TLESS -> "<<<";
          case ShellLexer.LESSAND -> duplicatesDescriptor(target) ? "" : "<";
          case ShellLexer.GREATAND -> duplicatesDescriptor(target) ? "" : ">";
          default -> ">";
        };
    return operator.isEmpty() ? null : new ShellCommand.Redirect(operator, target, null);
  }

  /** True for {@code >&2} and {@code >&-}: a descriptor copied or closed, not a file. */
  private static boolean duplicatesDescriptor(ShellWord target) {
    String t = target.literalText().orElse("");
    return t.equals("-") || (!t.isEmpty() && t.chars().allMatch(Character::isDigit));
  }

  private String text(int start, int stop) {
    if (stop < start) {
      return "";
    }
    return chars.getText(Interval.of(start, stop));
  }

  private String rendered(String raw) {
    return rendered(raw, placeholders);
  }

  /** Text with its placeholders written as the CloudFormation values they stand for. */
  static String rendered(String raw, List<Value> placeholders) {
    if (raw.indexOf(ShellScanner.PLACEHOLDER_START) < 0) {
      return raw;
    }
    Segments s = new Segments(placeholders);
    s.literal(raw);
    StringBuilder out = new StringBuilder();
    for (ShellWord.Segment seg : s.word().segments()) {
      if (seg instanceof ShellWord.Placeholder p) {
        out.append(p.value().render());
      } else if (seg instanceof ShellWord.Literal l) {
        out.append(l.text());
      }
    }
    return out.toString();
  }

  /** Removes the backslash of each escaped character, as outside quotes. */
  private static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        c = text.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Inside double quotes a backslash escapes only {@code $ ` " \} and the newline (which it
   * removes); before any other character it stays.
   */
  private static String unescapeDoubleQuoted(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char n = text.charAt(i + 1);
        if (n == '$' || n == '`' || n == '"' || n == '\\') {
          out.append(n);
          i++;
          continue;
        }
        if (n == '\n') {
          i++;
          continue;
        }
        if (n == '\r' && i + 2 < text.length() && text.charAt(i + 2) == '\n') {
          i += 2;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The escapes of bash's {@code $'...'} quoting. */
  static String ansiC(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (c != '\\' || i >= text.length()) {
        out.append(c);
        continue;
      }
      char e = text.charAt(i++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'e', 'E' -> out.append('\u001b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case 'x' -> i = numeric(text, i, 16, 2, out);
        case 'u' -> i = numeric(text, i, 16, 4, out);
        case 'U' -> i = numeric(text, i, 16, 8, out);
        case '0', '1', '2', '3', '4', '5', '6', '7' -> i = numeric(text, i - 1, 8, 3, out);
        default -> out.append(e);
      }
    }
    return out.toString();
  }

  /** Reads up to {@code max} digits of {@code radix} at {@code from}; returns where it stopped. */
  private static int numeric(String text, int from, int radix, int max, StringBuilder out) {
    int end = from;
    while (end < text.length()
        && end - from < max
        && Character.digit(text.charAt(end), radix) >= 0) {
      end++;
    }
    if (end == from) {
      out.append('\\').append(radix == 8 ? "" : text.charAt(from - 1));
      return end;
    }
    int code = Integer.parseInt(text.substring(from, end), radix);
    if (Character.isValidCodePoint(code)) {
      out.appendCodePoint(code);
    }
    return end;
  }

  /** The segments of a word being built: adjacent literal text is joined into one segment. */
  private static final class Segments {
    private final List<ShellWord.Segment> segments = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    private final List<Value> placeholders;

    Segments(List<Value> placeholders) {
      this.placeholders = placeholders;
    }

    /** Adds literal text, turning its placeholders into deploy-time values. */
    void literal(String text) {
      int i = 0;
      while (i < text.length()) {
        int start = text.indexOf(ShellScanner.PLACEHOLDER_START, i);
        int end = start < 0 ? -1 : text.indexOf(ShellScanner.PLACEHOLDER_END, start);
        if (start < 0 || end < 0) {
          literal.append(text, i, text.length());
          return;
        }
        literal.append(text, i, start);
        Value value = placeholder(text.substring(start + 1, end));
        if (value == null) {
          literal.append(text, start, end + 1);
        } else {
          add(new ShellWord.Placeholder(value));
        }
        i = end + 1;
      }
    }

    void add(ShellWord.Segment segment) {
      flush();
      segments.add(segment);
    }

    ShellWord word() {
      flush();
      return new ShellWord(segments);
    }

    private @Nullable Value placeholder(String index) {
      if (index.isEmpty() || index.length() > 9 || !index.chars().allMatch(Character::isDigit)) {
        return null;
      }
      int i = Integer.parseInt(index);
      return i < placeholders.size() ? placeholders.get(i) : null;
    }

    private void flush() {
      if (literal.length() > 0) {
        segments.add(new ShellWord.Literal(literal.toString()));
        literal.setLength(0);
      }
    }
  }
}
