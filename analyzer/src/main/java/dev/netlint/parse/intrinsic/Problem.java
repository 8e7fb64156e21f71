package dev.netlint.parse.intrinsic;

import dev.netlint.model.Origin;

/**
 * Something in a template that netlint cannot resolve, or that is malformed: an unknown intrinsic
 * function, a function with the wrong number of arguments, a {@code Ref} to a name the template
 * does not declare, a cycle between {@code Conditions}, a macro netlint does not run. The engine
 * reports each one as an input finding ({@code NL003 unresolved-intrinsic}).
 *
 * <p>Values that are merely unknown before deploy (a parameter without a default, {@code
 * AWS::Region}, an SSM parameter, an import from outside the cloud assembly) are not problems: they
 * resolve to a {@link dev.netlint.model.Value.Symbolic}.
 *
 * @param message what is wrong, naming the function and the concrete values involved
 * @param origin where in the template it is
 */
public record Problem(String message, Origin origin) {}
