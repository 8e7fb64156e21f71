package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/** Helpers behind {@link Value#literal()} and {@link Value#render()}. */
final class Values {
  private Values() {}

  static @Nullable String literalOrNull(Value value) {
    if (value instanceof Value.Text t) {
      return t.value();
    }
    if (value instanceof Value.Num n) {
      return n.text();
    }
    if (value instanceof Value.Bool b) {
      return Boolean.toString(b.value());
    }
    if (value instanceof Value.Concat c) {
      var sb = new StringBuilder();
      for (Value part : c.parts()) {
        String s = literalOrNull(part);
        if (s == null) {
          return null;
        }
        sb.append(s);
      }
      return sb.toString();
    }
    return null;
  }

  static String render(Value value) {
    String literal = literalOrNull(value);
    if (literal != null) {
      return literal;
    }
    if (value instanceof Value.Concat c) {
      var sb = new StringBuilder();
      for (Value part : c.parts()) {
        sb.append(render(part));
      }
      return sb.toString();
    }
    if (value instanceof Value.ResourceRef r) {
      return "${" + r.target().logicalId() + "}";
    }
    if (value instanceof Value.Attribute a) {
      return "${" + a.target().logicalId() + "." + a.attribute() + "}";
    }
    if (value instanceof Value.Symbolic s) {
      return "${" + s.description() + "}";
    }
    if (value instanceof Value.ListValue l) {
      var sb = new StringBuilder("[");
      for (int i = 0; i < l.items().size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(render(l.items().get(i)));
      }
      return sb.append(']').toString();
    }
    if (value instanceof Value.MapValue) {
      return "{...}";
    }
    return "";
  }
}
