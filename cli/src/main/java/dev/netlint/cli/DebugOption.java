package dev.netlint.cli;

import picocli.CommandLine.Option;

/** {@code --debug}, accepted before and after the subcommand name. */
final class DebugOption {
  static final String NAME = "--debug";

  @Option(names = NAME, description = "On an internal error, print the stack trace.")
  boolean debug;
}
