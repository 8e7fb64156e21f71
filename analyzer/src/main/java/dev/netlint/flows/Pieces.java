package dev.netlint.flows;

import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A template string cut into literal text and deploy-time values, the way {@code Fn::Sub} and
 * {@code Fn::Join} build it: {@code "postgres://" + Db.Endpoint.Address + ":5432/orders"}.
 */
final class Pieces {
  private Pieces() {}

  /**
   * One piece: literal text, or a deploy-time value ({@link Value.Attribute}, {@link
   * Value.ResourceRef}, {@link Value.Symbolic}, or a list or map).
   */
  record Piece(String text, @Nullable Value value) {
    static Piece literal(String text) {
      return new Piece(text, null);
    }

    boolean isLiteral() {
      return value == null;
    }
  }

  /** The pieces of a value; literal neighbours are merged. */
  static List<Piece> of(@Nullable Value value) {
    List<Piece> pieces = new ArrayList<>();
    if (value != null) {
      add(value, pieces);
    }
    return pieces;
  }

  private static void add(Value value, List<Piece> into) {
    String literal = value.literal().orElse(null);
    if (literal != null) {
      if (!into.isEmpty() && into.get(into.size() - 1).isLiteral()) {
        Piece last = into.remove(into.size() - 1);
        into.add(Piece.literal(last.text() + literal));
      } else {
        into.add(Piece.literal(literal));
      }
      return;
    }
    if (value instanceof Value.Concat c) {
      for (Value part : c.parts()) {
        add(part, into);
      }
      return;
    }
    into.add(new Piece("", value));
  }

  /** Every {@link Value.Attribute} and {@link Value.ResourceRef} inside a value, in order. */
  static List<Value> references(@Nullable Value value) {
    List<Value> found = new ArrayList<>();
    if (value != null) {
      references(value, found);
    }
    return found;
  }

  private static void references(Value value, List<Value> into) {
    if (value instanceof Value.Attribute || value instanceof Value.ResourceRef) {
      into.add(value);
    } else if (value instanceof Value.Concat c) {
      c.parts().forEach(p -> references(p, into));
    } else if (value instanceof Value.ListValue l) {
      l.items().forEach(p -> references(p, into));
    } else if (value instanceof Value.MapValue m) {
      m.entries().values().forEach(p -> references(p, into));
    }
  }
}
