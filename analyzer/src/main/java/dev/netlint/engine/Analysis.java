package dev.netlint.engine;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Rule;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Flow;
import dev.netlint.flows.DeclaredFlows;
import dev.netlint.flows.FlowInference;
import dev.netlint.flows.NetlintConfig;
import dev.netlint.graph.NetworkGraph;
import dev.netlint.model.HostFacts;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.Stack;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.StackSource;
import dev.netlint.parse.intrinsic.Problem;
import dev.netlint.parse.intrinsic.Resolution;
import dev.netlint.parse.intrinsic.StackResolver;
import dev.netlint.schema.ResourceSchemas;
import dev.netlint.schema.SchemaProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs netlint: finds the templates and cloud assemblies under the inputs, loads and resolves them,
 * builds the network model of each (one cloud assembly, or one lone template, is one network) with
 * what user data does to its hosts, infers the flows it implies and adds those its {@code
 * .netlint.yaml} declares, runs the rules and collects the findings. Never throws for bad input: an
 * unreadable file becomes an {@code NL001} finding, an invalid {@code .netlint.yaml} an {@code
 * NL005} finding, and the other files are still analyzed.
 */
public final class Analysis {
  private Analysis() {}

  /**
   * Analyzes {@code inputs}: template files, directories of templates, {@code cdk.out} cloud
   * assemblies, or project directories holding one.
   *
   * @param rules the rules to run (normally {@code BuiltInRules.all()})
   * @return the findings sorted by file, line, column and rule, with the rules that ran
   */
  public static AnalysisResult run(List<Path> inputs, List<Rule> rules, AnalysisOptions options) {
    return run(inputs, rules, options, failure -> {});
  }

  /**
   * Analyzes {@code inputs} as {@link #run(List, List, AnalysisOptions)} does, and hands each
   * template or cloud assembly netlint fails on to {@code failures}: that unit gets an {@code
   * NL006} finding, keeps the findings made before the failure (all of them but the failed rule's
   * when a rule fails), and the other units are analyzed as if nothing happened.
   */
  public static AnalysisResult run(
      List<Path> inputs,
      List<Rule> rules,
      AnalysisOptions options,
      Consumer<AnalysisFailure> failures) {
    boolean[] failed = {false};
    Consumer<AnalysisFailure> record =
        failure -> {
          failed[0] = true;
          failures.accept(failure);
        };
    List<Finding> findings = new ArrayList<>();
    InputDiscovery inputDiscovery = new InputDiscovery(options.baseDirectory());
    Discovery discovery = inputDiscovery.discover(inputs);
    boolean inputErrors = false;
    for (InputProblem p : discovery.problems()) {
      // A refused key was read past: the analysis is complete, the finding counts as one.
      inputErrors |= p.kind() != InputProblem.Kind.REFUSED;
      findings.add(
          inputFinding(
              InputRules.UNREADABLE_TEMPLATE,
              Severity.ERROR,
              p.message(),
              p.location(),
              List.of()));
    }
    ResourceSchemas schemas = ResourceSchemas.bundled();
    DeclaredFlows declared = new DeclaredFlows(options.baseDirectory(), inputDiscovery::display);
    List<RuleDescriptor> ruleDescriptors = new ArrayList<>();
    for (Rule r : rules) {
      ruleDescriptors.add(RuleDescriptor.of(r.getClass()));
    }
    Suppressions suppressions =
        new Suppressions(options.baseDirectory(), inputDiscovery::display, ruleDescriptors);
    for (AnalysisUnit unit : discovery.units()) {
      int unitStart = findings.size();
      try {
        Network network = network(unit, options, schemas, declared, findings);
        RuleRunner.run(
            rules,
            unit.name(),
            network.model(),
            network.reachability(),
            network.flows(),
            findings,
            record);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        // What this unit built is garbage once unwound, so even after running out of memory the
        // next unit starts afresh; its findings, and those already made, must not be lost.
        AnalysisFailure failure = new AnalysisFailure(unit.name(), null, e);
        findings.add(failure.finding());
        record.accept(failure);
      }
      suppressions.apply(
          options.baseDirectory().resolve(unit.name()).normalize(),
          unit.stacks(),
          findings,
          unitStart);
    }
    suppressions.finish(findings);
    findings.addAll(suppressions.configProblems());
    configProblems(declared.unmatched(), findings);
    List<Finding> kept = new ArrayList<>(new LinkedHashSet<>(findings));
    kept.removeIf(f -> !f.severity().atLeast(options.minimumSeverity()));
    kept.sort(Comparator.naturalOrder());
    List<RuleDescriptor> descriptors = new ArrayList<>(InputRules.all());
    if (failed[0]) {
      descriptors.add(InputRules.INTERNAL_ERROR);
    }
    if (suppressions.seen()) {
      descriptors.addAll(InputRules.suppressionRules());
    }
    descriptors.addAll(ruleDescriptors);
    descriptors.sort(Comparator.comparing(RuleDescriptor::id));
    return new AnalysisResult(
        kept, descriptors, discovery.files(), inputErrors, suppressions.suppressed());
  }

