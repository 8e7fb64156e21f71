package dev.netlint.model;

import java.util.List;
import java.util.Optional;

/**
 * One word of a shell command in user data, after quote removal, as the segments it is made of:
 * literal text, {@code $VAR}/{@code ${VAR}} expansions, {@code $(...)}/backtick command
 * substitutions, and CloudFormation values that are known only at deploy time ({@code Fn::Sub}
 * placeholders such as {@code ${NatEip.AllocationId}}).
 *
 * @param segments the parts, in order
 */
public record ShellWord(List<Segment> segments) {

  public ShellWord {
    segments = List.copyOf(segments);
  }

  /** A part of a word. */
  public sealed interface Segment {}

  /** Literal characters. */
  public record Literal(String text) implements Segment {}

  /** A parameter expansion {@code $NAME} or {@code ${NAME...}}; name is the variable name. */
  public record Variable(String name) implements Segment {}

  /** A command substitution {@code $(...)} or backticks; text is what is inside. */
  public record CommandSubstitution(String text) implements Segment {}

  /** A CloudFormation value known only at deploy time, from {@code Fn::Sub} or {@code Fn::Join}. */
  public record Placeholder(Value value) implements Segment {}

  /** A word of literal text only. */
  public static ShellWord literal(String text) {
    return new ShellWord(List.of(new Literal(text)));
  }

  /** The word's text when it is literal only, else empty. */
  public Optional<String> literalText() {
    var sb = new StringBuilder();
    for (Segment s : segments) {
      if (!(s instanceof Literal l)) {
        return Optional.empty();
      }
      sb.append(l.text());
    }
    return Optional.of(sb.toString());
  }

  /** True when the word is a single variable expansion (quoted or not). */
  public Optional<String> soleVariable() {
    if (segments.size() == 1 && segments.get(0) instanceof Variable v) {
      return Optional.of(v.name());
    }
    return Optional.empty();
  }

  /** True when any part is a command substitution: the value is found at run time. */
  public boolean hasCommandSubstitution() {
    return segments.stream().anyMatch(s -> s instanceof CommandSubstitution);
  }

  /** True when any part is a deploy-time CloudFormation value. */
  public boolean hasPlaceholder() {
    return segments.stream().anyMatch(s -> s instanceof Placeholder);
  }

  /**
   * The word as a person would read it: variables as {@code $NAME}, substitutions as {@code
   * $(...)}.
   */
  public String display() {
    var sb = new StringBuilder();
    for (Segment s : segments) {
      if (s instanceof Literal l) {
        sb.append(l.text());
      } else if (s instanceof Variable v) {
        sb.append("$").append(v.name());
      } else if (s instanceof CommandSubstitution c) {
        sb.append("$(").append(c.text()).append(')');
      } else if (s instanceof Placeholder p) {
        sb.append(p.value().render());
      }
    }
    return sb.toString();
  }
}
