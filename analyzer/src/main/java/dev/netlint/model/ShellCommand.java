package dev.netlint.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One simple command of a user-data script: leading variable assignments and the command words. A
 * command of assignments only ({@code NIC=eth0}) sets shell variables.
 *
 * @param line 1-based line of the command in the script (for a multipart archive, in its part)
 * @param part the MIME part or cloud-init key the script came from ({@code runcmd}), or empty
 * @param assignments {@code NAME=word} prefixes, in order
 * @param words the command name and its arguments; empty for assignments only
 * @param redirects its redirections, in order ({@code > /etc/sysctl.d/nat.conf}, here-documents)
 */
public record ShellCommand(
    int line,
    String part,
    Map<String, ShellWord> assignments,
    List<ShellWord> words,
    List<Redirect> redirects) {

  public ShellCommand {
    assignments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assignments));
    words = List.copyOf(words);
    redirects = List.copyOf(redirects);
  }

  /** A command without redirections. */
  public ShellCommand(
      int line, String part, Map<String, ShellWord> assignments, List<ShellWord> words) {
    this(line, part, assignments, words, List.of());
  }

  /**
   * A redirection.
   *
   * @param operator {@code >}, {@code >>}, {@code <}, {@code <<}, {@code <<-}, {@code <<<}, ... (a
   *     leading file-descriptor number is dropped)
   * @param target the file, or for a here-document its delimiter, or for a here-string its word
   * @param hereDocument the here-document's body (lines between the operator's line and the
   *     delimiter, each ending in a newline), or null for other redirections; deploy-time values
   *     stay in it as U+E000 index U+E001 markers, numbered as the user data's placeholders
   */
  public record Redirect(String operator, ShellWord target, @Nullable String hereDocument) {}

  /** The files this command writes with {@code >} or {@code >>}, as words. */
  public List<ShellWord> writtenFiles() {
    return redirects.stream()
        .filter(
            r -> r.operator().equals(">") || r.operator().equals(">>") || r.operator().equals(">|"))
        .map(Redirect::target)
        .toList();
  }

  /** The body of this command's first here-document, or empty. */
  public java.util.Optional<String> hereDocument() {
    return redirects.stream()
        .map(Redirect::hereDocument)
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /**
   * The name of the program this command runs, without its directory, looking through {@code sudo},
   * {@code env}, {@code exec}, {@code nohup}, {@code command} and {@code time} prefixes; empty when
   * the name is not literal.
   */
  public Optional<String> program() {
    int i = programIndex();
    if (i < 0) {
      return Optional.empty();
    }
    return words.get(i).literalText().map(ShellCommand::basename);
  }

  /** The arguments after the program name (see {@link #program()}). */
  public List<ShellWord> arguments() {
    int i = programIndex();
    return i < 0 ? List.of() : words.subList(i + 1, words.size());
  }

  private int programIndex() {
    for (int i = 0; i < words.size(); i++) {
      Optional<String> w = words.get(i).literalText();
      if (w.isEmpty()) {
        return i;
      }
      String name = basename(w.get());
      boolean wrapper =
          name.equals("sudo")
              || name.equals("env")
              || name.equals("exec")
              || name.equals("nohup")
              || name.equals("command")
              || name.equals("time");
      boolean wrapperOption = i > 0 && w.get().startsWith("-");
      boolean envAssignment = i > 0 && w.get().matches("[A-Za-z_][A-Za-z0-9_]*=.*");
      if (!wrapper && !wrapperOption && !envAssignment) {
        return i;
      }
    }
    return -1;
  }

  private static String basename(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
