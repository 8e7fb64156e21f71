package dev.netlint.cli;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.engine.AnalysisFailure;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.engine.Exploration;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the command line runs: the analysis and the catalogue of rules it reports. The command takes
 * it as a parameter so that its tests can run it on a canned result.
 */
public interface Engine {

  /**
   * Analyzes {@code inputs} (absolute paths to templates, directories or cloud assemblies), as
   * {@link dev.netlint.engine.CheckRun.Analyzer} does. Problems with the input are findings ({@code
   * NL001}), not exceptions; each template or assembly netlint fails on is handed to {@code
   * failures} and gets an {@code NL006} finding.
   */
  AnalysisResult analyze(
      List<Path> inputs, AnalysisOptions options, Consumer<AnalysisFailure> failures);

  /**
   * Loads the networks under {@code inputs} with their reachability answers and flows, for {@code
   * netlint path} and {@code netlint flows}. Problems with the input are findings, not exceptions.
   */
  Exploration explore(List<Path> inputs, AnalysisOptions options);

  /** Every rule the analysis can report, input rules ({@code NL0xx}) included, sorted by ID. */
  List<RuleDescriptor> rules();

  /** netlint's engine with its built-in rules. */
  static Engine builtIn() {
    return BuiltInEngine.INSTANCE;
  }
}
