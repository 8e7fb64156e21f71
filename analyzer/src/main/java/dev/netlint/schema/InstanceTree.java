package dev.netlint.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.path.NodePath;
import dev.netlint.parse.cfn.Node;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A resource's {@code Properties} as the JSON instance the schema validator checks, with the way
 * back from a path in that instance (the keys and list indexes of the validator's instance
 * location) to the template {@link Node} it came from, and which values are unknown before deploy:
 * intrinsic functions and strings with a dynamic reference.
 *
 * <p>Scalars keep their kind: a quoted {@code "443"} stays a string and {@code 443} a number, so
 * the schema's lenient {@code type} (see {@link CfnKeywords}) decides what CloudFormation would
 * convert.
 */
final class InstanceTree {

  /** Largest number of values (mappings, lists, scalars) in one resource's Properties checked. */
  static final int MAX_VALUES = 100_000;

  /**
   * Deepest nesting checked; the template loader already refuses deeper files, this guards nodes
   * built otherwise.
   */
  static final int MAX_DEPTH = 512;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final Pattern LONG = Pattern.compile("[+-]?\\d{1,18}");
  private static final Pattern BIG_INTEGER = Pattern.compile("[+-]?\\d{19,40}");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d{1,40}\\.?\\d{0,40}|\\.\\d{1,40})([eE][+-]?\\d{1,3})?");
  private static final Pattern INDEX = Pattern.compile("\\d{1,9}");

  private final Node root;
  private final JsonNode json;
  private final Map<Node, Boolean> holdsUnknown = new IdentityHashMap<>();
  private int values;

  /** Thrown when Properties hold more than {@link #MAX_VALUES} values or nest too deep. */
  static final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLargeException(String why) {
      super(why, null, false, false);
    }
  }

  private InstanceTree(Node properties) throws TooLargeException {
    this.root = properties;
    this.json = convert(properties, 0);
  }

  /**
   * Converts a Properties node.
   *
   * @throws TooLargeException when it holds more than {@link #MAX_VALUES} values or nests deeper
   *     than {@link #MAX_DEPTH}
   */
  static InstanceTree of(Node properties) throws TooLargeException {
    return new InstanceTree(properties);
  }

  /** The JSON instance. */
  JsonNode json() {
    return json;
  }

  /** The Properties node. */
  Node root() {
    return root;
  }

  /** The keys and list indexes of a validator's instance location. */
  static List<String> path(NodePath location) {
    List<String> out = new ArrayList<>(location.getNameCount());
    for (int i = 0; i < location.getNameCount(); i++) {
      out.add(String.valueOf(location.getElement(i)));
    }
    return out;
  }

  /** The template node at {@code path}, or null when there is none. */
  @Nullable Node nodeAt(List<String> path) {
    Node n = root;
    for (String segment : path) {
      n = child(n, segment);
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  /** The template node at {@code path}, or at its nearest ancestor that has one. */
  Node nodeAtOrAbove(List<String> path) {
    Node n = root;
    for (String segment : path) {
      Node c = child(n, segment);
      if (c == null) {
        return n;
      }
      n = c;
    }
    return n;
  }

  /** The JSON value at {@code path}, or a missing node. */
  JsonNode jsonAt(List<String> path) {
    JsonNode n = json;
    for (String segment : path) {
      n =
          n.isArray() && INDEX.matcher(segment).matches()
              ? n.path(Integer.parseInt(segment))
              : n.path(segment);
      if (n.isMissingNode()) {
        return MissingNode.getInstance();
      }
    }
    return n;
  }

  /**
   * Whether the value at {@code path} is unknown before deploy (an intrinsic function or a string
   * with a dynamic reference) or lies inside such a value.
   */
  boolean atOrBelowUnknown(List<String> path) {
    Node n = root;
    if (isUnknown(n)) {
      return true;
    }
    for (String segment : path) {
      n = child(n, segment);
      if (n == null) {
        return false;
      }
      if (isUnknown(n)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the value at {@code path} is, holds or lies inside a value unknown before deploy. */
  boolean holdsUnknown(List<String> path) {
    if (atOrBelowUnknown(path)) {
      return true;
    }
    Node n = nodeAt(path);
    return n != null && holdsUnknown(n);
  }

  private boolean holdsUnknown(Node n) {
    Boolean known = holdsUnknown.get(n);
    if (known != null) {
      return known;
    }
    boolean holds = isUnknown(n);
    if (!holds && n instanceof Node.MapNode map) {
      for (Node c : map.entries().values()) {
        if (holdsUnknown(c)) {
          holds = true;
          break;
        }
      }
    } else if (!holds && n instanceof Node.ListNode list) {
      for (Node c : list.items()) {
        if (holdsUnknown(c)) {
          holds = true;
          break;
        }
      }
    }
    holdsUnknown.put(n, holds);
    return holds;
  }

  private static boolean isUnknown(Node n) {
    if (n instanceof Node.MapNode map) {
      return map.intrinsicName() != null;
    }
    return n instanceof Node.ScalarNode s
        && s.kind() == Node.ScalarNode.Kind.STRING
        && hasDynamicReference(s.textOrEmpty());
  }

  /** The value of {@code n} at a key or list index, or null. */
  static @Nullable Node child(Node n, String segment) {
    if (n instanceof Node.MapNode map) {
      return map.get(segment);
    }
    if (n instanceof Node.ListNode list && INDEX.matcher(segment).matches()) {
      int i = Integer.parseInt(segment);
      return i < list.items().size() ? list.items().get(i) : null;
    }
    return null;
  }

  /**
   * Whether a string holds a dynamic reference ({@code {{resolve:ssm:Name:1}}}): CloudFormation
   * replaces it at deploy time, so the string is as unknown as an intrinsic function's result.
   */
  static boolean hasDynamicReference(String s) {
    int start = s.indexOf("{{resolve:");
    return start >= 0 && s.indexOf("}}", start + "{{resolve:".length() + 1) > 0;
  }

  private JsonNode convert(Node node, int depth) throws TooLargeException {
    if (++values > MAX_VALUES) {
      throw new TooLargeException("over " + MAX_VALUES + " values");
    }
    if (depth > MAX_DEPTH) {
      throw new TooLargeException("nested too deep, over " + MAX_DEPTH + " levels");
    }
    if (node instanceof Node.MapNode map) {
      ObjectNode o = JSON.objectNode();
      for (var e : map.entries().entrySet()) {
        o.set(e.getKey(), convert(e.getValue(), depth + 1));
      }
      return o;
    }
    if (node instanceof Node.ListNode list) {
      ArrayNode a = JSON.arrayNode(list.items().size());
      for (Node item : list.items()) {
        a.add(convert(item, depth + 1));
      }
      return a;
    }
    return scalar((Node.ScalarNode) node);
  }

  private static JsonNode scalar(Node.ScalarNode s) {
    String text = s.textOrEmpty();
    switch (s.kind()) {
      case NULL:
        return JSON.nullNode();
      case BOOLEAN:
        String b = text.toLowerCase(Locale.ROOT);
        return JSON.booleanNode(
            b.equals("true") || b.equals("yes") || b.equals("on") || b.equals("y"));
      case NUMBER:
        return number(text);
      default:
        return JSON.textNode(text);
    }
  }

  /**
   * A number as written. Spellings the JDK does not read as a decimal (YAML's {@code 0x1F}, {@code
   * .inf}) stay text, and so do absurdly long ones, so that no comparison can blow up.
   */
  private static JsonNode number(String text) {
    if (LONG.matcher(text).matches()) {
      return JSON.numberNode(Long.parseLong(text));
    }
    if (BIG_INTEGER.matcher(text).matches()) {
      return JSON.numberNode(new BigInteger(text));
    }
    if (DECIMAL.matcher(text).matches()) {
      return JSON.numberNode(new BigDecimal(text));
    }
    return JSON.textNode(text);
  }
}
