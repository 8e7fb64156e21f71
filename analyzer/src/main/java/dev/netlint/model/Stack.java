package dev.netlint.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One CloudFormation stack: a lone template, a stack artifact of a cloud assembly, or a nested
 * stack.
 *
 * @param name the stack name (see {@link ResourceId#stack()})
 * @param file the template file as reported
 * @param constructPath the CDK construct path of the stack, or null
 * @param resources every resource by logical ID, in template order (inactive ones included)
 * @param exports {@code Outputs} with an {@code Export}, by export name (when the name is known)
 */
public record Stack(
    String name,
    String file,
    @Nullable String constructPath,
    Map<String, Resource> resources,
    Map<String, Value> exports) {

  public Stack {
    resources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resources));
    exports = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exports));
  }
}
