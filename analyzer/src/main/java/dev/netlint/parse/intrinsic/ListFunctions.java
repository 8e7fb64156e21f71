package dev.netlint.parse.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlint.model.Origin;
import dev.netlint.model.Value;
import dev.netlint.model.Value.Symbolic.Kind;
import dev.netlint.parse.cfn.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The functions that build, pick from and measure lists and strings: {@code Fn::Join}, {@code
 * Fn::Select}, {@code Fn::Split}, {@code Fn::GetAZs}, {@code Fn::Cidr}, {@code Fn::Length} and
 * {@code Fn::ToJsonString}, for one {@link Resolver}.
 *
 * <p>Follows the <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html">Intrinsic
 * function reference</a>.
 */
final class ListFunctions {
  /** The counts and bit sizes of {@code Fn::Cidr} a symbolic IP block is kept with. */
  private static final Pattern COUNT = Pattern.compile("\\d{1,4}");

  private static final Pattern BITS = Pattern.compile("\\d{1,3}");

  private final Resolver r;

  ListFunctions(Resolver r) {
    this.r = r;
  }

  Value join(Node arg, Origin at) {
    if (!(arg instanceof Node.ListNode l) || l.items().size() != 2) {
      return r.fail("Fn::Join needs a list of a delimiter and a list of values", "Fn::Join", at);
    }
    String delimiter = r.resolve(l.items().get(0)).literal().orElse(null);
    if (delimiter == null) {
      return r.fail("the delimiter of Fn::Join is not a literal string", "Fn::Join", at);
    }
    Value list = r.resolve(l.items().get(1));
    if (list instanceof Value.ListValue lv) {
      List<Value> parts = new ArrayList<>();
      for (int i = 0; i < lv.items().size(); i++) {
        Value item = lv.items().get(i);
        if (!ValueOps.isStringLike(item)) {
          return r.fail(
              "item " + i + " of Fn::Join is " + Resolver.kindOf(item) + ", not a string",
              "Fn::Join",
              at);
        }
        if (i > 0) {
          parts.add(new Value.Text(delimiter, at));
        }
        parts.add(item);
      }
      return r.concat(parts, at, "Fn::Join");
    }
    if (isSymbolicList(list)) {
      return Resolver.unresolved(
          "Fn::Join(" + Resolver.quote(delimiter) + ", " + ValueOps.describe(list) + ")", at);
    }
    return r.fail(
        "Fn::Join needs a list of values, not " + ValueOps.describe(list), "Fn::Join", at);
  }

  /** A value that may be a list known only at deploy (a list parameter, a list attribute). */
  private static boolean isSymbolicList(Value v) {
    return v instanceof Value.Symbolic || v instanceof Value.Attribute;
  }

  Value select(Node arg, Origin at) {
    if (!(arg instanceof Node.ListNode l) || l.items().size() != 2) {
      return r.fail("Fn::Select needs a list of an index and a list", "Fn::Select", at);
    }
    long defaultsBefore = r.defaultUses();
    Value indexValue = r.resolve(l.items().get(0));
    Value list = r.resolve(l.items().get(1));
    String indexText = indexValue.literal().orElse(null);
    if (indexText == null) {
      return Resolver.unresolved(
          "Fn::Select(" + ValueOps.describe(indexValue) + ", " + ValueOps.describe(list) + ")", at);
    }
    int index;
    try {
      index = Integer.parseInt(indexText.trim());
    } catch (NumberFormatException e) {
      return r.fail(
          "the index of Fn::Select is " + Resolver.quote(indexText) + ", not an integer",
          "Fn::Select",
          at);
    }
    if (index < 0) {
      return r.fail("the index of Fn::Select is negative: " + index, "Fn::Select", at);
    }
    if (list instanceof Value.ListValue lv) {
      if (index >= lv.items().size()) {
        return r.failOnValues(
            "Fn::Select index "
                + index
                + " is out of range for a list of "
                + lv.items().size()
                + (lv.items().size() == 1 ? " item" : " items"),
            "Fn::Select(" + index + ", " + ValueOps.describe(list) + ")",
            at,
            defaultsBefore);
      }
      return ValueOps.withOrigin(lv.items().get(index), at);
    }
    if (isSymbolicList(list)) {
      String description = "Fn::Select(" + index + ", " + ValueOps.describe(list) + ")";
      if (list instanceof Value.Symbolic s
          && s.computation() instanceof Value.Symbolic.CidrBlocks blocks) {
        return new Value.Symbolic(
            Value.Symbolic.Kind.UNRESOLVED,
            description,
            at,
            new Value.Symbolic.CidrBlock(blocks, index));
      }
      return Resolver.unresolved(description, at);
    }
    return r.fail(
        "Fn::Select needs a list, not " + ValueOps.describe(list), "Fn::Select(" + index + ")", at);
  }

