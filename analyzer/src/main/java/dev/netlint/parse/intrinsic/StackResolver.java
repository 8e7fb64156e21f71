package dev.netlint.parse.intrinsic;

import dev.netlint.model.Value;
import dev.netlint.parse.cfn.StackSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the intrinsic functions of a CloudFormation stack into a {@link dev.netlint.model.Stack}
 * whose resources hold {@link Value}s: what is known before deploy is literal, what is not stays
 * symbolic and says where it comes from. netlint never guesses a concrete value (no region, account
 * or AZ name).
 *
 * <p>Follows the <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html">Intrinsic
 * function reference</a>, the <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html">pseudo
 * parameters</a> and <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html">dynamic
 * references</a>, as cfn-lint reads them:
 *
 * <ul>
 *   <li>{@code Ref} of a resource is a {@link Value.ResourceRef}; of a parameter, the value a
 *       parent stack passes when it is a literal, else its {@code Default} as its {@code Type} says
 *       ({@code Number} a {@link Value.Num}, {@code CommaDelimitedList} and {@code List<...>} a
 *       {@link Value.ListValue} split on commas), else a {@code PARAMETER} symbolic value. A
 *       parameter of type {@code AWS::SSM::Parameter::Value<...>} is an {@code SSM_PARAMETER}
 *       symbolic value described by the SSM parameter name. A value a parent computes ({@code Ref}
 *       or {@code Fn::GetAtt} in the parent template) is a {@code PARAMETER} symbolic value
 *       described as {@code Parent.LogicalId} or {@code Parent.LogicalId.Attribute}; {@code
 *       AWS::Region}, {@code AWS::AccountId}, {@code AWS::Partition} and {@code AWS::URLSuffix}
 *       passed down stay those pseudo parameters. {@code AWS::NoValue} is {@link Value.NoValue};
 *       the other pseudo parameters are {@code PSEUDO_PARAMETER} symbolic values.
 *   <li>{@code Fn::GetAtt} is a {@link Value.Attribute}; {@code Fn::Sub} and {@code Fn::Join} are a
 *       {@link Value.Text} when fully literal, else a {@link Value.Concat}; {@code Fn::Base64} is
 *       its argument unchanged, so that user data stays readable.
 *   <li>{@code Fn::Select}, {@code Fn::Split}, {@code Fn::Cidr} (IPv4 and IPv6), {@code
 *       Fn::FindInMap} (with its optional {@code DefaultValue}), {@code Fn::Length} and {@code
 *       Fn::ToJsonString} are computed on literal arguments. On symbolic ones they give an {@code
 *       UNRESOLVED} symbolic value describing the expression: {@code Fn::Select(0, Fn::GetAZs)} is
 *       the first AZ of the stack's region. {@code Fn::FindInMap} with a key known only at deploy
 *       ({@code AWS::Region}) is still literal when every entry it may select holds the same value.
 *   <li>{@code Conditions} are evaluated on the parameter values above. A condition that depends on
 *       a symbolic value is unknown: {@code Fn::If} on it gives an {@code UNRESOLVED} symbolic
 *       value {@code Fn::If(Name)} unless both branches are the same; a resource whose condition is
 *       false is kept with {@code active=false}, one whose condition is unknown is active.
 *   <li>{@code Fn::ImportValue} of an export of another stack given to the constructor is that
 *       export's value (its top level placed at the import); any other is an {@code IMPORT}
 *       symbolic value described by the export name.
 *   <li>{@code {{resolve:ssm:name}}} and {@code {{resolve:ssm:name:version}}} inside strings are
 *       {@code SSM_PARAMETER} symbolic values described by the name; other dynamic references are
 *       {@code UNRESOLVED} ones described by the reference.
 *   <li>{@code AWS::NoValue} drops an item from a list and a key from a mapping.
 * </ul>
 *
 * <p>Every value keeps the {@link dev.netlint.model.Origin} of the node it came from; the result of
 * a function stands at the function (a parameter's default at the {@code Ref}). What is malformed
 * (wrong arguments, an unknown function, a {@code Ref} to a missing name, a cycle between
 * conditions) or is not run by netlint ({@code Fn::Transform}, {@code Fn::ForEach}) becomes a
 * {@link Problem} at its location and an {@code UNRESOLVED} symbolic value. Nesting and total work
 * per stack are bounded, so a hostile template ends in a {@link Problem}, never an exception.
 */
public final class StackResolver {
  private final Map<String, Value> assemblyExports;

  /**
   * A resolver for the stacks of one cloud assembly.
   *
   * @param assemblyExports the exports of the other stacks of the cloud assembly, by export name,
   *     as resolved before ({@link dev.netlint.model.Stack#exports()})
   */
  public StackResolver(Map<String, Value> assemblyExports) {
    this.assemblyExports = Map.copyOf(assemblyExports);
  }

  /** Resolves one stack; never throws on bad input. */
  public Resolution resolve(StackSource source) {
    return new Resolver(source, assemblyExports).run().resolution();
  }

  /**
   * Resolves the stacks of one cloud assembly (or a set of lone templates), each exporting stack
   * before the stacks that import from it, so that {@code Fn::ImportValue} between them resolves to
   * the exported value. Stacks that import from each other in a cycle, which CloudFormation
   * refuses, are resolved in input order. When two stacks export the same name, the first in input
   * order wins.
   *
   * @return the resolutions, in input order
   */
  public static List<Resolution> resolveAll(List<StackSource> sources) {
    int n = sources.size();
    List<Resolver.Outcome> first = new ArrayList<>(n);
    for (StackSource source : sources) {
      first.add(new Resolver(source, Map.of()).run());
    }
    Map<String, Integer> exporter = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (String name : first.get(i).resolution().stack().exports().keySet()) {
        exporter.putIfAbsent(name, i);
      }
    }
    List<Set<Integer>> dependencies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Set<Integer> d = new TreeSet<>();
      for (String name : first.get(i).imports()) {
        Integer j = exporter.get(name);
        if (j != null && j != i) {
          d.add(j);
        }
      }
      dependencies.add(d);
    }
    Map<String, Value> known = new HashMap<>();
    Resolution[] out = new Resolution[n];
    for (int i : order(dependencies)) {
      Resolution r =
          dependencies.get(i).isEmpty()
              ? first.get(i).resolution()
              : new Resolver(sources.get(i), Map.copyOf(known)).run().resolution();
      out[i] = r;
      r.stack().exports().forEach(known::putIfAbsent);
    }
    return List.of(out);
  }

  /**
   * Stack indexes with each one after those it depends on, the lowest index first among those
   * ready; a cycle is broken at its lowest index.
   */
  private static List<Integer> order(List<Set<Integer>> dependencies) {
    int n = dependencies.size();
    Set<Integer> done = new LinkedHashSet<>();
    while (done.size() < n) {
      int next = -1;
      for (int i = 0; i < n && next < 0; i++) {
        if (!done.contains(i) && done.containsAll(dependencies.get(i))) {
          next = i;
        }
      }
      if (next < 0) {
        for (int i = 0; i < n && next < 0; i++) {
          if (!done.contains(i)) {
            next = i;
          }
        }
      }
      done.add(next);
    }
    return new ArrayList<>(done);
  }
}
