package dev.netlint.benchmarks;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Severity;
import dev.netlint.engine.Analysis;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.rules.BuiltInRules;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole analysis of one shipped cloud assembly: discovery, resolution, schema validation, user data
 * and rules. Run from the repository root so the fixture path resolves.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalyzeFixtureBenchmark {

  @Param({"fixtures/cdk/nat-instance-eth0-al2023/cdk.out"})
  public String input;

  private Path path = Path.of("");

  /** Fails the run when the input is not where it should be, rather than timing nothing. */
  @Setup
  public void check() {
    path = Path.of(input).toAbsolutePath();
    AnalysisResult result = analyze();
    if (result.files().isEmpty() || result.findings().isEmpty()) {
      throw new IllegalStateException(
          "no input or no findings at " + path + ": run from the repository root");
    }
  }

  @Benchmark
  public AnalysisResult analyze() {
    return Analysis.run(
        List.of(path), BuiltInRules.all(), new AnalysisOptions(path, Severity.INFO));
  }
}
