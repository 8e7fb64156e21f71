package dev.netlint.cli;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.report.Format;
import dev.netlint.report.Reports;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
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
    if (missing) {
      err.flush();
      return ExitCode.USAGE_OR_INPUT;
    }

    AnalysisResult result = engine.analyze(inputs, new AnalysisOptions(base, Severity.INFO));
    int exitCode = exitCode(result, failOn);

    if (output != null) {
      Path file = workingDir.resolve(output);
      try {
        writeReportFile(result, file);
      } catch (IOException e) {
        err.println("netlint: cannot write " + output + ": " + e.getMessage());
        err.flush();
        return ExitCode.USAGE_OR_INPUT;
      }
    } else if (!(quiet && exitCode == ExitCode.OK)) {
      try {
        writeReport(result, stdout);
      } catch (IOException e) {
        err.println("netlint: cannot write the report: " + e.getMessage());
        err.flush();
        return ExitCode.USAGE_OR_INPUT;
      }
    }

    if (result.inputErrors()) {
      err.println("netlint: some input could not be read: " + unreadableFiles(result));
    }
    boolean reportOnTerminal = output == null && format == Format.TEXT;
    if (!quiet && !reportOnTerminal) {
      err.println(summary(result) + (output == null ? "" : "; report written to " + output));
    }
    err.flush();
    return exitCode;
  }

  /** Input errors beat findings: a result with unreadable input is incomplete. */
  static int exitCode(AnalysisResult result, Severity failOn) {
    if (result.inputErrors()) {
      return ExitCode.USAGE_OR_INPUT;
    }
    return result.hasFindingsAtLeast(failOn) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  /** One line: {@code netlint: 3 findings (1 error, 1 warning, 1 info) in 2 files}. */
  static String summary(AnalysisResult result) {
    return result.summary();
  }

  private static String unreadableFiles(AnalysisResult result) {
    TreeSet<String> files = new TreeSet<>();
    for (Finding finding : result.findings()) {
      if (finding.ruleId().equals("NL001")) {
        files.add(finding.location().file());
      }
    }
    return files.isEmpty() ? "see the report" : String.join(", ", files);
  }

  private void writeReportFile(AnalysisResult result, Path file) throws IOException {
    Path parent = file.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      writeReport(result, out);
    }
  }

  /** Declares IOException whether or not the report writer does, so callers can catch it. */
  private void writeReport(AnalysisResult result, OutputStream out) throws IOException {
    Reports.write(format, result, Version.current(), out);
    out.flush();
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
