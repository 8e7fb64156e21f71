package dev.netlint.report;

import java.util.Locale;

/**
 * An output format of netlint's report, as chosen with {@code --format} on the command line or
 * {@code <format>} in the Maven plugin. Every format is UTF-8 and byte-for-byte deterministic;
 * docs/output-formats.md describes each one.
 */
public enum Format {
  /** Findings grouped by file for people reading a terminal. */
  TEXT,
  /** netlint's own JSON object, for scripts. */
  JSON,
  /**
   * SARIF 2.1.0, for code scanning services (<a
   * href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">OASIS SARIF 2.1.0</a>).
   */
  SARIF,
  /** JUnit XML, for CI systems that show test reports. */
  JUNIT;

  /**
   * The name used on the command line: {@code text}, {@code json}, {@code sarif}, {@code junit}.
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a format name as written on the command line ({@code text}, {@code json}, {@code sarif},
   * {@code junit}); surrounding blanks and upper case are accepted.
   *
   * @throws IllegalArgumentException for any other name, listing the valid ones
   */
  public static Format parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (Format f : values()) {
      if (f.cliName().equals(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + name + "' (expected text, json, sarif or junit)");
  }
}
