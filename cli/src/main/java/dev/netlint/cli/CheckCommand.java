package dev.netlint.cli;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Severity;
import dev.netlint.engine.AnalysisFailure;
import dev.netlint.engine.Baseline;
import dev.netlint.engine.CheckRequest;
import dev.netlint.engine.CheckResult;
import dev.netlint.engine.CheckRun;
import dev.netlint.engine.ReportTarget;
import dev.netlint.report.Format;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code netlint check PATH...}: analyzes templates, directories and cloud assemblies, writes one
 * report, and exits with a code that says whether anything reached the {@code --fail-on} severity.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = {
      "Analyzes CloudFormation templates (JSON or YAML), directories of templates and CDK cloud"
          + " assemblies (cdk.out, or a CDK project directory holding one).",
      "The report goes to standard output unless --output is given; messages go to standard"
          + " error."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above the --fail-on severity",
      "1:findings at or above the --fail-on severity",
      "2:usage error, missing path, or unreadable input (NL001)",
      "3:internal error (a bug in netlint)"
    })
final class CheckCommand implements Callable<Integer> {
  private final Engine engine;
  private final OutputStream stdout;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Template files, directories, cdk.out cloud assemblies.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "Report format: text, json, sarif or junit (default: ${DEFAULT-VALUE}).")
  Format format = Format.TEXT;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  @Nullable Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "error",
      converter = SeverityConverter.class,
      description =
          "Exit 1 when a finding is at or above SEVERITY: error, warning or info"
              + " (default: ${DEFAULT-VALUE}).")
  Severity failOn = Severity.ERROR;

  @Option(
      names = "--base-dir",
      paramLabel = "DIR",
      description = "Name files in the report relative to DIR (default: the working directory).")
  @Nullable Path baseDir;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "Report the findings of this baseline (written by netlint baseline) as suppressed,"
              + " and its entries that no longer occur as fixed.")
  @Nullable Path baseline;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Print nothing when the check passes (exit 0); the --output file is still written.")
  boolean quiet;

  @Mixin DebugOption debug = new DebugOption();

  CheckCommand(Engine engine, OutputStream stdout) {
    this.engine = engine;
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Path workingDir = Path.of("").toAbsolutePath();
    List<Path> inputs = new ArrayList<>();
    boolean missing = false;
    for (Path path : paths) {
      if (path.toString().isEmpty()) {
        // Path.of("") is the working directory: an empty argument (an unset shell variable)
        // must not analyze everything there.
        err.println("netlint: \"\": an empty path names nothing to analyze");
        missing = true;
        continue;
      }
      Path absolute = workingDir.resolve(path).normalize();
      // Only a path known not to exist is refused here; the engine says why another cannot be
      // reached (a link to itself, a directory that may not be searched).
      if (Files.notExists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        err.println("netlint: " + path + ": no such file or directory");
        missing = true;
      }
      inputs.add(absolute);
    }
    Path base = baseDir == null ? workingDir : workingDir.resolve(baseDir).normalize();
    if (!Files.isDirectory(base)) {
      err.println("netlint: --base-dir " + baseDir + ": not a directory");
      missing = true;
    }
    Path baselineFile = baseline == null ? null : workingDir.resolve(baseline).normalize();
    if (baselineFile != null && !Files.isRegularFile(baselineFile)) {
      err.println("netlint: --baseline " + baseline + ": no such file");
      missing = true;
    }
    if (missing) {
      err.flush();
      return ExitCode.USAGE_OR_INPUT;
    }

    ReportTarget report =
        output == null
            ? new ReportTarget.Stream(format, stdout, quiet)
            : new ReportTarget.File(format, workingDir.resolve(output));
    CheckResult checked =
        new CheckRun(engine::analyze)
            .run(
                new CheckRequest(
                    inputs, base, List.of(report), failOn, Version.current(), baselineFile));
    AnalysisResult result = checked.analysis();

    CheckResult.ReportFailure failure = checked.reportFailure();
    if (failure != null) {
      String what = output == null ? "the report" : output.toString();
      err.println("netlint: cannot write " + what + ": " + failure.error().getMessage());
      err.flush();
      return checked.exitCode();
    }

    if (result.inputErrors()) {
      List<String> unreadable = checked.unreadableFiles();
      err.println(
          "netlint: some input could not be read: "
              + (unreadable.isEmpty() ? "see the report" : String.join(", ", unreadable)));
    }
    internalErrors(checked.failures(), err);
    if (!checked.fixed().isEmpty()) {
      err.println(
          "netlint: "
              + checked.fixed().size()
              + (checked.fixed().size() == 1
                  ? " baseline entry no longer occurs"
                  : " baseline entries no longer occur")
              + " (fixed; write the baseline again to drop them):");
      for (Baseline.Entry e : checked.fixed()) {
        err.println("  " + e.describe());
      }
    }
    boolean reportOnTerminal = output == null && format == Format.TEXT;
    if (!quiet && !reportOnTerminal) {
      err.println(result.summary() + (output == null ? "" : "; report written to " + output));
    }
    err.flush();
    return checked.exitCode();
  }

  /**
   * The units netlint failed on, after the report that holds everything else is written; {@code
   * --debug} (before or after {@code check}) adds each stack trace.
   */
  private void internalErrors(List<AnalysisFailure> failures, PrintWriter err) {
    if (failures.isEmpty()) {
      return;
    }
    boolean trace =
        debug.debug
            || (spec.parent() != null
                && spec.parent().userObject() instanceof NetlintCommand top
                && top.debug.debug);
    for (AnalysisFailure f : failures) {
      err.println(
          "netlint: internal error while analyzing "
              + f.unit()
              + (f.ruleId() == null ? "" : " (rule " + f.ruleId() + ")")
              + ": "
              + f.error());
      if (trace) {
        f.error().printStackTrace(err);
      }
    }
    err.println(
        "This is a bug in netlint; please report it with the input that triggers it"
            + (trace ? "." : " (run again with --debug for the stack trace).")
            + " The findings on the other inputs are in the report.");
  }

  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      try {
        return Severity.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
