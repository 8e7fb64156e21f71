package dev.netlint.report;

import java.util.Locale;

/**
 * PLACEHOLDER from the frontends branch so the CLI and the Maven plugin compile; the report
 * branch's real class replaces it. The output formats of a netlint report.
 */
public enum Format {
  TEXT,
  JSON,
  SARIF,
  JUNIT;

  /** The lower-case name used on the command line: text, json, sarif, junit. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses text, json, sarif or junit (any case).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Format parse(String name) {
    for (Format f : values()) {
      if (f.label().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + name + "' (expected text, json, sarif or junit)");
  }
}