  Value split(Node arg, Origin at) {
    if (!(arg instanceof Node.ListNode l) || l.items().size() != 2) {
      return r.fail("Fn::Split needs a list of a delimiter and a string", "Fn::Split", at);
    }
    String delimiter = r.resolve(l.items().get(0)).literal().orElse(null);
    if (delimiter == null || delimiter.isEmpty()) {
      return r.fail(
          "the delimiter of Fn::Split is not a non-empty literal string", "Fn::Split", at);
    }
    Value source = r.resolve(l.items().get(1));
    String literal = source.literal().orElse(null);
    if (literal != null) {
      List<Value> items = new ArrayList<>();
      for (String part : splitLiteral(literal, delimiter)) {
        items.add(new Value.Text(part, at));
      }
      return new Value.ListValue(items, at);
    }
    if (!ValueOps.isStringLike(source)) {
      return r.fail(
          "Fn::Split needs a string, not " + Resolver.kindOf(source),
          "Fn::Split(" + Resolver.quote(delimiter) + ")",
          at);
    }
    if (source instanceof Value.Concat c && splittable(c, delimiter)) {
      return splitConcat(c, delimiter, at);
    }
    return Resolver.unresolved(
        "Fn::Split(" + Resolver.quote(delimiter) + ", " + ValueOps.describe(source) + ")", at);
  }

  /**
   * Whether a string built from resource IDs and attributes can be split on {@code delimiter}
   * before deploy: physical IDs and string attributes never hold a comma, so the delimiters are
   * exactly those in the literal parts. This is what a CDK list export ({@code Fn::Join} of {@code
   * Ref}s) becomes in the importing stack.
   */
  private static boolean splittable(Value.Concat c, String delimiter) {
    return delimiter.equals(",")
        && c.parts().stream()
            .allMatch(
                p ->
                    p.literal().isPresent()
                        || p instanceof Value.ResourceRef
                        || p instanceof Value.Attribute);
  }

  private static Value splitConcat(Value.Concat c, String delimiter, Origin at) {
    List<Value> items = new ArrayList<>();
    List<Value> current = new ArrayList<>();
    for (Value part : c.parts()) {
      String s = part.literal().orElse(null);
      if (s == null) {
        current.add(part);
        continue;
      }
      List<String> pieces = splitLiteral(s, delimiter);
      current.add(new Value.Text(pieces.get(0), part.origin()));
      for (int i = 1; i < pieces.size(); i++) {
        items.add(ValueOps.concat(current, at));
        current = new ArrayList<>();
        current.add(new Value.Text(pieces.get(i), part.origin()));
      }
    }
    items.add(ValueOps.concat(current, at));
    return new Value.ListValue(items, at);
  }

