package dev.netlint.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns the validator's errors into {@link SchemaProblem}s at template locations, and drops the
 * ones that are not real: errors about values that intrinsic functions compute, and counts or
 * choices an {@code Fn::If} or {@code AWS::NoValue} could change.
 */
final class ErrorMapper {

  private static final int MAX_VALUE_CHARS = 60;
  private static final int MAX_ENUM_VALUES = 12;

  /** Keywords whose verdict on a mapping or list depends on every value inside it. */
  private static final Set<String> COMPOSITE =
      Set.of("oneOf", "anyOf", "allOf", "not", "if", "then", "else", "contains");

  private static final Set<String> COUNTS =
      Set.of("minItems", "maxItems", "minProperties", "maxProperties");

  /**
   * Properties that {@code aws cloudformation package} turns from a local path into their real
   * shape (cfn-lint's {@code TEMPLATED_PROPERTY_CFN_PATHS}, cut to the bundled types): a string
   * there is a template written for packaging, not a wrong type. See <a
   * href="https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html">package</a>.
   */
  private static final Map<String, Set<String>> PACKAGED =
      Map.of("AWS::Lambda::Function", Set.of("Code"));

  private final InstanceTree tree;
  private final JsonNode schema;
  private final Set<String> packaged;

  ErrorMapper(InstanceTree tree, JsonNode schema, String type) {
    this.tree = tree;
    this.schema = schema;
    this.packaged = PACKAGED.getOrDefault(type, Set.of());
  }

  /**
   * The problems the validator's errors stand for, in no particular order. The errors of the
   * branches of a {@code oneOf} or {@code anyOf} become one problem for the whole choice: a branch
   * failing is not itself a problem.
   */
  List<SchemaProblem> map(List<Error> errors) {
    List<SchemaProblem> out = new ArrayList<>();
    Map<String, Choice> choices = new TreeMap<>();
    for (Error error : errors) {
      String keyword = String.valueOf(error.getKeyword());
      int at = choiceIndex(error.getEvaluationPath());
      if (at >= 0) {
        Choice c = choiceOf(error, at);
        if (c != null) {
          choices.putIfAbsent(c.key(), c);
        }
        continue;
      }
      if (keyword.equals("oneOf") || keyword.equals("anyOf")) {
        Choice c = choiceOf(error, error.getEvaluationPath().getNameCount() - 1);
        if (c != null) {
          choices.put(c.key(), c);
        }
        continue;
      }
      SchemaProblem p = toProblem(error, keyword);
      if (p != null) {
        out.add(p);
      }
    }
    for (Choice c : choices.values()) {
      if (!tree.holdsUnknown(c.path())) {
        Node node = tree.nodeAtOrAbove(c.path());
        out.add(
            new SchemaProblem(
                label(c.path()) + ": " + c.describe(),
                node.origin().location(),
                node.origin().templatePath(),
                c.keyword()));
      }
    }
    return out;
  }

  /** Keywords followed in an evaluation path by a name that is not a keyword. */
  private static final Set<String> NAMING =
      Set.of("properties", "patternProperties", "dependencies", "dependentSchemas", "definitions");

