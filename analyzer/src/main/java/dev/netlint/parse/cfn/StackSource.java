package dev.netlint.parse.cfn;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A template to analyze as one stack, with what its cloud assembly says about it.
 *
 * @param stackName the stack name ({@link dev.netlint.model.ResourceId#stack()}): the artifact ID
 *     for a CDK stack, {@code Parent/NestedLogicalId} for a nested stack, the file name without
 *     extension for a lone template
 * @param template the template as read
 * @param constructPath the stack's CDK construct path, or null
 * @param constructPaths construct paths by logical ID from the manifest's {@code aws:cdk:logicalId}
 *     metadata (empty for a lone template); a resource's own {@code aws:cdk:path} metadata wins
 *     over it
 * @param parameterValues values the parent passes to a nested stack's {@code Parameters}, as
 *     unresolved nodes of the parent template, by parameter name (empty for top-level stacks)
 */
public record StackSource(
    String stackName,
    Template template,
    @Nullable String constructPath,
    Map<String, String> constructPaths,
    Map<String, Node> parameterValues) {

  public StackSource {
    // Sorted, so that whatever iterates them gives the same output on every run.
    constructPaths = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(constructPaths));
    parameterValues =
        java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parameterValues));
  }

  /** A lone template, outside any cloud assembly. */
  public static StackSource lone(String stackName, Template template) {
    return new StackSource(stackName, template, null, Map.of(), Map.of());
  }
}
