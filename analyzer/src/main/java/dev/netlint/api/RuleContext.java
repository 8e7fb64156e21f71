package dev.netlint.api;

import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a rule sees while it runs: the model of every stack analyzed together, and a sink. */
public interface RuleContext {

  /** The network model of the stacks analyzed together (one cloud assembly, or one template). */
  NetworkModel model();

  /** The metadata of the rule that is running. */
  RuleDescriptor rule();

  /** Reachability queries over {@link #model()}. */
  dev.netlint.api.reach.Reachability reachability();

  /**
   * The flows that must work: inferred from the templates and declared in {@code .netlint.yaml}, in
   * a stable order.
   */
  java.util.List<dev.netlint.api.reach.Flow> flows();

  /**
   * Reports a finding on {@code resource} at {@code at} (a property of it, or its logical ID) with
   * the rule's default severity.
   */
  default void report(Resource resource, Origin at, String message, @Nullable String fix) {
    report(rule().defaultSeverity(), resource, at, message, fix, Map.of());
  }

  /**
   * Reports a finding on {@code resource} at {@code at}.
   *
   * @param properties extra facts that reports carry as they are (for instance {@code scriptLine})
   */
  void report(
      Severity severity,
      Resource resource,
      Origin at,
      String message,
      @Nullable String fix,
      Map<String, String> properties);
}
