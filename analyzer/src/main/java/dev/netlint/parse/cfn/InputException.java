package dev.netlint.parse.cfn;

import dev.netlint.model.SourceLocation;
import java.util.Objects;

/**
 * An input file netlint cannot read as a template: malformed JSON or YAML, too large, too deep, or
 * not a CloudFormation template. The engine turns it into an {@code NL001} finding at {@link
 * #location()} and goes on with the other files.
 */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient SourceLocation location;

  public InputException(String message, SourceLocation location) {
    super(message);
    this.location = location;
  }

  public InputException(String message, SourceLocation location, Throwable cause) {
    super(message, cause);
    this.location = location;
  }

  /** What is wrong with the file, as a sentence for the {@code NL001} finding. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage(), "both constructors take a message");
  }

  /** Where the problem is; line 0 when it concerns the whole file. */
  public SourceLocation location() {
    return location;
  }
}
