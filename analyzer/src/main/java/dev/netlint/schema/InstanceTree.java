package dev.netlint.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.path.NodePath;
import dev.netlint.parse.cfn.Node;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A resource's {@code Properties} as the JSON instance the schema validator checks, with the way
 * back from every JSON pointer to the template {@link Node} it came from, and which pointers are
 * intrinsic functions (whose value is unknown before deploy).
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

  private final Map<String, Node> nodes = new HashMap<>();
  private final Set<String> intrinsics = new HashSet<>();
  private final Set<String> holdingIntrinsics = new HashSet<>();
  private int values;
  private final JsonNode json;

  /** Thrown when Properties hold more than {@link #MAX_VALUES} values or nest too deep. */
  static final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLargeException(String why) {
      super(why, null, false, false);
    }
  }

  private InstanceTree(Node properties) throws TooLargeException {
    this.json = convert(properties, "", 0);
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

  /** The template node at {@code pointer}, or at its nearest ancestor that has one. */
  Node nodeAtOrAbove(String pointer) {
    String p = pointer;
    while (!p.isEmpty() && !nodes.containsKey(p)) {
      p = parent(p);
    }
    return java.util.Objects.requireNonNull(nodes.get(p), "the root is always mapped");
  }

  /** The template node exactly at {@code pointer}, or null. */
  @Nullable Node nodeAt(String pointer) {
    return nodes.get(pointer);
  }

  /** Whether {@code pointer} is an intrinsic function or lies inside one. */
  boolean atOrBelowIntrinsic(String pointer) {
    String p = pointer;
    while (true) {
      if (intrinsics.contains(p)) {
        return true;
      }
      if (p.isEmpty()) {
        return false;
      }
      p = parent(p);
    }
  }

  /** Whether the value at {@code pointer} is or contains an intrinsic function. */
  boolean holdsIntrinsic(String pointer) {
    return holdingIntrinsics.contains(pointer) || atOrBelowIntrinsic(pointer);
  }

  /** The JSON pointer ({@code /SecurityGroupIngress/0/CidrIp}) of a validator's node path. */
  static String pointer(NodePath path) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      b.append('/').append(escape(String.valueOf(element)));
    }
    return b.toString();
  }

  /** The parent of a non-empty pointer. */
  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** The keys and indexes of a pointer, unescaped. */
  static java.util.List<String> segments(String pointer) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String s : pointer.substring(1).split("/", -1)) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  static String child(String pointer, String key) {
    return pointer + "/" + escape(key);
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private JsonNode convert(Node node, String pointer, int depth) throws TooLargeException {
    if (++values > MAX_VALUES) {
      throw new TooLargeException("over " + MAX_VALUES + " values");
    }
    if (depth > MAX_DEPTH) {
      throw new TooLargeException("nested too deep, over " + MAX_DEPTH + " levels");
    }
    nodes.put(pointer, node);
    if (node instanceof Node.MapNode map) {
      if (map.intrinsicName() != null) {
        intrinsics.add(pointer);
        markHolders(pointer);
      }
      ObjectNode o = JSON.objectNode();
      for (var e : map.entries().entrySet()) {
        o.set(e.getKey(), convert(e.getValue(), child(pointer, e.getKey()), depth + 1));
      }
      return o;
    }
    if (node instanceof Node.ListNode list) {
      ArrayNode a = JSON.arrayNode(list.items().size());
      int i = 0;
      for (Node item : list.items()) {
        a.add(convert(item, child(pointer, Integer.toString(i++)), depth + 1));
      }
      return a;
    }
    return scalar((Node.ScalarNode) node);
  }

  private void markHolders(String pointer) {
    String p = pointer;
    while (!p.isEmpty()) {
      p = parent(p);
      if (!holdingIntrinsics.add(p)) {
        return;
      }
    }
  }

  private static JsonNode scalar(Node.ScalarNode s) {
    String text = s.textOrEmpty();
    switch (s.kind()) {
      case NULL:
        return JSON.nullNode();
      case BOOLEAN:
        String b = text.toLowerCase(Locale.ROOT);
        return JSON.booleanNode(b.equals("true") || b.equals("yes") || b.equals("on") || b.equals("y"));
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
      return JSON.numberNode(new java.math.BigDecimal(text));
    }
    return JSON.textNode(text);
  }
}
