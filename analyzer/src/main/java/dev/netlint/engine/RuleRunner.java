package dev.netlint.engine;

import dev.netlint.api.Finding;
import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.Reachability;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Runs rules over one network model and collects what they report. */
final class RuleRunner {
  private RuleRunner() {}

  /**
   * Runs every rule; a rule that throws becomes an {@code NL006} finding on {@code unit} and a
   * failure handed to {@code failures}, and the other rules still run.
   */
  static void run(
      List<Rule> rules,
      String unit,
      NetworkModel model,
      Reachability reachability,
      List<Flow> flows,
      List<Finding> sink,
      Consumer<AnalysisFailure> failures) {
    for (Rule rule : rules) {
      RuleDescriptor descriptor = RuleDescriptor.of(rule.getClass());
      Context context = new Context(model, descriptor, reachability, flows, sink);
      try {
        rule.check(context);
      } catch (RuntimeException | StackOverflowError e) {
        AnalysisFailure failure = new AnalysisFailure(unit, descriptor.id(), e);
        sink.add(failure.finding());
        failures.accept(failure);
      }
    }
  }

  private record Context(
      NetworkModel model,
      RuleDescriptor rule,
      Reachability reachability,
      List<Flow> flows,
      List<Finding> sink)
      implements RuleContext {
    @Override
    public void report(
        Severity severity,
        Resource resource,
        Origin at,
        String message,
        @Nullable String fix,
        Map<String, String> properties) {
      sink.add(
          new Finding(
              rule.id(),
              severity,
              message,
              fix,
              at.location(),
              at.templatePath(),
              resource.id().stack(),
              resource.logicalId(),
              resource.type(),
              resource.constructPath(),
              properties));
    }
  }
}
