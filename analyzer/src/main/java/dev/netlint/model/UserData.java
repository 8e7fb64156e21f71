package dev.netlint.model;

import java.util.List;
import java.util.Optional;

/**
 * The user data of an instance, launch template or launch configuration, read as the program it is.
 *
 * @param origin where the {@code UserData} value stands in the template
 * @param format what kind of user data it is
 * @param text the script text, with deploy-time values shown as {@code ${...}}
 * @param commands the simple commands of its shell scripts, in order
 * @param unparsedLines 1-based script lines netlint could not read as shell (the rest is still
 *     analyzed), in order: the lines of {@code unparsed}
 * @param unparsed the same lines with the part they stand in and their text
 * @param placeholders the deploy-time values that {@link #PLACEHOLDER_START} index {@link
 *     #PLACEHOLDER_END} stands for in text the script keeps as text (here-document bodies), by
 *     index
 * @throws IllegalArgumentException when {@code unparsedLines} are not the lines of {@code unparsed}
 */
public record UserData(
    Origin origin,
    Format format,
    String text,
    List<ShellCommand> commands,
    List<Integer> unparsedLines,
    List<UnparsedLine> unparsed,
    List<Value> placeholders) {

  /**
   * Marks the start of a deploy-time value in script text (a private-use character), followed by
   * its index among the user data's non-literal {@code Fn::Sub}/{@code Fn::Join} parts and {@link
   * #PLACEHOLDER_END}. Here-document bodies keep these markers.
   */
  public static final char PLACEHOLDER_START = '\uE000';

  /** Marks the end of a deploy-time value in script text. */
  public static final char PLACEHOLDER_END = '\uE001';

  public UserData {
    commands = List.copyOf(commands);
    unparsedLines = List.copyOf(unparsedLines);
    unparsed = List.copyOf(unparsed);
    placeholders = List.copyOf(placeholders);
    if (!unparsedLines.equals(unparsed.stream().map(UnparsedLine::line).toList())) {
      throw new IllegalArgumentException(
          "unparsedLines " + unparsedLines + " are not the lines of " + unparsed);
    }
  }

  /** User data whose text holds no deploy-time values. */
  public UserData(
      Origin origin,
      Format format,
      String text,
      List<ShellCommand> commands,
      List<Integer> unparsedLines,
      List<UnparsedLine> unparsed) {
    this(origin, format, text, commands, unparsedLines, unparsed, List.of());
  }

  /** User data whose unparsed lines are known by number only (no part, no text). */
  public UserData(
      Origin origin,
      Format format,
      String text,
      List<ShellCommand> commands,
      List<Integer> unparsedLines) {
    this(
        origin,
        format,
        text,
        commands,
        unparsedLines,
        unparsedLines.stream().map(l -> new UnparsedLine(l, "", "")).toList());
  }

  /**
   * A script line netlint could not read as shell; the commands before and after it are still
   * analyzed.
   *
   * @param line the 1-based line, counted as {@link ShellCommand#line()} counts
   * @param part the MIME part or cloud-init key the line stands in ({@code part 2}, {@code
   *     runcmd}), or empty for a plain script
   * @param text the line as written, deploy-time values shown as {@code ${...}}, or empty when not
   *     known
   */
  public record UnparsedLine(int line, String part, String text) {}

  /** The kinds of user data. */
  public enum Format {
    /** A shell script (with or without a shebang). */
    SHELL,
    /** A cloud-init {@code #cloud-config} document. */
    CLOUD_CONFIG,
    /** A MIME multipart archive, as CDK's {@code MultipartUserData} writes. */
    MULTIPART,
    /** A Windows {@code <powershell>} or {@code <script>} block, not analyzed. */
    WINDOWS,
    /** User data that is not text netlint can read (a deploy-time value, gzip). */
    OPAQUE
  }

  /**
   * The value a shell variable holds at command {@code index}: the last assignment to it in an
   * earlier command (or in the same command's prefix), or empty when the script never assigns it.
   */
  public Optional<ShellWord> variableAt(String name, int index) {
    return assignmentAt(name, index).map(Assignment::value);
  }

  /**
   * An assignment to a shell variable.
   *
   * @param command the index in {@link #commands()} of the command that assigns
   * @param value the word assigned, whose own variables hold the values they had before {@code
   *     command} ({@code x="$x$x"} doubles the previous value of {@code x})
   */
  public record Assignment(int command, ShellWord value) {}

  /** The assignment {@link #variableAt} finds, with the command it stands in. */
  public Optional<Assignment> assignmentAt(String name, int index) {
    if (index < commands.size()) {
      ShellWord value = commands.get(index).assignments().get(name);
      if (value != null) {
        return Optional.of(new Assignment(index, value));
      }
    }
    return assignmentBefore(name, index);
  }

  /**
   * The last assignment to a shell variable in a command before command {@code index}: what a
   * variable in the value of an assignment made at {@code index} stands for.
   */
  public Optional<Assignment> assignmentBefore(String name, int index) {
    for (int i = Math.min(index, commands.size()) - 1; i >= 0; i--) {
      ShellCommand c = commands.get(i);
      if (c.words().isEmpty() && c.assignments().containsKey(name)) {
        return Optional.of(new Assignment(i, c.assignments().get(name)));
      }
      if (!c.words().isEmpty()
          && c.program()
              .filter(p -> p.equals("export") || p.equals("declare") || p.equals("local"))
              .isPresent()) {
        for (ShellWord w : c.arguments()) {
          Optional<ShellWord> assigned = exportedAssignment(w, name);
          if (assigned.isPresent()) {
            return Optional.of(new Assignment(i, assigned.get()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<ShellWord> exportedAssignment(ShellWord word, String name) {
    if (word.segments().isEmpty() || !(word.segments().get(0) instanceof ShellWord.Literal first)) {
      return Optional.empty();
    }
    String prefix = name + "=";
    if (!first.text().startsWith(prefix)) {
      return Optional.empty();
    }
    var rest = new java.util.ArrayList<ShellWord.Segment>();
    String remainder = first.text().substring(prefix.length());
    if (!remainder.isEmpty()) {
      rest.add(new ShellWord.Literal(remainder));
    }
    rest.addAll(word.segments().subList(1, word.segments().size()));
    return Optional.of(new ShellWord(rest));
  }
}
