package dev.netlint.parse.intrinsic;

import dev.netlint.model.Stack;
import java.util.List;

/**
 * One stack with its intrinsic functions resolved, and what could not be resolved.
 *
 * @param stack the stack, every resource included (inactive ones with {@code active=false})
 * @param problems what could not be resolved or is malformed, in template order
 */
public record Resolution(Stack stack, List<Problem> problems) {

  public Resolution {
    problems = List.copyOf(problems);
  }
}