  /** The index of the outermost oneOf or anyOf in an evaluation path below it, or -1. */
  private static int choiceIndex(NodePath evaluationPath) {
    for (int i = 0; i < evaluationPath.getNameCount() - 1; i++) {
      String s = String.valueOf(evaluationPath.getElement(i));
      if (NAMING.contains(s)) {
        i++;
      } else if (s.equals("oneOf") || s.equals("anyOf")) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A oneOf or anyOf that failed, identified by where it is in the schema and which value it
   * checked.
   */
  private record Choice(
      String keyword, List<String> path, JsonNode branches, String schemaPath, int valid) {
    String key() {
      return schemaPath + " " + String.join("/", path);
    }

    String describe() {
      List<String> shapes = new ArrayList<>();
      for (JsonNode branch : branches) {
        shapes.add(shape(branch));
      }
      String options = String.join(" or ", shapes);
      if (keyword.equals("oneOf")) {
        return valid > 1
            ? "must match exactly one of " + options + ", but matches " + valid
            : "must match exactly one of " + options;
      }
      return "must match at least one of " + options;
    }

    private static String shape(JsonNode branch) {
      JsonNode required = branch.path("required");
      if (branch.size() == 1 && required.isArray()) {
        List<String> names = new ArrayList<>();
        required.forEach(n -> names.add(n.asText()));
        return "{" + String.join(", ", names) + "}";
      }
      if (branch.has("format")) {
        return "a valid " + branch.path("format").asText();
      }
      if (branch.has("type")) {
        return "a value of type " + branch.path("type");
      }
      if (branch.has("$ref")) {
        return branch.path("$ref").asText().replaceFirst("^#/definitions/", "");
      }
      return ErrorMapper.render(branch);
    }
  }

  /**
   * The choice an error belongs to: its instance is the error's instance cut to the depth the
   * evaluation path had reached at the choice; its branches come from the schema.
   */
  private @Nullable Choice choiceOf(Error error, int choiceAt) {
    NodePath evaluation = error.getEvaluationPath();
    List<String> instance = InstanceTree.path(error.getInstanceLocation());
    int depth = 0;
    for (int i = 0; i < choiceAt; i++) {
      String s = String.valueOf(evaluation.getElement(i));
      if (NAMING.contains(s)) {
        if (s.equals("properties") || s.equals("patternProperties")) {
          depth++;
        }
        i++;
      } else if (s.equals("additionalProperties") || s.equals("items") || s.equals("contains")) {
        depth++;
      }
    }
    if (depth > instance.size()) {
      return null;
    }
    List<String> path = List.copyOf(instance.subList(0, depth));
    String keyword = String.valueOf(evaluation.getElement(choiceAt));
    JsonNode branches = choiceBranches(error, keyword);
    if (branches == null) {
      return null;
    }
    StringBuilder schemaPath = new StringBuilder();
    for (int i = 0; i <= choiceAt; i++) {
      schemaPath.append('/').append(evaluation.getElement(i));
    }
    int valid = 0;
    Object[] arguments = error.getArguments();
    if (keyword.equals(error.getKeyword()) && arguments != null && arguments.length > 0) {
      String count = String.valueOf(arguments[0]);
      valid = count.matches("\\d{1,4}") ? Integer.parseInt(count) : 0;
    }
    return new Choice(keyword, path, branches, schemaPath.toString(), valid);
  }

  /** The branches of the choice an error is about or below, read from the schema. */
  private @Nullable JsonNode choiceBranches(Error error, String keyword) {
    if (error.getSchemaLocation() == null) {
      return null;
    }
    NodePath fragment = error.getSchemaLocation().getFragment();
    JsonNode at = schema;
    for (int i = 0; i < fragment.getNameCount(); i++) {
      Object element = fragment.getElement(i);
      at = element instanceof Integer index ? at.path(index) : at.path(String.valueOf(element));
      if (keyword.equals(element) && at.isArray()) {
        return at;
      }
    }
    return null;
  }

  /** The problem an error stands for, or null when it is not a real one. */
  private @Nullable SchemaProblem toProblem(Error error, String keyword) {
    List<String> path = InstanceTree.path(error.getInstanceLocation());
    if (tree.atOrBelowUnknown(path) || !isReal(error, keyword, path)) {
      return null;
    }
    JsonNode value = tree.jsonAt(path);
    String label = label(path);
    String property = error.getProperty();
    Node node = tree.nodeAtOrAbove(path);
    SourceLocation location = node.origin().location();
    List<String> templatePath = node.origin().templatePath();
    boolean atKey =
        property != null
            && (keyword.equals("additionalProperties")
                || keyword.equals("dependentExcluded")
                || keyword.equals("requiredXor"))
            && node instanceof Node.MapNode;
    if (atKey) {
      Node.MapNode map = (Node.MapNode) node;
      location = map.keyLocation(property);
      List<String> p = new ArrayList<>(templatePath);
      p.add(property);
      templatePath = p;
      label = label + "." + property;
    }
    return new SchemaProblem(
        label + ": " + describe(error, keyword, value), location, templatePath, keyword);
  }

  private boolean isReal(Error error, String keyword, List<String> path) {
    String property = error.getProperty();
    if (keyword.equals("required")) {
      // A key given with any value, even one an intrinsic function computes, is there.
      return !(tree.nodeAt(path) instanceof Node.MapNode m
          && property != null
          && m.entries().containsKey(property));
    }
    if (keyword.equals("additionalProperties")) {
      // cfn-lint lets Fn::Transform and Fn::ForEach (AWS::LanguageExtensions) stand among
      // properties: a macro replaces them before CloudFormation reads the properties.
      return property == null
          || !(property.startsWith("Fn::Transform") || property.startsWith("Fn::ForEach"));
    }
    if (COMPOSITE.contains(keyword)) {
      return !tree.holdsUnknown(path);
    }
    JsonNode value = tree.jsonAt(path);
    if (keyword.equals("type") && value.isTextual() && packaged.contains(String.join("/", path))) {
      return false;
    }
    if (COUNTS.contains(keyword)) {
      for (JsonNode child : value) {
        if (CfnKeywords.mayBeAbsent(child)) {
          return false;
        }
      }
      return true;
    }
    if (keyword.equals("uniqueItems")) {
      return hasSureDuplicates(value);
    }
    if (keyword.equals("enum") || keyword.equals("const")) {
      return !equalsOnceConverted(value, error.getSchemaNode());
    }
    return true;
  }

  /** Duplicates among the items that are there for sure (no Fn::If, no AWS::NoValue). */
  private static boolean hasSureDuplicates(JsonNode array) {
    Set<JsonNode> seen = new HashSet<>();
    for (JsonNode item : array) {
      if (!CfnKeywords.mayBeAbsent(item) && !seen.add(item)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a scalar equals one of the allowed values once CloudFormation converts it ({@code
   * "true"} is {@code true}, {@code 1} is {@code "1"}).
   */
  private static boolean equalsOnceConverted(JsonNode value, @Nullable JsonNode allowed) {
    if (allowed == null || !value.isValueNode()) {
      return false;
    }
    String text = value.asText();
    if (allowed.isArray()) {
      for (JsonNode a : allowed) {
        if (a.isValueNode() && a.asText().equals(text)) {
          return true;
        }
      }
      return false;
    }
    return allowed.isValueNode() && allowed.asText().equals(text);
  }

  /** {@code Properties.SecurityGroupIngress[0].CidrIp} for a path. */
  private String label(List<String> path) {
    StringBuilder b = new StringBuilder("Properties");
    @Nullable Node n = tree.root();
    for (String segment : path) {
      if (n instanceof Node.ListNode) {
        b.append('[').append(segment).append(']');
      } else {
        b.append('.').append(segment);
      }
      n = n == null ? null : InstanceTree.child(n, segment);
    }
    return b.toString();
  }

  private static String describe(Error error, String keyword, JsonNode value) {
    JsonNode schema = error.getSchemaNode();
    String v = render(value);
    String s = schema == null ? "" : schema.isTextual() ? schema.textValue() : schema.toString();
    String property = error.getProperty();
    switch (keyword) {
      case "type":
        return v + " is not of type " + quoted(error.getArguments());
      case "required":
        return "'" + property + "' is a required property";
      case "additionalProperties":
        return "unknown property '" + property + "'";
      case "enum":
        return v + " is not one of " + enumValues(schema);
      case "const":
        return v + " is not " + s;
      case "pattern":
        return v + " does not match '" + s + "'";
      case "format":
        return v + " is not a valid " + s;
      case "minLength":
        return v + " is shorter than " + s + " characters";
      case "maxLength":
        return v + " is longer than " + s + " characters";
      case "minimum":
        return v + " is less than the minimum of " + s;
      case "maximum":
        return v + " is greater than the maximum of " + s;
      case "exclusiveMinimum":
        return v + " is not greater than " + s;
      case "exclusiveMaximum":
        return v + " is not less than " + s;
      case "multipleOf":
        return v + " is not a multiple of " + s;
      case "minItems":
        return "has " + value.size() + " items, fewer than the minimum of " + s;
      case "maxItems":
        return "has " + value.size() + " items, more than the maximum of " + s;
      case "minProperties":
        return "has " + value.size() + " properties, fewer than the minimum of " + s;
      case "maxProperties":
        return "has " + value.size() + " properties, more than the maximum of " + s;
      case "uniqueItems":
        return "has duplicate items";
      case "dependentRequired":
        return dependency(error.getArguments(), property);
      case "dependencies":
        return dependencies(schema, value, property);
      case "requiredXor":
      case "requiredOr":
      case "dependentExcluded":
        return error.getMessage();
      default:
        return String.valueOf(error.getMessage());
    }
  }

  /** {@code 'Ipv4IpamPoolId' requires 'Ipv4NetmaskLength'} from {@code [missing, present]}. */
  private static String dependency(Object @Nullable [] arguments, @Nullable String present) {
    if (arguments == null || arguments.length < 2) {
      return "'" + present + "' requires another property";
    }
    return "'" + arguments[1] + "' requires '" + arguments[0] + "'";
  }

  /** {@code 'A' requires 'B'} for the array form of draft 7's {@code dependencies}. */
  private static String dependencies(
      @Nullable JsonNode schema, JsonNode value, @Nullable String present) {
    JsonNode needed = schema == null || present == null ? null : schema.get(present);
    if (needed == null || !needed.isArray()) {
      return "'" + present + "' requires other properties";
    }
    List<String> missing = new ArrayList<>();
    for (JsonNode n : needed) {
      if (!value.has(n.asText())) {
        missing.add("'" + n.asText() + "'");
      }
    }
    return "'" + present + "' requires " + String.join(", ", missing);
  }

  private static String quoted(Object @Nullable [] arguments) {
    if (arguments == null || arguments.length == 0) {
      return "the schema's";
    }
    List<String> out = new ArrayList<>();
    for (Object a : arguments) {
      out.add("'" + a + "'");
    }
    return String.join(", ", out);
  }

  private static String enumValues(@Nullable JsonNode schema) {
    if (schema == null || !schema.isArray()) {
      return String.valueOf(schema);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode a : schema) {
      if (out.size() == MAX_ENUM_VALUES) {
        out.add("... " + (schema.size() - MAX_ENUM_VALUES) + " more");
        break;
      }
      out.add(render(a));
    }
    return "[" + String.join(", ", out) + "]";
  }

  /** A value as cfn-lint shows it: {@code 'text'}, {@code 443}, {@code true}, compact JSON. */
  static String render(JsonNode value) {
    if (value.isMissingNode()) {
      return "the value";
    }
    String text = value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
    if (text.length() > MAX_VALUE_CHARS) {
      text = text.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }
    return text;
  }
}
