package dev.netlint.api;

/**
 * One check. Implementations are final, stateless and annotated with {@link RuleInfo}; they report
 * through the context and never throw: what the input does not let a rule decide is reported as an
 * input finding or left alone.
 */
public interface Rule {
  /** Examines the model and reports findings through {@code context}. */
  void check(RuleContext context);
}
