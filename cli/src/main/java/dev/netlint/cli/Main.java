package dev.netlint.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the {@code netlint} command. {@link #main} is the only place that exits the JVM;
 * {@link #run} returns the exit code instead, for tests and for embedding.
 */
public final class Main {
  private Main() {}

  /** Runs netlint and exits with its exit code (see {@link ExitCode}). */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs netlint with the built-in engine.
   *
   * @return the exit code (see {@link ExitCode})
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Engine.builtIn());
  }

  /**
   * Runs netlint with {@code engine}: reports go to {@code out}, messages to {@code err}.
   *
   * @return the exit code (see {@link ExitCode})
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Engine engine) {
    PrintWriter outWriter =
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter =
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine commandLine =
        new CommandLine(new NetlintCommand())
            .addSubcommand(new CheckCommand(engine, out))
            .addSubcommand(new BaselineCommand(engine))
            .addSubcommand(new RulesCommand(engine))
            .addSubcommand(new PathCommand(engine))
            .addSubcommand(new FlowsCommand(engine, out))
            .setOut(outWriter)
            .setErr(errWriter)
            .setParameterExceptionHandler(
                (e, args1) -> {
                  CommandLine failed = e.getCommandLine();
                  errWriter.println("netlint: " + e.getMessage());
                  errWriter.println(
                      "Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
                  return ExitCode.USAGE_OR_INPUT;
                })
            .setExecutionExceptionHandler(
                (e, failed, parseResult) ->
                    internalError(e, debugRequested(parseResult), errWriter));
    try {
      return commandLine.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // picocli hands only Exceptions to the handler; these Errors are still netlint's bugs.
      return internalError(e, java.util.Arrays.asList(args).contains(DebugOption.NAME), errWriter);
    } finally {
      outWriter.flush();
      errWriter.flush();
      out.flush();
      err.flush();
    }
  }

  private static int internalError(Throwable e, boolean debug, PrintWriter err) {
    err.println("netlint: internal error: " + e);
    err.println(
        "This is a bug in netlint; please report it with the input that triggers it"
            + (debug ? "." : " (run again with --debug for the stack trace)."));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCode.INTERNAL;
  }

  private static boolean debugRequested(@Nullable ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(DebugOption.NAME)) {
        return true;
      }
    }
    return false;
  }
}
