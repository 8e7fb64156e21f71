package dev.netlint.parse.intrinsic;

import dev.netlint.model.Origin;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Building, comparing and describing resolved {@link Value}s. */
final class ValueOps {
  private ValueOps() {}

  /** The same value with {@code origin} at its top level; nested values keep theirs. */
  static Value withOrigin(Value v, Origin origin) {
    if (v.origin().equals(origin)) {
      return v;
    }
    if (v instanceof Value.Text t) {
      return new Value.Text(t.value(), origin);
    }
    if (v instanceof Value.Num n) {
      return new Value.Num(n.text(), origin);
    }
    if (v instanceof Value.Bool b) {
      return new Value.Bool(b.value(), origin);
    }
    if (v instanceof Value.Null) {
      return new Value.Null(origin);
    }
    if (v instanceof Value.NoValue) {
      return new Value.NoValue(origin);
    }
    if (v instanceof Value.ListValue l) {
      return new Value.ListValue(l.items(), origin);
    }
    if (v instanceof Value.MapValue m) {
      return new Value.MapValue(m.entries(), origin);
    }
    if (v instanceof Value.ResourceRef r) {
      return new Value.ResourceRef(r.target(), origin);
    }
    if (v instanceof Value.Attribute a) {
      return new Value.Attribute(a.target(), a.attribute(), origin);
    }
    if (v instanceof Value.Symbolic s) {
      return new Value.Symbolic(s.kind(), s.description(), origin);
    }
    return new Value.Concat(((Value.Concat) v).parts(), origin);
  }

  /** A string value: text, number, boolean, or a part of one only known at deploy. */
  static boolean isStringLike(Value v) {
    return !(v instanceof Value.ListValue
        || v instanceof Value.MapValue
        || v instanceof Value.Null
        || v instanceof Value.NoValue);
  }

  /**
   * The string made of {@code parts}, as {@code Fn::Sub} and {@code Fn::Join} build it: a {@link
   * Value.Text} when every part is literal; the part itself when there is just one symbolic part;
   * else a {@link Value.Concat} with nested concatenations flattened and adjacent literal text
   * merged.
   */
  static Value concat(List<Value> parts, Origin origin) {
    List<Value> out = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    Origin literalOrigin = origin;
    boolean hasLiteral = false;
    for (Value part : flatten(parts)) {
      String s = part.literal().orElse(null);
      if (s != null) {
        if (!hasLiteral) {
          literalOrigin = part.origin();
          hasLiteral = true;
        }
        literal.append(s);
        continue;
      }
      if (hasLiteral && literal.length() > 0) {
        out.add(new Value.Text(literal.toString(), literalOrigin));
      }
      literal.setLength(0);
      hasLiteral = false;
      out.add(part);
    }
    if (hasLiteral && literal.length() > 0) {
      out.add(new Value.Text(literal.toString(), literalOrigin));
    }
    if (out.isEmpty()) {
      return new Value.Text("", origin);
    }
    if (out.size() == 1) {
      return withOrigin(out.get(0), origin);
    }
    return new Value.Concat(out, origin);
  }

  private static List<Value> flatten(List<Value> parts) {
    List<Value> out = new ArrayList<>(parts.size());
    for (Value part : parts) {
      if (part instanceof Value.Concat c) {
        out.addAll(flatten(c.parts()));
      } else {
        out.add(part);
      }
    }
    return out;
  }

  /**
   * Whether two values are the same before deploy, ignoring where they stand: equal literal strings
   * (CloudFormation compares numbers and booleans as strings), the same resource or attribute, the
   * same symbolic value, or lists and maps of such.
   */
  static boolean same(Value a, Value b) {
    String la = a.literal().orElse(null);
    String lb = b.literal().orElse(null);
    if (la != null || lb != null) {
      return la != null && la.equals(lb);
    }
    if (a instanceof Value.ResourceRef ra && b instanceof Value.ResourceRef rb) {
      return ra.target().equals(rb.target());
    }
    if (a instanceof Value.Attribute aa && b instanceof Value.Attribute ab) {
      return aa.target().equals(ab.target()) && aa.attribute().equals(ab.attribute());
    }
    if (a instanceof Value.Symbolic sa && b instanceof Value.Symbolic sb) {
      return sa.kind() == sb.kind() && sa.description().equals(sb.description());
    }
    if (a instanceof Value.Concat ca && b instanceof Value.Concat cb) {
      return sameAll(ca.parts(), cb.parts());
    }
    if (a instanceof Value.ListValue xa && b instanceof Value.ListValue xb) {
      return sameAll(xa.items(), xb.items());
    }
    if (a instanceof Value.MapValue ma && b instanceof Value.MapValue mb) {
      if (!ma.entries().keySet().equals(mb.entries().keySet())) {
        return false;
      }
      for (Map.Entry<String, Value> e : ma.entries().entrySet()) {
        Value other = mb.get(e.getKey());
        if (other == null || !same(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return (a instanceof Value.NoValue && b instanceof Value.NoValue)
        || (a instanceof Value.Null && b instanceof Value.Null);
  }

  private static boolean sameAll(List<Value> a, List<Value> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A short description of a value for the description of a {@link Value.Symbolic} built from it: a
   * symbolic value's own description, a literal as itself, anything else as {@link Value#render()}.
   */
  static String describe(Value v) {
    if (v instanceof Value.Symbolic s) {
      return s.description();
    }
    if (v instanceof Value.ResourceRef r) {
      return r.target().logicalId();
    }
    if (v instanceof Value.Attribute a) {
      return a.target().logicalId() + "." + a.attribute();
    }
    return v.render();
  }
}
