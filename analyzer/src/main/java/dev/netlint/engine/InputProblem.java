package dev.netlint.engine;

import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.InputException;

/**
 * A problem with netlint's input itself rather than with the infrastructure it describes.
 *
 * @param kind what sort of problem, which decides how the engine reports it
 * @param message what is wrong, naming the file
 * @param location the file, and the line and column when known (0 for the whole file)
 */
public record InputProblem(Kind kind, String message, SourceLocation location)
    implements Comparable<InputProblem> {

  /** What sort of input problem. */
  public enum Kind {
    /**
     * A file that cannot be read as a template or cloud assembly: malformed, too large, not a
     * template when named explicitly, or a cloud assembly reference that does not resolve. Reported
     * as {@code NL001 unreadable-template}.
     */
    UNREADABLE,
    /**
     * A path given on the command line that does not exist, or a CDK app directory that has not
     * been synthesized: a usage error (the CLI exits with status 2), not a finding.
     */
    MISSING_INPUT,
    /**
     * Something in a file that CloudFormation and cfn-lint refuse but netlint could read (a key
     * written twice in one mapping): reported as {@code NL001 unreadable-template}, an error
     * finding, while the template is still analyzed.
     */
    REFUSED
  }

  /** An {@link Kind#UNREADABLE} problem from a loader's exception. */
  public static InputProblem unreadable(InputException e) {
    return new InputProblem(Kind.UNREADABLE, String.valueOf(e.getMessage()), e.location());
  }

  /** A {@link Kind#REFUSED} problem from what a loader read past. */
  public static InputProblem refused(InputException e) {
    return new InputProblem(Kind.REFUSED, String.valueOf(e.getMessage()), e.location());
  }

  /** Orders by location, then kind and message, so that reports are stable. */
  @Override
  public int compareTo(InputProblem other) {
    int c = location.compareTo(other.location);
    if (c == 0) {
      c = kind.compareTo(other.kind);
    }
    return c != 0 ? c : message.compareTo(other.message);
  }
}
