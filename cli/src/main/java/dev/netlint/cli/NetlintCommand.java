package dev.netlint.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code netlint} command; its work is done by its subcommands. */
@Command(
    name = "netlint",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Finds network bugs in AWS CloudFormation templates and CDK cloud assemblies.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above the --fail-on severity",
      "1:findings at or above the --fail-on severity",
      "2:usage error, missing path, or unreadable input (NL001)",
      "3:internal error (a bug in netlint)"
    })
final class NetlintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DebugOption debug = new DebugOption();

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("netlint: a command is required (check, rules, path or flows)");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE_OR_INPUT;
  }
}
