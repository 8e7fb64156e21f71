package dev.netlint.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.AbstractKeywordValidator;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The keywords whose meaning in CloudFormation resource schemas differs from plain JSON Schema
 * draft 7, or that cfn-lint adds to the registry schemas.
 *
 * <ul>
 *   <li>{@code type} is checked as CloudFormation converts values: a number or boolean is a valid
 *       string, {@code "443"} a valid integer and {@code "true"} a valid boolean, as cfn-lint does
 *       without {@code --strict-types}.
 *   <li>{@code requiredXor}: exactly one of the named properties; {@code requiredOr}: at least one;
 *       {@code dependentExcluded}: a property that forbids others. A property whose value is an
 *       {@code Fn::If} or {@code Ref: AWS::NoValue} may be absent at deploy time, so it never
 *       counts as a conflict, only as a possible presence.
 * </ul>
 *
 * <p>See <a
 * href="https://github.com/aws-cloudformation/cfn-lint/blob/main/docs/cfn-schema-specification.md">cfn-lint's
 * schema extensions</a>.
 */
final class CfnKeywords {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  private CfnKeywords() {}

  /** All the keywords defined here. */
  static List<Keyword> all() {
    return List.of(
        new SimpleKeyword("type", LenientType::new),
        new SimpleKeyword("requiredXor", RequiredXor::new),
        new SimpleKeyword("requiredOr", RequiredOr::new),
        new SimpleKeyword("dependentExcluded", DependentExcluded::new));
  }

