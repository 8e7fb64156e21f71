package dev.netlint.parse.intrinsic;

import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.Stack;
import dev.netlint.model.Value;
import dev.netlint.model.Value.Symbolic.Kind;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.StackSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the intrinsic functions of one stack; one instance per resolution. See {@link
 * StackResolver} for the semantics.
 */
final class Resolver {

  /**
   * Deepest nesting of values and functions followed; above the loader's own nesting limit, so only
   * chains of conditions or functions reach it.
   */
  static final int MAX_DEPTH = 300;

  /** Most values and conditions resolved for one stack, against templates built to explode. */
  static final long MAX_STEPS = 2_000_000L;

  /**
   * Longest string {@code Fn::Sub} or {@code Fn::Join} may build, in characters (1 MiB): a whole
   * template is at most 1 MB, and steps alone do not bound size (eight nested {@code Fn::Sub}s that
   * each insert the next sixteen times build 4 GiB in a few hundred steps). A symbolic part counts
   * {@link #SYMBOLIC_PART_LENGTH} characters.
   */
  static final int MAX_STRING_LENGTH = 1 << 20;

  /** Most characters built by {@code Fn::Sub} and {@code Fn::Join} for one stack (64 MiB). */
  static final long MAX_BUILT_LENGTH = 64L << 20;

  /** What a part known only at deploy counts toward {@link #MAX_STRING_LENGTH}. */
  static final int SYMBOLIC_PART_LENGTH = 16;

  private static final Set<String> PSEUDO_PARAMETERS =
      Set.of(
          "AWS::AccountId",
          "AWS::NotificationARNs",
          "AWS::Partition",
          "AWS::Region",
          "AWS::StackId",
          "AWS::StackName",
          "AWS::URLSuffix");

  /** Pseudo parameters that have the same value in a nested stack as in its parent. */
  private static final Set<String> SHARED_PSEUDO_PARAMETERS =
      Set.of("AWS::AccountId", "AWS::Partition", "AWS::Region", "AWS::URLSuffix");

  private static final String FOR_EACH = "Fn::ForEach::";

  /** The outcome of one resolution, with the export names the stack imports. */
  record Outcome(Resolution resolution, Set<String> imports) {}

  private final StackSource source;
  private final String stackName;
  private final Map<String, Value> exports;
  private final Node.MapNode parameters;
  private final Node.MapNode mappings;
  private final Node.MapNode resources;
  private final Node.MapNode outputs;
  private final Conditions conditions;
  private final ListFunctions lists = new ListFunctions(this);

  /** The origin of each condition, in template order. */
  private final Map<String, Origin> conditionOrigins;

  private final List<Problem> problems = new ArrayList<>();
  private final Set<Problem> seen = new HashSet<>();
  private final Set<String> imports = new LinkedHashSet<>();
  private final Map<String, Value> parameterCache = new HashMap<>();
  private final Set<String> fromDefault = new HashSet<>();

  /** How many times a parameter's default value was used: tells values that rest on defaults. */
  private long defaultUses;

  private int depth;
  private long steps;
  private long built;
  private boolean stopped;

