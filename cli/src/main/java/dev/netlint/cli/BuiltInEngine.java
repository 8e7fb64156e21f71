package dev.netlint.cli;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.engine.Analysis;
import dev.netlint.engine.AnalysisFailure;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.engine.Exploration;
import dev.netlint.engine.InputRules;
import dev.netlint.rules.BuiltInRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** {@link Analysis} with {@link BuiltInRules}. */
final class BuiltInEngine implements Engine {
  static final BuiltInEngine INSTANCE = new BuiltInEngine();

  private BuiltInEngine() {}

  @Override
  public AnalysisResult analyze(
      List<Path> inputs, AnalysisOptions options, Consumer<AnalysisFailure> failures) {
    return Analysis.run(inputs, BuiltInRules.all(), options, failures);
  }

  @Override
  public Exploration explore(List<Path> inputs, AnalysisOptions options) {
    return Analysis.explore(inputs, options);
  }

  @Override
  public List<RuleDescriptor> rules() {
    List<RuleDescriptor> all = new ArrayList<>(InputRules.all());
    all.addAll(InputRules.suppressionRules());
    BuiltInRules.all().forEach(rule -> all.add(RuleDescriptor.of(rule.getClass())));
    all.sort(Comparator.comparing(RuleDescriptor::id));
    return List.copyOf(all);
  }
}
