package dev.netlint.rules;

import dev.netlint.api.Rule;
import java.util.List;

/** netlint's rules, in one explicit list sorted by rule ID. */
public final class BuiltInRules {
  private BuiltInRules() {}

  /** A new instance of every built-in rule, sorted by ID. */
  public static List<Rule> all() {
    return List.of();
  }
}
