package dev.netlint.engine;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Rule;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.Severity;
import dev.netlint.graph.NetworkGraph;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.Stack;
import dev.netlint.model.UserData;
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
import org.jspecify.annotations.Nullable;

/**
 * Runs netlint: finds the templates and cloud assemblies under the inputs, loads and resolves
 * them, builds the network model of each (one cloud assembly, or one lone template, is one
 * network), runs the rules and collects the findings. Never throws for bad input: an unreadable
 * file becomes an {@code NL001} finding and the other files are still analyzed.
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
    List<Finding> findings = new ArrayList<>();
    Discovery discovery = new InputDiscovery(options.baseDirectory()).discover(inputs);
    boolean inputErrors = false;
    for (InputProblem p : discovery.problems()) {
      inputErrors = true;
      findings.add(inputFinding(InputRules.UNREADABLE_TEMPLATE, Severity.ERROR, p.message(), p.location(), List.of()));
    }
    ResourceSchemas schemas = ResourceSchemas.bundled();
    for (AnalysisUnit unit : discovery.units()) {
      analyzeUnit(unit, rules, schemas, findings);
    }
    List<Finding> kept = new ArrayList<>(new LinkedHashSet<>(findings));
    kept.removeIf(f -> !f.severity().atLeast(options.minimumSeverity()));
    kept.sort(Comparator.naturalOrder());
    List<RuleDescriptor> descriptors = new ArrayList<>(InputRules.all());
    for (Rule r : rules) {
      descriptors.add(RuleDescriptor.of(r.getClass()));
    }
    descriptors.sort(Comparator.comparing(RuleDescriptor::id));
    return new AnalysisResult(kept, descriptors, discovery.files(), inputErrors);
  }

  private static void analyzeUnit(
      AnalysisUnit unit, List<Rule> rules, ResourceSchemas schemas, List<Finding> findings) {
    List<Resolution> resolutions = new StackResolver(Map.of()).resolveAll(unit.stacks());
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
      validate(source, stack, schemas, findings);
      Map<ResourceId, UserData> found = UserDataExtractor.extract(stack, source.template());
      userData.putAll(found);
      findings.addAll(UserDataExtractor.notAnalyzed(stack, found));
    }
    NetworkModel model = new NetworkModel(stacks, userData);
    RuleRunner.run(rules, model, NetworkGraph.build(model), List.of(), findings);
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
        rule.id(), severity, message, null, location, templatePath, stack, logicalId, null, null,
        Map.of());
  }
}