  /** Whether {@code node} is of JSON Schema type {@code type} once CloudFormation converts it. */
  static boolean isOfType(String type, JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return type.equals("null");
    }
    switch (type) {
      case "object":
        return node.isObject();
      case "array":
        return node.isArray();
      case "null":
        return false;
      case "string":
        return node.isValueNode();
      case "number":
        return node.isNumber()
            || (node.isTextual() && DECIMAL.matcher(node.textValue().trim()).matches());
      case "integer":
        // cfn-lint accepts any number here (Python's int() truncates): so does netlint.
        return node.isNumber()
            || (node.isTextual() && INTEGER.matcher(node.textValue().trim()).matches());
      case "boolean":
        if (node.isBoolean()) {
          return true;
        }
        if (node.isTextual()) {
          String s = node.textValue().toLowerCase(Locale.ROOT);
          return s.equals("true") || s.equals("false");
        }
        return false;
      default:
        return true;
    }
  }

  /**
   * Whether a property value may be absent at deploy time: an {@code Fn::If} (one branch may be
   * {@code AWS::NoValue}) or a {@code Ref} to {@code AWS::NoValue}.
   */
  static boolean mayBeAbsent(JsonNode value) {
    if (!value.isObject() || value.size() != 1) {
      return false;
    }
    if (value.has("Fn::If")) {
      return true;
    }
    JsonNode ref = value.get("Ref");
    return ref != null && ref.isTextual() && ref.textValue().equals("AWS::NoValue");
  }

  private static List<String> names(JsonNode schemaNode) {
    List<String> out = new ArrayList<>();
    if (schemaNode.isTextual()) {
      out.add(schemaNode.textValue());
    } else if (schemaNode.isArray()) {
      for (JsonNode n : schemaNode) {
        if (n.isTextual()) {
          out.add(n.textValue());
        }
      }
    }
    return List.copyOf(out);
  }

  /** Creates a validator for one occurrence of a keyword. */
  @FunctionalInterface
  private interface ValidatorFactory {
    KeywordValidator create(String keyword, JsonNode schemaNode, SchemaLocation location);
  }

  private record SimpleKeyword(String value, ValidatorFactory factory) implements Keyword {
    @Override
    public String getValue() {
      return value;
    }

    @Override
    public KeywordValidator newValidator(
        SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext context) {
      return factory.create(value, schemaNode, location);
    }
  }

  private abstract static class CfnValidator extends AbstractKeywordValidator {
    CfnValidator(String keyword, JsonNode schemaNode, SchemaLocation location) {
      super(keyword, schemaNode, location);
    }

    void report(
        ExecutionContext context,
        JsonNode node,
        NodePath at,
        @Nullable String property,
        String message,
        Object... arguments) {
      Error.Builder b =
          Error.builder()
              .keyword(getKeyword())
              .instanceLocation(at)
              .evaluationPath(context.getEvaluationPath())
              .schemaLocation(getSchemaLocation())
              .instanceNode(node)
              .schemaNode(schemaNode)
              .arguments(arguments)
              .message(message);
      if (property != null) {
        b.property(property);
      }
      context.addError(b.build());
    }
  }

  /** {@code type}, with CloudFormation's conversions between strings, numbers and booleans. */
  private static final class LenientType extends CfnValidator {
    private final List<String> types;

    LenientType(String keyword, JsonNode schemaNode, SchemaLocation location) {
      super(keyword, schemaNode, location);
      this.types = names(schemaNode);
    }

    @Override
    public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath at) {
      if (types.isEmpty()) {
        return;
      }
      for (String t : types) {
        if (isOfType(t, node)) {
          return;
        }
      }
      report(context, node, at, null, "is not of type " + types, types.toArray());
    }
  }

  /** Counts which of some properties are given for sure, and which may be. */
  private record Presence(List<String> sure, List<String> maybe) {
    static Presence of(JsonNode object, List<String> names) {
      List<String> sure = new ArrayList<>();
      List<String> maybe = new ArrayList<>();
      for (String name : names) {
        JsonNode v = object.get(name);
        if (v == null) {
          continue;
        }
        (mayBeAbsent(v) ? maybe : sure).add(name);
      }
      return new Presence(sure, maybe);
    }

    boolean none() {
      return sure.isEmpty() && maybe.isEmpty();
    }
  }

  /** cfn-lint's {@code requiredXor}: exactly one of the named properties. */
  private static final class RequiredXor extends CfnValidator {
    private final List<String> names;

    RequiredXor(String keyword, JsonNode schemaNode, SchemaLocation location) {
      super(keyword, schemaNode, location);
      this.names = names(schemaNode);
    }

    @Override
    public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath at) {
      if (!node.isObject() || names.isEmpty()) {
        return;
      }
      Presence p = Presence.of(node, names);
      if (p.sure().size() > 1) {
        report(
            context, node, at, p.sure().get(1), "only one of " + names + " may be given", p.sure());
      } else if (p.none()) {
        report(context, node, at, null, "one of " + names + " is required", names);
      }
    }
  }

  /** cfn-lint's {@code requiredOr}: at least one of the named properties. */
  private static final class RequiredOr extends CfnValidator {
    private final List<String> names;

    RequiredOr(String keyword, JsonNode schemaNode, SchemaLocation location) {
      super(keyword, schemaNode, location);
      this.names = names(schemaNode);
    }

    @Override
    public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath at) {
      if (node.isObject() && !names.isEmpty() && Presence.of(node, names).none()) {
        report(context, node, at, null, "at least one of " + names + " is required", names);
      }
    }
  }

  /** cfn-lint's {@code dependentExcluded}: a property that must not be given with others. */
  private static final class DependentExcluded extends CfnValidator {
    DependentExcluded(String keyword, JsonNode schemaNode, SchemaLocation location) {
      super(keyword, schemaNode, location);
    }

    @Override
    public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath at) {
      if (!node.isObject() || !schemaNode.isObject()) {
        return;
      }
      Set<String> reported = new HashSet<>();
      for (var e : schemaNode.properties()) {
        JsonNode given = node.get(e.getKey());
        if (given == null || mayBeAbsent(given)) {
          continue;
        }
        for (String excluded : Presence.of(node, names(e.getValue())).sure()) {
          String pair =
              e.getKey().compareTo(excluded) < 0
                  ? e.getKey() + "\n" + excluded
                  : excluded + "\n" + e.getKey();
          if (!reported.add(pair)) {
            continue;
          }
          report(
              context,
              node,
              at,
              excluded,
              "'" + excluded + "' cannot be given with '" + e.getKey() + "'",
              e.getKey(),
              excluded);
        }
      }
    }
  }
}
