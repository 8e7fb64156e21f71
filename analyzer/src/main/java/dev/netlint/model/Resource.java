package dev.netlint.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A CloudFormation resource with its properties resolved.
 *
 * @param id stack and logical ID
 * @param type the resource type, as {@code AWS::EC2::Subnet}
 * @param properties the {@code Properties} map with intrinsic functions resolved, in template order
 * @param origin the location of the logical ID key in the template
 * @param constructPath the CDK construct path ({@code aws:cdk:path} metadata), or null
 * @param condition the name of the resource's {@code Condition}, or null
 * @param active false when the resource's condition is false with default parameter values
 * @param dependsOn logical IDs named in {@code DependsOn}
 */
public record Resource(
    ResourceId id,
    String type,
    Map<String, Value> properties,
    Origin origin,
    @Nullable String constructPath,
    @Nullable String condition,
    boolean active,
    List<String> dependsOn) {

  public Resource {
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    dependsOn = List.copyOf(dependsOn);
  }

  public String logicalId() {
    return id.logicalId();
  }

  /** The resolved property, or null when absent (or {@code AWS::NoValue}). */
  public @Nullable Value property(String name) {
    Value v = properties.get(name);
    return v instanceof Value.NoValue ? null : v;
  }
}
