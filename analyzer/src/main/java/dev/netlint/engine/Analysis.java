package dev.netlint.engine;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Rule;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs netlint: finds the templates and cloud assemblies under the inputs, loads and resolves
 * them, builds the network model, runs the rules and collects the findings. Never throws for bad
 * input: an unreadable file becomes an {@code NL001} finding and the other files are still
 * analyzed.
 */
public final class Analysis {
  private Analysis() {}

  /**
   * Analyzes {@code inputs}: template files, directories of templates, {@code cdk.out} cloud
   * assemblies, or project directories holding one.
   *
   * @param rules the rules to run (normally {@code BuiltInRules.all()})
   */
  public static AnalysisResult run(List<Path> inputs, List<Rule> rules, AnalysisOptions options) {
    throw new UnsupportedOperationException("engine not wired yet");
  }
}