  Resolver(StackSource source, Map<String, Value> exports) {
    this.source = source;
    this.stackName = source.stackName();
    this.exports = exports;
    Node.MapNode root = source.template().root();
    this.parameters = section(root, "Parameters");
    this.mappings = section(root, "Mappings");
    this.resources = section(root, "Resources");
    this.outputs = section(root, "Outputs");
    Node.MapNode conditionSection = section(root, "Conditions");
    this.conditionOrigins = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : conditionSection.entries().entrySet()) {
      conditionOrigins.put(e.getKey(), e.getValue().origin());
    }
    this.conditions = new Conditions(this, conditionSection);
  }

  Outcome run() {
    // Parameters and conditions first, so that their own problems are reported once and in
    // template order, whatever uses them.
    for (String name : parameters.entries().keySet()) {
      parameter(name);
    }
    for (Map.Entry<String, Origin> condition : conditionOrigins.entrySet()) {
      String name = condition.getKey();
      if (name.startsWith(FOR_EACH)) {
        problem(notExpanded(name), condition.getValue());
      } else {
        conditions.evaluate(name, source.template().root().origin());
      }
    }
    Map<String, Resource> out = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : resources.entries().entrySet()) {
      String id = e.getKey();
      Origin origin = new Origin(resources.keyLocation(id), List.of("Resources", id));
      try {
        Resource r = resource(id, e.getValue(), origin);
        if (r != null) {
          out.put(id, r);
        }
      } catch (RuntimeException ex) {
        // One resource that trips a netlint bug must not cost the analysis of the others.
        problem("netlint failed to resolve resource " + id + ": " + ex, origin);
      }
    }
    if (source.template().root().get("Transform") == null) {
      // A transform (SAM) rewrites resources and their references: only its output can be judged.
      circularDependencies(out);
    }
    Map<String, Value> exported;
    try {
      exported = exports();
    } catch (RuntimeException ex) {
      problem("netlint failed to resolve the exports: " + ex, outputs.origin());
      exported = Map.of();
    }
    Stack stack =
        new Stack(
            stackName, source.template().displayName(), source.constructPath(), out, exported);
    return new Outcome(new Resolution(stack, problems), imports);
  }

  // ---------------------------------------------------------------- dependencies

  /**
   * Reports resources that depend on each other in a circle, through {@code Ref}, {@code
   * Fn::GetAtt}, {@code Fn::Sub} or {@code DependsOn}: CloudFormation refuses such a template
   * ("Circular dependency between resources"), as cfn-lint does (E3004). One problem per circle, at
   * its first resource in template order. Not checked on a template with a {@code Transform}.
   */
  private void circularDependencies(Map<String, Resource> resources) {
    List<Resource> active = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (Resource r : resources.values()) {
      if (r.active()) {
        index.put(r.logicalId(), active.size());
        active.add(r);
      }
    }
    int n = active.size();
    List<int[]> edges = new ArrayList<>(n);
    for (Resource r : active) {
      Set<String> targets = new TreeSet<>(r.dependsOn());
      for (Value v : r.properties().values()) {
        references(v, targets, 0);
      }
      edges.add(targets.stream().filter(index::containsKey).mapToInt(index::get).toArray());
    }
    for (List<Integer> circle : Cycles.of(edges)) {
      List<Resource> members = circle.stream().sorted().map(active::get).toList();
      List<String> names = members.stream().map(Resource::logicalId).toList();
      Resource first = members.get(0);
      problem(
          (names.size() == 1
                  ? "resource " + names.get(0) + " depends on itself"
                  : "circular dependency between resources " + String.join(", ", names))
              + ": CloudFormation refuses the template",
          first.origin());
    }
  }

  /** Adds the logical IDs of this stack's resources that {@code v} refers to. */
  private void references(Value v, Set<String> into, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (v instanceof Value.ResourceRef r && r.target().stack().equals(stackName)) {
      into.add(r.target().logicalId());
    } else if (v instanceof Value.Attribute a && a.target().stack().equals(stackName)) {
      into.add(a.target().logicalId());
    } else if (v instanceof Value.Concat c) {
      c.parts().forEach(p -> references(p, into, depth + 1));
    } else if (v instanceof Value.ListValue l) {
      l.items().forEach(i -> references(i, into, depth + 1));
    } else if (v instanceof Value.MapValue m) {
      m.entries().values().forEach(e -> references(e, into, depth + 1));
    }
  }

  // ---------------------------------------------------------------- sections

  private Node.MapNode section(Node.MapNode root, String name) {
    Node n = root.get(name);
    if (n instanceof Node.MapNode m) {
      return m;
    }
    // An empty section ("Mappings:" and nothing under it) reads as null or as an empty string.
    if (n != null && !(n instanceof Node.ScalarNode s && s.textOrEmpty().isEmpty())) {
      problem(name + " is not a mapping", n.origin());
    }
    return new Node.MapNode(
        Map.of(), Map.of(), new Origin(root.origin().location(), List.of(name)));
  }

  private @Nullable Resource resource(String id, Node node, Origin origin) {
    if (id.startsWith(FOR_EACH)) {
      problem(notExpanded(id), origin);
      return null;
    }
    if (!(node instanceof Node.MapNode m)) {
      problem("resource " + id + " is not a mapping", origin);
      return null;
    }
    Node typeNode = m.get("Type");
    String type = string(typeNode);
    if (type == null || type.isEmpty()) {
      problem(
          "resource " + id + " has no Type string", typeNode == null ? origin : typeNode.origin());
      return null;
    }
    String condition = null;
    boolean active = true;
    Node conditionNode = m.get("Condition");
    if (conditionNode != null) {
      condition = string(conditionNode);
      if (condition == null) {
        problem("Condition of resource " + id + " is not a condition name", conditionNode.origin());
      } else {
        active = conditions.evaluate(condition, conditionNode.origin()) != Conditions.Truth.FALSE;
      }
    }
    int problemsBefore = problems.size();
    Map<String, Value> properties = properties(id, m.get("Properties"));
    if (!active) {
      // CloudFormation never evaluates the properties of a resource whose condition is false;
      // values computed from defaults there (a Select into an empty list) are no problem.
      while (problems.size() > problemsBefore) {
        seen.remove(problems.remove(problems.size() - 1));
      }
    }
    List<String> dependsOn = dependsOn(id, m.get("DependsOn"));
    String constructPath = null;
    if (m.get("Metadata") instanceof Node.MapNode metadata) {
      constructPath = string(metadata.get("aws:cdk:path"));
    }
    if (constructPath == null) {
      constructPath = source.constructPaths().get(id);
    }
    return new Resource(
        new ResourceId(stackName, id),
        type,
        properties,
        origin,
        constructPath,
        condition,
        active,
        dependsOn);
  }

  private Map<String, Value> properties(String id, @Nullable Node node) {
    if (node == null) {
      return Map.of();
    }
    Value v = resolve(node);
    if (v instanceof Value.MapValue m) {
      return m.entries();
    }
    // "Properties:" with nothing under it reads as null or as an empty string; past the limits,
    // the problem that stopped resolution says it all.
    if (!stopped
        && !(v instanceof Value.NoValue
            || v instanceof Value.Null
            || (v instanceof Value.Text t && t.value().isEmpty()))) {
      problem(
          "Properties of resource " + id + " do not resolve to a mapping: " + ValueOps.describe(v),
          node.origin());
    }
    return Map.of();
  }

  private List<String> dependsOn(String id, @Nullable Node node) {
    if (node == null) {
      return List.of();
    }
    List<Node> items = node instanceof Node.ListNode l ? l.items() : List.of(node);
    List<String> out = new ArrayList<>(items.size());
    for (Node item : items) {
      String target = string(item);
      if (target == null) {
        problem("DependsOn of resource " + id + " must name resources as strings", item.origin());
      } else if (resources.get(target) == null) {
        problem(
            "DependsOn of resource " + id + " names " + target + ", which is not in Resources",
            item.origin());
      } else {
        out.add(target);
      }
    }
    return out;
  }

  private Map<String, Value> exports() {
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : outputs.entries().entrySet()) {
      if (!(e.getValue() instanceof Node.MapNode output)
          || !(output.get("Export") instanceof Node.MapNode export)) {
        continue;
      }
      Node nameNode = export.get("Name");
      Node valueNode = output.get("Value");
      if (nameNode == null || valueNode == null) {
        problem(
            "output "
                + e.getKey()
                + " has an Export without "
                + (nameNode == null ? "Name" : "Value"),
            export.origin());
        continue;
      }
      Node conditionNode = output.get("Condition");
      String condition = string(conditionNode);
      if (conditionNode != null
          && condition != null
          && conditions.evaluate(condition, conditionNode.origin()) == Conditions.Truth.FALSE) {
        continue;
      }
      String name = resolve(nameNode).literal().orElse(null);
      if (name != null) {
        out.putIfAbsent(name, resolve(valueNode));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- bookkeeping

  void problem(String message, Origin origin) {
    Problem p = new Problem(message, origin);
    if (seen.add(p)) {
      problems.add(p);
    }
  }

  private static String notExpanded(String forEachKey) {
    return "Fn::ForEach "
        + forEachKey.substring(FOR_EACH.length())
        + " is not expanded: netlint does not run the AWS::LanguageExtensions transform";
  }

  /** Counts one step and one level of nesting; false (after reporting why) past the limits. */
  boolean enter(Origin at) {
    if (stopped) {
      return false;
    }
    if (++steps > MAX_STEPS) {
      stopped = true;
      problem(
          "netlint stopped resolving this template after "
              + MAX_STEPS
              + " steps; the rest stays unresolved",
          at);
      return false;
    }
    if (depth >= MAX_DEPTH) {
      problem("values and intrinsic functions nest deeper than " + MAX_DEPTH + " levels", at);
      return false;
    }
    depth++;
    return true;
  }

  void exit() {
    depth--;
  }

  /**
   * The string {@code function} builds from {@code parts} (see {@link ValueOps#concat}), or an
   * unresolved value and a problem when it would be longer than {@link #MAX_STRING_LENGTH} or the
   * stack's strings together longer than {@link #MAX_BUILT_LENGTH}: its size is known before it is
   * built.
   */
  Value concat(List<Value> parts, Origin at, String function) {
    long length = 0;
    for (Value part : parts) {
      length += length(part);
      if (length > MAX_STRING_LENGTH) {
        return fail(
            function
                + " builds a string of more than "
                + MAX_STRING_LENGTH
                + " characters; netlint leaves it unresolved",
            function + " (too long)",
            at);
      }
    }
    built += length;
    if (built > MAX_BUILT_LENGTH) {
      if (!stopped) {
        stopped = true;
        problem(
            "netlint stopped resolving this template after building "
                + MAX_BUILT_LENGTH
                + " characters of strings; the rest stays unresolved",
            at);
      }
      return unresolved(function + " (resolution limit)", at);
    }
    return DynamicReferences.expand(ValueOps.concat(parts, at));
  }

  private static long length(Value v) {
    if (v instanceof Value.Text t) {
      return t.value().length();
    }
    if (v instanceof Value.Num n) {
      return n.text().length();
    }
    if (v instanceof Value.Bool) {
      return 5;
    }
    if (v instanceof Value.Concat c) {
      long sum = 0;
      for (Value part : c.parts()) {
        sum += length(part);
      }
      return sum;
    }
    return SYMBOLIC_PART_LENGTH;
  }

  long defaultUses() {
    return defaultUses;
  }

  Value fail(String message, String description, Origin at) {
    problem(message, at);
    return unresolved(description, at);
  }

  /**
   * A failure that depends on values: when they rest on parameter defaults (used since {@code
   * defaultUsesBefore}), the template may be right for the values given at deploy, so the result is
   * unresolved without a problem.
   */
  Value failOnValues(String message, String description, Origin at, long defaultUsesBefore) {
    return defaultUses != defaultUsesBefore
        ? unresolved(description, at)
        : fail(message, description, at);
  }

  static Value unresolved(String description, Origin at) {
    return new Value.Symbolic(Kind.UNRESOLVED, description, at);
  }

  /** The text of a string scalar, else null. */
  static @Nullable String string(@Nullable Node node) {
    return node instanceof Node.ScalarNode s && s.kind() == Node.ScalarNode.Kind.STRING
        ? s.textOrEmpty()
        : null;
  }

  /** The text of a non-null scalar of any kind, else null. */
  private static @Nullable String scalarText(@Nullable Node node) {
    return node instanceof Node.ScalarNode s && s.kind() != Node.ScalarNode.Kind.NULL
        ? s.textOrEmpty()
        : null;
  }

  static String quote(String s) {
    return "'" + s + "'";
  }

  // ---------------------------------------------------------------- values

  Value resolve(Node node) {
    if (!enter(node.origin())) {
      return unresolved("resolution limit", node.origin());
    }
    try {
      if (node instanceof Node.ScalarNode s) {
        return scalar(s);
      }
      if (node instanceof Node.ListNode l) {
        return list(l);
      }
      Node.MapNode m = (Node.MapNode) node;
      String fn = m.intrinsicName();
      if (fn != null) {
        Value v = function(fn, m);
        if (v != null) {
          return v;
        }
      }
      return map(m);
    } finally {
      exit();
    }
  }

  private static Value scalar(Node.ScalarNode s) {
    String text = s.textOrEmpty();
    switch (s.kind()) {
      case STRING:
        return DynamicReferences.expand(new Value.Text(text, s.origin()));
      case NUMBER:
        return new Value.Num(text, s.origin());
      case BOOLEAN:
        String t = text.toLowerCase(Locale.ROOT);
        return new Value.Bool(
            t.equals("true") || t.equals("yes") || t.equals("y") || t.equals("on"), s.origin());
      default:
        return new Value.Null(s.origin());
    }
  }

  private Value list(Node.ListNode l) {
    List<Value> items = new ArrayList<>(l.items().size());
    for (Node item : l.items()) {
      Value v = resolve(item);
      if (!(v instanceof Value.NoValue)) {
        items.add(v);
      }
    }
    return new Value.ListValue(items, l.origin());
  }

  private Value map(Node.MapNode m) {
    Map<String, Value> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      if (e.getKey().startsWith(FOR_EACH)) {
        problem(notExpanded(e.getKey()), e.getValue().origin());
        continue;
      }
      Value v = resolve(e.getValue());
      if (!(v instanceof Value.NoValue)) {
        entries.put(e.getKey(), v);
      }
    }
    return new Value.MapValue(entries, m.origin());
  }

  /** The value of an intrinsic function, or null for a mapping that only looks like one. */
  private @Nullable Value function(String fn, Node.MapNode m) {
    Node arg = Objects.requireNonNull(m.get(fn), "fn is the map's only key");
    Origin at = m.origin();
    switch (fn) {
      case "Ref":
        return ref(arg, at);
      case "Fn::GetAtt":
        return getAtt(arg, at);
      case "Fn::Sub":
        return sub(arg, at);
      case "Fn::Join":
        return lists.join(arg, at);
      case "Fn::Select":
        return lists.select(arg, at);
      case "Fn::Split":
        return lists.split(arg, at);
      case "Fn::Base64":
        return resolve(arg);
      case "Fn::FindInMap":
        return findInMap(arg, at);
      case "Fn::If":
        return ifValue(arg, at);
      case "Fn::GetAZs":
        return lists.getAzs(arg, at);
      case "Fn::Cidr":
        return lists.cidr(arg, at);
      case "Fn::ImportValue":
        return importValue(arg, at);
      case "Fn::GetStackOutput":
        return stackOutput(arg, at);
      case "Fn::Length":
        return lists.length(arg, at);
      case "Fn::ToJsonString":
        return lists.toJsonString(arg, at);
      case "Condition":
        return conditionValue(arg, at);
      case "Fn::Equals":
      case "Fn::And":
      case "Fn::Or":
      case "Fn::Not":
        return fail(fn + " is a condition function, allowed only in Conditions", fn, at);
      case "Fn::Transform":
        return fail("Fn::Transform calls a macro, which netlint does not run", fn, at);
      default:
        if (fn.startsWith(FOR_EACH)) {
          return fail(notExpanded(fn), "Fn::ForEach", at);
        }
        return fail("unknown intrinsic function " + fn, fn, at);
    }
  }

  // ---------------------------------------------------------------- Ref and parameters

  private Value ref(Node arg, Origin at) {
    String name = string(arg);
    if (name == null) {
      return fail("Ref needs a parameter or resource name as a string", "Ref", at);
    }
    return named(name, at, "Ref " + name);
  }

  /** What {@code Ref name} gives; {@code what} names the reference in messages. */
  private Value named(String name, Origin at, String what) {
    if (name.equals("AWS::NoValue")) {
      return new Value.NoValue(at);
    }
    if (PSEUDO_PARAMETERS.contains(name)) {
      return new Value.Symbolic(Kind.PSEUDO_PARAMETER, name, at);
    }
    if (parameters.get(name) != null) {
      Value v = parameter(name);
      if (fromDefault.contains(name)) {
        defaultUses++;
      }
      return ValueOps.withOrigin(v, at);
    }
    if (resources.get(name) != null) {
      return new Value.ResourceRef(new ResourceId(stackName, name), at);
    }
    return fail(what + " names no parameter, resource or pseudo parameter", what, at);
  }

  private Value parameter(String name) {
    Value cached = parameterCache.get(name);
    if (cached == null) {
      cached = computeParameter(name);
      parameterCache.put(name, cached);
    }
    return cached;
  }

  private Value computeParameter(String name) {
    Node.MapNode declaration = parameters.get(name) instanceof Node.MapNode m ? m : null;
    Origin declared = new Origin(parameters.keyLocation(name), List.of("Parameters", name));
    String type = declaration == null ? null : string(declaration.get("Type"));
    if (type == null) {
      type = "String";
    }
    Node passed = source.parameterValues().get(name);
    if (passed != null) {
      Value v = fromParent(name, type, passed);
      if (v != null) {
        return v;
      }
    }
    Node def = declaration == null ? null : declaration.get("Default");
    if (isSsm(type)) {
      String path = scalarText(def);
      return def == null || path == null
          ? new Value.Symbolic(Kind.PARAMETER, name, declared)
          : new Value.Symbolic(Kind.SSM_PARAMETER, path, def.origin());
    }
    if (def == null
        || (def instanceof Node.ScalarNode s && s.kind() == Node.ScalarNode.Kind.NULL)) {
      return new Value.Symbolic(Kind.PARAMETER, name, declared);
    }
    fromDefault.add(name);
    return typed(name, type, def);
  }

  /**
   * A value the parent template passes for parameter {@code name}, or null when it passes {@code
   * AWS::NoValue} (the parameter keeps its default).
   */
  private @Nullable Value fromParent(String name, String type, Node passed) {
    if (passed instanceof Node.MapNode m) {
      String fn = m.intrinsicName();
      Node arg = fn == null ? null : m.get(fn);
      String expression = fn == null ? name : fn;
      String ref = "Ref".equals(fn) ? string(arg) : null;
      if (ref != null) {
        if (ref.equals("AWS::NoValue")) {
          return null;
        }
        if (SHARED_PSEUDO_PARAMETERS.contains(ref)) {
          return new Value.Symbolic(Kind.PSEUDO_PARAMETER, ref, passed.origin());
        }
        expression = ref;
      } else if ("Fn::GetAtt".equals(fn) && getAttName(arg) != null) {
        expression = getAttName(arg);
      }
      return new Value.Symbolic(Kind.PARAMETER, parentStack() + "." + expression, passed.origin());
    }
    if (passed instanceof Node.ScalarNode s && s.kind() == Node.ScalarNode.Kind.NULL) {
      return null;
    }
    if (isSsm(type)) {
      String path = scalarText(passed);
      return path == null
          ? new Value.Symbolic(Kind.PARAMETER, name, passed.origin())
          : new Value.Symbolic(Kind.SSM_PARAMETER, path, passed.origin());
    }
    return typed(name, type, passed);
  }

  /** The parent's stack name: a nested stack is named {@code Parent/NestedLogicalId}. */
  private String parentStack() {
    int slash = stackName.lastIndexOf('/');
    return slash > 0 ? stackName.substring(0, slash) : "parent";
  }

  private static @Nullable String getAttName(@Nullable Node arg) {
    if (arg instanceof Node.ListNode l
        && l.items().size() == 2
        && string(l.items().get(0)) != null
        && string(l.items().get(1)) != null) {
      return string(l.items().get(0)) + "." + string(l.items().get(1));
    }
    String s = string(arg);
    return s != null && s.indexOf('.') > 0 ? s : null;
  }

  /** A literal parameter value (default or passed by the parent) as its Type says. */
  private Value typed(String name, String type, Node node) {
    if (node instanceof Node.ScalarNode s && s.kind() != Node.ScalarNode.Kind.NULL) {
      String text = s.textOrEmpty();
      if (isList(type)) {
        List<Value> items = new ArrayList<>();
        for (String part : ListFunctions.splitLiteral(text, ",")) {
          items.add(listItem(type, part.trim(), s.origin()));
        }
        return new Value.ListValue(items, s.origin());
      }
      if (type.equals("Number")) {
        if (isNumber(text)) {
          return new Value.Num(text.trim(), s.origin());
        }
        problem("value " + text + " of Number parameter " + name + " is not a number", s.origin());
      }
      return DynamicReferences.expand(new Value.Text(text, s.origin()));
    }
    if (node instanceof Node.ListNode l
        && l.items().stream().allMatch(i -> scalarText(i) != null)) {
      if (!isList(type)) {
        problem("parameter " + name + " of type " + type + " has a list value", l.origin());
      }
      List<Value> items = new ArrayList<>();
      for (Node item : l.items()) {
        String text = Objects.requireNonNull(scalarText(item), "every item is a scalar, above");
        items.add(listItem(type, text, item.origin()));
      }
      return new Value.ListValue(items, l.origin());
    }
    problem("parameter " + name + " has a value that is not a literal", node.origin());
    return new Value.Symbolic(Kind.PARAMETER, name, node.origin());
  }

  private static Value listItem(String type, String text, Origin origin) {
    return type.equals("List<Number>") && isNumber(text)
        ? new Value.Num(text, origin)
        : new Value.Text(text, origin);
  }

  private static boolean isList(String type) {
    return type.equals("CommaDelimitedList") || type.startsWith("List<");
  }

  private static boolean isSsm(String type) {
    return type.startsWith("AWS::SSM::Parameter::Value<");
  }

  static boolean isNumber(String text) {
    try {
      new BigDecimal(text.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- Fn::GetAtt

  private Value getAtt(Node arg, Origin at) {
    String resource;
    String attribute;
    String s = string(arg);
    Node.ListNode pair = arg instanceof Node.ListNode l && l.items().size() == 2 ? l : null;
    String first = pair == null ? null : string(pair.items().get(0));
    if (s != null) {
      int dot = s.indexOf('.');
      if (dot <= 0 || dot == s.length() - 1) {
        return fail(
            "Fn::GetAtt needs ResourceName.AttributeName, not " + quote(s), "Fn::GetAtt " + s, at);
      }
      resource = s.substring(0, dot);
      attribute = s.substring(dot + 1);
    } else if (pair != null && first != null) {
      resource = first;
      Value a = resolve(pair.items().get(1));
      attribute = a.literal().orElse(null);
      if (attribute == null) {
        if (resources.get(resource) == null) {
          return fail(
              "Fn::GetAtt names " + resource + ", which is not in Resources",
              "Fn::GetAtt " + resource,
              at);
        }
        return unresolved("Fn::GetAtt " + resource + "." + ValueOps.describe(a), at);
      }
    } else {
      return fail("Fn::GetAtt needs [ResourceName, AttributeName]", "Fn::GetAtt", at);
    }
    return attribute(resource, attribute, at, "Fn::GetAtt");
  }

  private Value attribute(String resource, String attribute, Origin at, String what) {
    if (resources.get(resource) == null) {
      return fail(
          what + " names " + resource + ", which is not in Resources",
          "Fn::GetAtt " + resource + "." + attribute,
          at);
    }
    return new Value.Attribute(new ResourceId(stackName, resource), attribute, at);
  }

  // ---------------------------------------------------------------- Fn::Sub

  private Value sub(Node arg, Origin at) {
    String template = string(arg);
    Origin templateOrigin = arg.origin();
    Node.MapNode variables = null;
    if (template == null) {
      Node.ListNode pair = arg instanceof Node.ListNode l && l.items().size() == 2 ? l : null;
      String text = pair == null ? null : string(pair.items().get(0));
      if (pair != null
          && text != null
          && pair.items().get(1) instanceof Node.MapNode vars
          && vars.intrinsicName() == null) {
        template = text;
        templateOrigin = pair.items().get(0).origin();
        variables = vars;
      } else {
        return fail(
            "Fn::Sub needs a string, or a list of a string and a mapping of variables",
            "Fn::Sub",
            at);
      }
    }
    int open = SubTemplate.unterminated(template);
    if (open >= 0) {
      String rest = template.substring(open, Math.min(template.length(), open + 20)).split("\n")[0];
      problem(
          "Fn::Sub: "
              + quote(rest)
              + " has no closing } on its line and stays literal text"
              + " (write ${!...} for a literal ${)",
          templateOrigin);
    }
    List<Value> parts = new ArrayList<>();
    Map<String, Value> cache = new HashMap<>();
    for (SubTemplate.Segment segment : SubTemplate.parse(template)) {
      if (!segment.placeholder()) {
        parts.add(new Value.Text(segment.text(), templateOrigin));
        continue;
      }
      String name = segment.text();
      Value v = cache.get(name);
      if (v == null) {
        v = subVariable(name, variables, templateOrigin);
        cache.put(name, v);
      }
      parts.add(v);
    }
    return concat(parts, at, "Fn::Sub");
  }

  private Value subVariable(String name, Node.@Nullable MapNode variables, Origin at) {
    String what = "${" + name + "} in Fn::Sub";
    Node variable = variables == null ? null : variables.get(name);
    Value v;
    if (variable != null) {
      v = resolve(variable);
    } else if (name.isEmpty()) {
      return fail("${} in Fn::Sub names no variable", "Fn::Sub ${}", at);
    } else if (name.indexOf('.') > 0 && !name.startsWith("AWS::")) {
      int dot = name.indexOf('.');
      v = attribute(name.substring(0, dot), name.substring(dot + 1), at, what);
    } else {
      v = named(name, at, what);
    }
    if (v instanceof Value.NoValue) {
      return fail(
          what + " is AWS::NoValue, which Fn::Sub cannot insert", "Fn::Sub ${" + name + "}", at);
    }
    if (!ValueOps.isStringLike(v)) {
      return fail(what + " is " + kindOf(v) + ", not a string", "Fn::Sub ${" + name + "}", at);
    }
    return v;
  }

  static String kindOf(Value v) {
    if (v instanceof Value.ListValue) {
      return "a list";
    }
    if (v instanceof Value.MapValue) {
      return "a mapping";
    }
    return v instanceof Value.Null ? "null" : "AWS::NoValue";
  }

  // ---------------------------------------------------------------- Fn::FindInMap

  private Value findInMap(Node arg, Origin at) {
    if (!(arg instanceof Node.ListNode l) || l.items().size() < 3 || l.items().size() > 4) {
      return fail(
          "Fn::FindInMap needs a list of MapName, TopLevelKey, SecondLevelKey"
              + " and an optional {DefaultValue: value}",
          "Fn::FindInMap",
          at);
    }
    Node defaultNode = null;
    if (l.items().size() == 4) {
      if (l.items().get(3) instanceof Node.MapNode d
          && d.entries().size() == 1
          && d.get("DefaultValue") != null) {
        defaultNode = d.get("DefaultValue");
      } else {
        return fail(
            "the fourth item of Fn::FindInMap must be {DefaultValue: value}", "Fn::FindInMap", at);
      }
    }
    long defaultsBefore = defaultUses;
    Value mapName = resolve(l.items().get(0));
    Value top = resolve(l.items().get(1));
    Value second = resolve(l.items().get(2));
    String description =
        "Fn::FindInMap("
            + ValueOps.describe(mapName)
            + ", "
            + ValueOps.describe(top)
            + ", "
            + ValueOps.describe(second)
            + ")";
    String name = mapName.literal().orElse(null);
    if (name == null) {
      return unresolved(description, at);
    }
    Value fallback = defaultNode == null ? null : resolve(defaultNode);
    if (!(mappings.get(name) instanceof Node.MapNode map)) {
      return fallback != null
          ? ValueOps.withOrigin(fallback, at)
          : fail(
              "Fn::FindInMap names mapping " + name + ", which is not in Mappings",
              description,
              at);
    }
    String topKey = top.literal().orElse(null);
    String secondKey = second.literal().orElse(null);
    if (topKey != null && secondKey != null) {
      Node found = map.get(topKey) instanceof Node.MapNode level ? level.get(secondKey) : null;
      if (found != null) {
        return ValueOps.withOrigin(resolve(found), at);
      }
      return fallback != null
          ? ValueOps.withOrigin(fallback, at)
          : failOnValues(
              "mapping " + name + " has no " + topKey + " / " + secondKey + " for Fn::FindInMap",
              description,
              at,
              defaultsBefore);
    }
    if (topKey != null && map.get(topKey) == null && fallback == null) {
      return failOnValues(
          "mapping " + name + " has no top-level key " + topKey + " for Fn::FindInMap",
          description,
          at,
          defaultsBefore);
    }
    // A key known only at deploy (AWS::Region most often): the value is known anyway when every
    // entry it may select holds the same one.
    List<Value> candidates = new ArrayList<>();
    boolean missing = false;
    for (String t : topKey != null ? List.of(topKey) : map.entries().keySet()) {
      if (!(map.get(t) instanceof Node.MapNode level)) {
        missing = true;
        continue;
      }
      if (secondKey != null) {
        Node entry = level.get(secondKey);
        if (entry == null) {
          missing = true;
        } else {
          candidates.add(resolve(entry));
        }
      } else {
        for (Node n : level.entries().values()) {
          candidates.add(resolve(n));
        }
      }
    }
    if (missing && fallback != null) {
      candidates.add(fallback);
    } else if (missing) {
      return unresolved(description, at);
    }
    if (candidates.isEmpty()
        || !candidates.stream().allMatch(c -> ValueOps.same(c, candidates.get(0)))) {
      return unresolved(description, at);
    }
    return ValueOps.withOrigin(candidates.get(0), at);
  }

  // ---------------------------------------------------------------- conditions

  private Value ifValue(Node arg, Origin at) {
    Node.ListNode l = arg instanceof Node.ListNode list && list.items().size() == 3 ? list : null;
    String condition = l == null ? null : string(l.items().get(0));
    if (l == null || condition == null) {
      return fail(
          "Fn::If needs a list of a condition name, a value if true and a value if false",
          "Fn::If",
          at);
    }
    Conditions.Truth truth = conditions.evaluate(condition, l.items().get(0).origin());
    // As CloudFormation, only the chosen branch is evaluated: the other one may only make sense
    // when the condition holds (a Select into a list parameter whose default is empty).
    if (truth == Conditions.Truth.TRUE) {
      return resolve(l.items().get(1));
    }
    if (truth == Conditions.Truth.FALSE) {
      return resolve(l.items().get(2));
    }
    Value whenTrue = resolve(l.items().get(1));
    Value whenFalse = resolve(l.items().get(2));
    if (ValueOps.same(whenTrue, whenFalse)) {
      return whenTrue;
    }
    return unresolved("Fn::If(" + condition + ")", at);
  }

  /** {@code {"Condition": name}} of a known condition as a boolean; null for any other map. */
  private @Nullable Value conditionValue(Node arg, Origin at) {
    String name = string(arg);
    if (name == null || !conditions.has(name)) {
      return null;
    }
    Conditions.Truth t = conditions.evaluate(name, arg.origin());
    return t == Conditions.Truth.UNKNOWN
        ? unresolved("Condition " + name, at)
        : new Value.Bool(t == Conditions.Truth.TRUE, at);
  }

  // ---------------------------------------------------------------- Fn::ImportValue

  /**
   * {@code Fn::GetStackOutput} reads an output of a deployed stack, by stack name, possibly in
   * another account or region: an {@code IMPORT} symbolic value described as {@code Stack.Output}
   * ({@code region:Stack.Output} when it names a region).
   */
  private Value stackOutput(Node arg, Origin at) {
    if (!(arg instanceof Node.MapNode m)
        || m.intrinsicName() != null
        || m.get("StackName") == null
        || m.get("OutputName") == null) {
      return fail(
          "Fn::GetStackOutput needs a mapping with StackName and OutputName",
          "Fn::GetStackOutput",
          at);
    }
    String description =
        ValueOps.describe(resolve(m.get("StackName")))
            + "."
            + ValueOps.describe(resolve(m.get("OutputName")));
    if (m.get("Region") != null) {
      description = ValueOps.describe(resolve(m.get("Region"))) + ":" + description;
    }
    if (m.get("RoleArn") != null) {
      resolve(m.get("RoleArn"));
    }
    return new Value.Symbolic(Kind.IMPORT, description, at);
  }

  private Value importValue(Node arg, Origin at) {
    Value name = resolve(arg);
    String literal = name.literal().orElse(null);
    if (literal == null) {
      if (!ValueOps.isStringLike(name)) {
        return fail(
            "Fn::ImportValue needs an export name, not " + kindOf(name), "Fn::ImportValue", at);
      }
      return new Value.Symbolic(Kind.IMPORT, ValueOps.describe(name), at);
    }
    imports.add(literal);
    Value exported = exports.get(literal);
    return exported != null
        ? ValueOps.withOrigin(exported, at)
        : new Value.Symbolic(Kind.IMPORT, literal, at);
  }
}
