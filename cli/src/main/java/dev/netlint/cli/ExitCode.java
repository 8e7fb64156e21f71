package dev.netlint.cli;

/** The exit codes of {@code netlint}; documented in {@code docs/cli.md}. */
public final class ExitCode {
  /** Nothing at or above the {@code --fail-on} severity. */
  public static final int OK = 0;

  /** Findings at or above the {@code --fail-on} severity. */
  public static final int FINDINGS = 1;

  /** A usage error, a missing path, or an input that could not be read ({@code NL001}). */
  public static final int USAGE_OR_INPUT = 2;

  /** A bug in netlint: an unexpected exception. */
  public static final int INTERNAL = 3;

  /**
   * {@code netlint path}: the verdict is unknown, because something on the path is known only at
   * deploy (a parameter, an imported value).
   */
  public static final int UNKNOWN = 4;

  private ExitCode() {}
}
