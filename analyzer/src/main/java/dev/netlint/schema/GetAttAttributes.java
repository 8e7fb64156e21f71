package dev.netlint.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The attributes {@code Fn::GetAtt} accepts for a resource type, derived from its registry schema
 * as cfn-lint derives them.
 *
 * <ul>
 *   <li>Every {@code readOnlyProperties} pointer, with {@code /} turned into {@code .} ({@code
 *       /properties/Endpoint/Address} is {@code Endpoint.Address}).
 *   <li>For the types CloudFormation lets read any property ({@link #ALL_PROPERTY_TYPES},
 *       cfn-lint's list cut to the types netlint bundles), every property instead, objects expanded
 *       into their leaves and arrays of scalars kept whole (GetAtt cannot index into an array).
 *   <li>For {@code AWS::CloudFormation::Stack}, only {@code Outputs.<name>}, which no schema lists;
 *       see {@link ResourceSchemas#acceptsGetAtt}.
 * </ul>
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html">Fn::GetAtt</a>.
 */
final class GetAttAttributes {

  /** Types whose every property GetAtt can read (cfn-lint's {@code _all_property_types}). */
  static final Set<String> ALL_PROPERTY_TYPES =
      Set.of(
          "AWS::AutoScaling::AutoScalingGroup",
          "AWS::EC2::Instance",
          "AWS::EC2::SecurityGroup",
          "AWS::EC2::Subnet",
          "AWS::EC2::VPC",
          "AWS::ElasticLoadBalancingV2::LoadBalancer",
          "AWS::RDS::DBInstance");

  static final String STACK = "AWS::CloudFormation::Stack";

  /** Deepest nesting of definitions followed, so that a recursive definition ends. */
  private static final int MAX_DEPTH = 16;

  private GetAttAttributes() {}

  /** The attribute names of {@code type}, sorted. */
  static Set<String> derive(String type, JsonNode schema) {
    Set<String> out = new TreeSet<>();
    if (ALL_PROPERTY_TYPES.contains(type)) {
      for (var e : schema.path("properties").properties()) {
        addLeaves(e.getKey(), e.getValue(), schema, out, 0);
      }
    } else if (!type.equals(STACK)) {
      for (JsonNode pointer : schema.path("readOnlyProperties")) {
        String attr = fromPointer(pointer.asText());
        if (!attr.isEmpty()) {
          out.add(attr);
        }
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** {@code /properties/Endpoint/Address} as {@code Endpoint.Address}. */
  static String fromPointer(String pointer) {
    String prefix = "/properties/";
    return pointer.startsWith(prefix) ? pointer.substring(prefix.length()).replace('/', '.') : "";
  }

  private static void addLeaves(
      String name, JsonNode property, JsonNode root, Set<String> out, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (hasType(property, "object")) {
      for (var e : property.path("properties").properties()) {
        addLeaves(name + "." + e.getKey(), e.getValue(), root, out, depth + 1);
      }
    } else if (hasType(property, "array")) {
      // Like cfn-lint, an array whose items are a $ref is kept: only inline object or array
      // items are known to be out of GetAtt's reach.
      JsonNode items = property.path("items");
      if (!hasType(items, "object") && !hasType(items, "array")) {
        out.add(name);
      }
    } else if (property.has("$ref")) {
      addLeaves(name, resolve(property, root), root, out, depth + 1);
    } else {
      out.add(name);
    }
  }

  private static boolean hasType(JsonNode schema, String type) {
    JsonNode t = schema.path("type");
    if (t.isTextual()) {
      return t.textValue().equals(type);
    }
    for (JsonNode each : t) {
      if (each.asText().equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** The schema a local {@code $ref} ({@code #/definitions/Endpoint}) points to, or itself. */
  private static JsonNode resolve(JsonNode schema, JsonNode root) {
    JsonNode ref = schema.path("$ref");
    if (!ref.isTextual() || !ref.textValue().startsWith("#")) {
      return schema;
    }
    JsonNode target = root.at(ref.textValue().substring(1));
    return target.isMissingNode() ? schema : target;
  }
}