  /**
   * Loads the networks under {@code inputs} without running rules or validating resources against
   * their schemas: for questions about paths and flows ({@code netlint path}, {@code netlint
   * flows}). Never throws for bad input: it becomes an input finding of the result.
   */
  public static Exploration explore(List<Path> inputs, AnalysisOptions options) {
    List<Finding> findings = new ArrayList<>();
    InputDiscovery inputDiscovery = new InputDiscovery(options.baseDirectory());
    Discovery discovery = inputDiscovery.discover(inputs);
    for (InputProblem p : discovery.problems()) {
      findings.add(
          inputFinding(
              InputRules.UNREADABLE_TEMPLATE,
              Severity.ERROR,
              p.message(),
              p.location(),
              List.of()));
    }
    DeclaredFlows declared = new DeclaredFlows(options.baseDirectory(), inputDiscovery::display);
    List<Network> networks = new ArrayList<>();
    for (AnalysisUnit unit : discovery.units()) {
      networks.add(network(unit, options, null, declared, findings));
    }
    configProblems(declared.unmatched(), findings);
    List<Finding> kept = new ArrayList<>(new LinkedHashSet<>(findings));
    kept.sort(Comparator.naturalOrder());
    return new Exploration(networks, kept);
  }

  /**
   * Resolves a unit's stacks, validates them against the resource schemas (unless {@code schemas}
   * is null), reads their user data, and builds the network with its reachability answers and its
   * inferred and declared flows.
   */
  private static Network network(
      AnalysisUnit unit,
      AnalysisOptions options,
      @Nullable ResourceSchemas schemas,
      DeclaredFlows declared,
      List<Finding> findings) {
    List<Resolution> resolutions = StackResolver.resolveAll(unit.stacks());
    List<Stack> stacks = new ArrayList<>();
    Map<ResourceId, UserData> userData = new TreeMap<>();
    for (int i = 0; i < resolutions.size(); i++) {
      Resolution resolution = resolutions.get(i);
      StackSource source = unit.stacks().get(i);
      Stack stack = resolution.stack();
      stacks.add(stack);
      for (Problem p : resolution.problems()) {
        findings.add(
            inputFinding(
                InputRules.UNRESOLVED_INTRINSIC,
                Severity.INFO,
                p.message(),
                p.origin().location(),
                p.origin().templatePath(),
                stack.name(),
                logicalIdOf(p.origin().templatePath())));
      }
      if (schemas != null) {
        validate(source, stack, schemas, findings);
        checkGetAtts(stack, schemas, findings);
      }
      Map<ResourceId, UserData> found = UserDataExtractor.extract(stack, source.template());
      userData.putAll(found);
      findings.addAll(UserDataExtractor.notAnalyzed(stack, found));
    }
    Map<ResourceId, HostFacts> hostFacts = new TreeMap<>();
    findings.addAll(UserDataExtractor.hostFacts(stacks, userData, hostFacts));
    NetworkModel model = new NetworkModel(stacks, userData, hostFacts);
    List<Flow> flows = new ArrayList<>(FlowInference.infer(model));
    DeclaredFlows.ForUnit forUnit =
        declared.forUnit(options.baseDirectory().resolve(unit.name()).normalize(), model);
    flows.addAll(forUnit.flows());
    configProblems(forUnit.problems(), findings);
    return new Network(unit.name(), model, NetworkGraph.build(model), flows);
  }

