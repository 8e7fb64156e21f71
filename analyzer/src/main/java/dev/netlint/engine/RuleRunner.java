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
import org.jspecify.annotations.Nullable;

/** Runs rules over one network model and collects what they report. */
final class RuleRunner {
  private RuleRunner() {}

  static void run(
      List<Rule> rules,
      NetworkModel model,
      Reachability reachability,
      List<Flow> flows,
      List<Finding> sink) {
    for (Rule rule : rules) {
      RuleDescriptor descriptor = RuleDescriptor.of(rule.getClass());
      Context context = new Context(model, descriptor, reachability, flows, sink);
      try {
        rule.check(context);
      } catch (RuntimeException | StackOverflowError e) {
        // A rule must never throw; if one does, the other rules' findings still count and the
        // failure is reported where it can be seen.
        String where = model.stacks().isEmpty() ? "?" : model.stacks().get(0).file();
        sink.add(
            new Finding(
                descriptor.id(),
                Severity.ERROR,
                "netlint internal error: rule "
                    + descriptor.id()
                    + " failed on this input ("
                    + e.getClass().getSimpleName()
                    + "); please report it",
                null,
                dev.netlint.model.SourceLocation.ofFile(where),
                List.of(),
                null,
                null,
                null,
                null,
                Map.of("internalError", String.valueOf(e))));
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
