package dev.netlint.model;

import java.util.List;

/**
 * What an IAM policy document allows, as far as it is literal: the actions of its {@code Allow}
 * statements. Conditions, resources and {@code Deny} statements are not read.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">IAM JSON
 * policy grammar</a>.
 *
 * @param allowedActions the literal {@code Action} values of statements whose {@code Effect} is
 *     {@code Allow}, as written ({@code ssm:UpdateInstanceInformation}, {@code ssm:*})
 */
public record IamPolicyDocument(List<String> allowedActions) {

  /** A document that allows nothing (absent, or not a map). */
  public static final IamPolicyDocument NONE = new IamPolicyDocument(List.of());

  public IamPolicyDocument {
    allowedActions = List.copyOf(allowedActions);
  }

  /** True when an {@code Allow} statement names this action, in any case; no wildcard matching. */
  public boolean names(String action) {
    return allowedActions.stream().anyMatch(a -> a.equalsIgnoreCase(action));
  }
}
