package dev.netlint.api;

import dev.netlint.model.SourceLocation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One thing netlint reports.
 *
 * @param ruleId the rule's stable ID ({@code NL101}; input findings are {@code NL0xx})
 * @param severity how serious it is
 * @param message what is wrong, naming concrete values and the hop that fails
 * @param fix one imperative sentence saying how to fix it, or null
 * @param location file, line and column of the template element to change
 * @param templatePath the element's path in the template, cfn-lint style
 * @param stack the stack name, or null for a finding about a whole file
 * @param logicalId the resource's logical ID, or null
 * @param resourceType the resource's type, or null
 * @param constructPath the CDK construct path, or null
 * @param properties extra facts, sorted by key (the script line of user data, the route table that
 *     lacks a route); reports copy them as they are
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    @Nullable String fix,
    SourceLocation location,
    List<String> templatePath,
    @Nullable String stack,
    @Nullable String logicalId,
    @Nullable String resourceType,
    @Nullable String constructPath,
    Map<String, String> properties)
    implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::location)
          .thenComparing(Finding::ruleId)
          .thenComparing(f -> f.logicalId() == null ? "" : f.logicalId())
          .thenComparing(Finding::message);

  public Finding {
    templatePath = List.copyOf(templatePath);
    properties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(properties));
  }

  /** The finding's stack and logical ID as {@code Stack/LogicalId}, or null. */
  public @Nullable String qualifiedName() {
    if (logicalId == null) {
      return null;
    }
    return stack == null ? logicalId : stack + "/" + logicalId;
  }

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }
}
