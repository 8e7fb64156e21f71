package dev.netlint.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, in one place. IDs are stable and never reused; a renamed rule keeps its old ID
 * in {@link #aliases()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Stable ID: {@code NL} and three digits ({@code NL101}). */
  String id();

  /** Kebab-case name ({@code hardcoded-interface-name}). */
  String name();

  /** One line, no final period. */
  String summary();

  /** Severity when the rule has no reason to choose another. */
  Severity severity();

  /** The CloudFormation resource types the rule reports on. */
  String[] resourceTypes();

  /** The AWS documentation page that backs the rule. */
  String source();

  /** Former IDs of this rule. */
  String[] aliases() default {};
}
