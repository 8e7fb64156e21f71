package dev.netlint.parse.intrinsic;

import dev.netlint.model.Origin;
import dev.netlint.model.Value;
import dev.netlint.parse.cfn.Node;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The template's {@code Conditions}, evaluated with the parameter values netlint knows (the values
 * a parent passes, else the defaults). A condition that depends on a value only known at deploy
 * ({@code AWS::Region}, a parameter without default) is {@link Truth#UNKNOWN}, and {@code Fn::And},
 * {@code Fn::Or} and {@code Fn::Not} follow three-valued logic. Each condition is evaluated once; a
 * condition that depends on itself is a {@link Problem} and {@code UNKNOWN}.
 *
 * <p>Follows <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html">Condition
 * functions</a>.
 */
final class Conditions {

  /** The value of a condition as far as netlint can tell before deploy. */
  enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    static Truth of(boolean b) {
      return b ? TRUE : FALSE;
    }

    Truth not() {
      return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
    }
  }

  private final Resolver resolver;
  private final Node.MapNode section;
  private final Map<String, Truth> memo = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();

  Conditions(Resolver resolver, Node.MapNode section) {
    this.resolver = resolver;
    this.section = section;
  }

  boolean has(String name) {
    return section.get(name) != null;
  }

  /** The named condition; {@code usage} is where a missing name is reported. */
  Truth evaluate(String name, Origin usage) {
    Truth known = memo.get(name);
    if (known != null) {
      return known;
    }
    Node definition = section.get(name);
    if (definition == null) {
      resolver.problem("condition " + name + " is not in Conditions", usage);
      return Truth.UNKNOWN;
    }
    if (!evaluating.add(name)) {
      resolver.problem(
          "condition " + name + " depends on itself through Condition references",
          new Origin(section.keyLocation(name), java.util.List.of("Conditions", name)));
      return Truth.UNKNOWN;
    }
    Truth t;
    try {
      t = eval(definition);
    } finally {
      evaluating.remove(name);
    }
    memo.put(name, t);
    return t;
  }

  private Truth eval(Node node) {
    if (!resolver.enter(node.origin())) {
      return Truth.UNKNOWN;
    }
    try {
      return evalEntered(node);
    } finally {
      resolver.exit();
    }
  }

  private Truth evalEntered(Node node) {
    String fn = node instanceof Node.MapNode m ? m.intrinsicName() : null;
    if (fn == null) {
      resolver.problem(
          "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition", node.origin());
      return Truth.UNKNOWN;
    }
    Node arg = Objects.requireNonNull(((Node.MapNode) node).get(fn), "fn is the map's only key");
    Origin at = node.origin();
    switch (fn) {
      case "Fn::Equals":
        return equalsOf(arg, at);
      case "Fn::And":
      case "Fn::Or":
        return combine(fn, arg, at);
      case "Fn::Not":
        if (arg instanceof Node.ListNode l && l.items().size() == 1) {
          return eval(l.items().get(0)).not();
        }
        resolver.problem("Fn::Not needs a list of one condition", at);
        return Truth.UNKNOWN;
      case "Condition":
        String name = Resolver.string(arg);
        if (name == null) {
          resolver.problem("Condition needs a condition name as a string", at);
          return Truth.UNKNOWN;
        }
        return evaluate(name, at);
      default:
        resolver.problem(fn + " is not a condition function", at);
        return Truth.UNKNOWN;
    }
  }

  private Truth equalsOf(Node arg, Origin at) {
    if (!(arg instanceof Node.ListNode l) || l.items().size() != 2) {
      resolver.problem("Fn::Equals needs a list of two values", at);
      return Truth.UNKNOWN;
    }
    Value a = resolver.resolve(l.items().get(0));
    Value b = resolver.resolve(l.items().get(1));
    if (ValueOps.same(a, b)) {
      return Truth.TRUE;
    }
    return known(a) && known(b) ? Truth.FALSE : Truth.UNKNOWN;
  }

  private Truth combine(String fn, Node arg, Origin at) {
    if (!(arg instanceof Node.ListNode l)) {
      resolver.problem(fn + " needs a list of 2 to 10 conditions", at);
      return Truth.UNKNOWN;
    }
    if (l.items().size() < 2 || l.items().size() > 10) {
      resolver.problem(fn + " needs 2 to 10 conditions, not " + l.items().size(), at);
    }
    boolean and = fn.equals("Fn::And");
    Truth result = Truth.of(and);
    for (Node item : l.items()) {
      Truth t = eval(item);
      if (t == Truth.of(!and)) {
        result = t;
      } else if (t == Truth.UNKNOWN && result != Truth.of(!and)) {
        result = Truth.UNKNOWN;
      }
    }
    return result;
  }

  /** Whether a value is fully known before deploy, so that unequal means false. */
  private static boolean known(Value v) {
    if (v.literal().isPresent() || v instanceof Value.Null) {
      return true;
    }
    if (v instanceof Value.ListValue l) {
      return l.items().stream().allMatch(Conditions::known);
    }
    if (v instanceof Value.MapValue m) {
      return m.entries().values().stream().allMatch(Conditions::known);
    }
    return false;
  }
}