  private static void configProblems(List<NetlintConfig.Problem> problems, List<Finding> findings) {
    for (NetlintConfig.Problem p : problems) {
      findings.add(
          inputFinding(
              InputRules.INVALID_CONFIGURATION,
              Severity.ERROR,
              p.message(),
              p.location(),
              List.of()));
    }
  }

  private static void validate(
      StackSource source, Stack stack, ResourceSchemas schemas, List<Finding> findings) {
    Node.MapNode resources = source.template().resources();
    if (resources == null) {
      return;
    }
    for (Resource r : stack.resources().values()) {
      if (!r.active() || !schemas.modeledTypes().contains(r.type())) {
        continue;
      }
      Node node = resources.get(r.logicalId());
      Node properties = node instanceof Node.MapNode m ? m.get("Properties") : null;
      for (SchemaProblem p : schemas.validate(r.type(), properties, r.origin())) {
        findings.add(
            new Finding(
                InputRules.RESOURCE_SCHEMA_VIOLATION.id(),
                Severity.WARNING,
                r.logicalId() + " (" + r.type() + "): " + p.message(),
                null,
                p.location(),
                p.templatePath(),
                stack.name(),
                r.logicalId(),
                r.type(),
                r.constructPath(),
                Map.of()));
      }
    }
  }

  /**
   * Reports {@code Fn::GetAtt} of an attribute the target's resource schema does not have ({@code
   * Db.Endpoint.Adress}): CloudFormation would reject the template, and the flow the attribute
   * implies cannot be known.
   */
  private static void checkGetAtts(Stack stack, ResourceSchemas schemas, List<Finding> findings) {
    for (Resource r : stack.resources().values()) {
      if (!r.active()) {
        continue;
      }
      for (Value v : r.properties().values()) {
        forEachAttribute(
            v,
            0,
            a -> {
              Resource target =
                  a.target().stack().equals(stack.name())
                      ? stack.resources().get(a.target().logicalId())
                      : null;
              if (target != null
                  && schemas.isModeled(target.type())
                  && !schemas.acceptsGetAtt(target.type(), a.attribute())) {
                findings.add(
                    inputFinding(
                        InputRules.UNRESOLVED_INTRINSIC,
                        Severity.INFO,
                        "Fn::GetAtt "
                            + target.logicalId()
                            + "."
                            + a.attribute()
                            + ": "
                            + target.type()
                            + " has no attribute "
                            + a.attribute(),
                        a.origin().location(),
                        a.origin().templatePath(),
                        stack.name(),
                        r.logicalId()));
              }
            });
      }
    }
  }

  private static void forEachAttribute(
      Value v, int depth, java.util.function.Consumer<Value.Attribute> action) {
    if (depth > 200) {
      return;
    }
    if (v instanceof Value.Attribute a) {
      action.accept(a);
    } else if (v instanceof Value.Concat c) {
      c.parts().forEach(p -> forEachAttribute(p, depth + 1, action));
    } else if (v instanceof Value.ListValue l) {
      l.items().forEach(i -> forEachAttribute(i, depth + 1, action));
    } else if (v instanceof Value.MapValue m) {
      m.entries().values().forEach(e -> forEachAttribute(e, depth + 1, action));
    }
  }

  private static @Nullable String logicalIdOf(List<String> templatePath) {
    return templatePath.size() >= 2 && templatePath.get(0).equals("Resources")
        ? templatePath.get(1)
        : null;
  }

  private static Finding inputFinding(
      RuleDescriptor rule,
      Severity severity,
      String message,
      dev.netlint.model.SourceLocation location,
      List<String> templatePath) {
    return inputFinding(rule, severity, message, location, templatePath, null, null);
  }

  private static Finding inputFinding(
      RuleDescriptor rule,
      Severity severity,
      String message,
      dev.netlint.model.SourceLocation location,
      List<String> templatePath,
      @Nullable String stack,
      @Nullable String logicalId) {
    return new Finding(
        rule.id(),
        severity,
        message,
        null,
        location,
        templatePath,
        stack,
        logicalId,
        null,
        null,
        Map.of());
  }
}
