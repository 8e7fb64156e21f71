package dev.netlint.model;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a word of a user-data script stands for when the script runs, after following the script's
 * own variable assignments: {@code NIC=eth0; iptables -o "$NIC"} is the literal {@code eth0},
 * {@code IF=$(ip route | awk '/default/ {print $5}')} is found at run time, {@code
 * ${NatEip.AllocationId}} from {@code Fn::Sub} is known at deploy time.
 *
 * @param kind how much is known before deploy
 * @param text the literal text for {@link Kind#LITERAL} (possibly empty), otherwise the word as
 *     written, variables as {@code $NAME}
 * @param variable the script variable the value came through ({@code NIC}), or empty
 * @param deployTime the CloudFormation value when the word is exactly one deploy-time value (a
 *     {@code Ref} or {@code Fn::GetAtt} placeholder), else null
 */
public record HostValue(Kind kind, String text, String variable, @Nullable Value deployTime) {

  /** How much of a value is known before deploy. */
  public enum Kind {
    /** Literal text, known now; may be empty ({@code -o ""}). */
    LITERAL,
    /** Computed when the script runs: a command substitution, directly or through a variable. */
    RUN_TIME,
    /** A CloudFormation value known at deploy time ({@code Fn::Sub} or {@code Fn::Join}). */
    DEPLOY_TIME,
    /** A variable the script never assigns (environment, loop, function argument). */
    UNKNOWN
  }

  /** A literal value. */
  public static HostValue literal(String text) {
    return new HostValue(Kind.LITERAL, text, "", null);
  }

  /** The literal text, when the value is literal. */
  public Optional<String> literalText() {
    return kind == Kind.LITERAL ? Optional.of(text) : Optional.empty();
  }

  /** True for the literal empty string, as {@code -o ""} or a variable assigned nothing. */
  public boolean isEmptyLiteral() {
    return kind == Kind.LITERAL && text.isEmpty();
  }

  /**
   * The value as a message shows it: {@code 'eth0' (through $NIC)} for a literal, the word as
   * written ({@code "$(ip route | awk ...)"}) otherwise.
   */
  public String display() {
    if (kind != Kind.LITERAL) {
      return text;
    }
    return variable.isEmpty() ? "'" + text + "'" : "'" + text + "' (through $" + variable + ")";
  }
}
