package dev.netlint.cli;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.Severity;
import dev.netlint.engine.AnalysisFailure;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.engine.Exploration;
import dev.netlint.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** An engine that returns a canned result and remembers what it was asked. */
final class FakeEngine implements Engine {
  private final Supplier<AnalysisResult> result;
  private final List<RuleDescriptor> rules;
  private Exploration exploration = new Exploration(List.of(), List.of());
  final List<List<Path>> inputs = new ArrayList<>();
  @Nullable AnalysisOptions options;

  private FakeEngine(Supplier<AnalysisResult> result, List<RuleDescriptor> rules) {
    this.result = result;
    this.rules = rules;
  }

  static FakeEngine returning(AnalysisResult result) {
    return new FakeEngine(() -> result, List.of());
  }

  static FakeEngine exploring(Exploration exploration) {
    FakeEngine engine = new FakeEngine(() -> result(false), List.of());
    engine.exploration = exploration;
    return engine;
  }

  static FakeEngine throwing(RuntimeException e) {
    return new FakeEngine(
        () -> {
          throw e;
        },
        List.of());
  }

  static FakeEngine withRules(RuleDescriptor... rules) {
    return new FakeEngine(() -> result(false), List.of(rules));
  }

  @Override
  public AnalysisResult analyze(
      List<Path> inputs, AnalysisOptions options, Consumer<AnalysisFailure> failures) {
    this.inputs.add(inputs);
    this.options = options;
    return result.get();
  }

  @Override
  public Exploration explore(List<Path> inputs, AnalysisOptions options) {
    this.inputs.add(inputs);
    this.options = options;
    return exploration;
  }

  @Override
  public List<RuleDescriptor> rules() {
    return rules;
  }

  static AnalysisResult result(boolean inputErrors, Finding... findings) {
    return new AnalysisResult(
        List.of(findings), List.of(), List.of("network.yaml", "vpc.yaml"), inputErrors);
  }

  static Finding finding(String ruleId, Severity severity, String file) {
    return new Finding(
        ruleId,
        severity,
        ruleId + " message",
        "Fix it.",
        new SourceLocation(file, 12, 7),
        List.of("Resources", "NatInstance", "Properties", "UserData"),
        "network",
        "NatInstance",
        "AWS::EC2::Instance",
        null,
        Map.of());
  }

  static RuleDescriptor rule(String id, String name, Severity severity) {
    return new RuleDescriptor(
        id, name, "Summary of " + name, severity, List.of(), "https://docs.aws.amazon.com/", "");
  }
}