  /** {@code s} split on every occurrence of {@code delimiter}, empty pieces kept. */
  static List<String> splitLiteral(String s, String delimiter) {
    List<String> out = new ArrayList<>();
    int from = 0;
    int at;
    while ((at = s.indexOf(delimiter, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + delimiter.length();
    }
    out.add(s.substring(from));
    return out;
  }

  Value getAzs(Node arg, Origin at) {
    Value region = r.resolve(arg);
    String literal = region.literal().orElse(null);
    if ((literal != null && literal.isEmpty())
        || (region instanceof Value.Symbolic s
            && s.kind() == Kind.PSEUDO_PARAMETER
            && s.description().equals("AWS::Region"))) {
      return Resolver.unresolved("Fn::GetAZs", at);
    }
    return Resolver.unresolved("Fn::GetAZs(" + ValueOps.describe(region) + ")", at);
  }

  Value cidr(Node arg, Origin at) {
    if (!(arg instanceof Node.ListNode l) || l.items().size() != 3) {
      return r.fail("Fn::Cidr needs a list of ipBlock, count and cidrBits", "Fn::Cidr", at);
    }
    long defaultsBefore = r.defaultUses();
    Value block = r.resolve(l.items().get(0));
    Value count = r.resolve(l.items().get(1));
    Value bits = r.resolve(l.items().get(2));
    String b = block.literal().orElse(null);
    String c = count.literal().orElse(null);
    String s = bits.literal().orElse(null);
    String description =
        "Fn::Cidr("
            + ValueOps.describe(block)
            + ", "
            + ValueOps.describe(count)
            + ", "
            + ValueOps.describe(bits)
            + ")";
    if (b == null || c == null || s == null) {
      if (b == null
          && c != null
          && s != null
          && COUNT.matcher(c).matches()
          && BITS.matcher(s).matches()) {
        // The block is known only to the model (a VPC's CidrBlock attribute): it finishes this.
        return new Value.Symbolic(
            Value.Symbolic.Kind.UNRESOLVED,
            description,
            at,
            new Value.Symbolic.CidrBlocks(block, Integer.parseInt(c), Integer.parseInt(s)));
      }
      return Resolver.unresolved(description, at);
    }
    try {
      int n = Integer.parseInt(c.trim());
      int hostBits = Integer.parseInt(s.trim());
      List<Value> items = new ArrayList<>();
      for (String cidr : Cidrs.subnets(b, n, hostBits)) {
        items.add(new Value.Text(cidr, at));
      }
      return new Value.ListValue(items, at);
    } catch (IllegalArgumentException e) {
      // NumberFormatException is an IllegalArgumentException too: both are template errors.
      String why =
          e instanceof NumberFormatException
              ? "count and cidrBits must be integers, not "
                  + Resolver.quote(c)
                  + " and "
                  + Resolver.quote(s)
              : e.getMessage();
      return r.failOnValues("Fn::Cidr: " + why, description, at, defaultsBefore);
    }
  }

  Value length(Node arg, Origin at) {
    Value v = r.resolve(arg);
    if (v instanceof Value.ListValue l) {
      return new Value.Num(Integer.toString(l.items().size()), at);
    }
    if (isSymbolicList(v)) {
      return Resolver.unresolved("Fn::Length(" + ValueOps.describe(v) + ")", at);
    }
    return r.fail("Fn::Length needs a list, not " + ValueOps.describe(v), "Fn::Length", at);
  }

  Value toJsonString(Node arg, Origin at) {
    Value v = r.resolve(arg);
    JsonNode json = toJson(v);
    return json == null
        ? Resolver.unresolved("Fn::ToJsonString(" + ValueOps.describe(v) + ")", at)
        : new Value.Text(json.toString(), at);
  }

  /** The JSON of a fully literal value, else null. */
  private static @Nullable JsonNode toJson(Value v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v instanceof Value.Text t) {
      return f.textNode(t.value());
    }
    if (v instanceof Value.Num n) {
      return Resolver.isNumber(n.text())
          ? f.numberNode(new BigDecimal(n.text().trim()))
          : f.textNode(n.text());
    }
    if (v instanceof Value.Bool b) {
      return f.booleanNode(b.value());
    }
    if (v instanceof Value.Null) {
      return f.nullNode();
    }
    if (v instanceof Value.ListValue l) {
      ArrayNode a = f.arrayNode();
      for (Value item : l.items()) {
        JsonNode j = toJson(item);
        if (j == null) {
          return null;
        }
        a.add(j);
      }
      return a;
    }
    if (v instanceof Value.MapValue m) {
      ObjectNode o = f.objectNode();
      for (Map.Entry<String, Value> e : m.entries().entrySet()) {
        JsonNode j = toJson(e.getValue());
        if (j == null) {
          return null;
        }
        o.set(e.getKey(), j);
      }
      return o;
    }
    String literal = v.literal().orElse(null);
    return literal == null ? null : f.textNode(literal);
  }
}
