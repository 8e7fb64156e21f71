package dev.netlint.cli;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Severity;
import dev.netlint.engine.CheckRequest;
import dev.netlint.engine.CheckRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netlint baseline PATH… --output FILE}: writes the findings of the inputs (those no
 * suppression accepts) as a baseline, for {@code netlint check --baseline FILE}.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description =
        "Write today's findings as a baseline: netlint check --baseline FILE then reports only"
            + " new findings as findings.")
final class BaselineCommand implements Callable<Integer> {
  private final Engine engine;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Template files, directories, cdk.out cloud assemblies.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      defaultValue = "netlint-baseline.json",
      description = "The baseline file to write (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("netlint-baseline.json");

  @Option(
      names = "--base-dir",
      paramLabel = "DIR",
      description = "Name files relative to DIR (default: the working directory).")
  Path baseDir = Path.of("");

  BaselineCommand(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Path workingDir = Path.of("").toAbsolutePath();
    List<Path> inputs = new ArrayList<>();
    for (Path path : paths) {
      Path absolute = workingDir.resolve(path).normalize();
      if (path.toString().isEmpty() || !Files.exists(absolute)) {
        err.println("netlint: " + path + ": no such file or directory");
        err.flush();
        return ExitCode.USAGE_OR_INPUT;
      }
      inputs.add(absolute);
    }
    Path base = workingDir.resolve(baseDir).normalize();
    try {
      AnalysisResult result =
          new CheckRun(engine::analyze)
              .writeBaseline(
                  new CheckRequest(inputs, base, List.of(), Severity.ERROR, Version.current()),
                  workingDir.resolve(output));
      err.println(
          "netlint: baseline of "
              + result.findings().size()
              + (result.findings().size() == 1 ? " finding" : " findings")
              + " written to "
              + output);
      err.flush();
      return result.inputErrors() ? ExitCode.USAGE_OR_INPUT : ExitCode.OK;
    } catch (IOException e) {
      err.println("netlint: cannot write " + output + ": " + e);
      err.flush();
      return ExitCode.USAGE_OR_INPUT;
    }
  }
}
