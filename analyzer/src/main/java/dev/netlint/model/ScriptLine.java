package dev.netlint.model;

/**
 * Where in a user-data script a host fact comes from.
 *
 * @param line 1-based line in the script (for a MIME multipart archive, in its part; for a
 *     cloud-init {@code write_files} entry, the line of its {@code path})
 * @param part the MIME part or cloud-init key ({@code runcmd}, {@code write_files}), or empty for a
 *     plain shell script
 */
public record ScriptLine(int line, String part) {

  /** How a person finds it: {@code script line 4}, or {@code script line 2 (part 1 runcmd)}. */
  public String display() {
    return "script line " + line + (part.isEmpty() ? "" : " (" + part + ")");
  }
}
