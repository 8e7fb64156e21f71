package dev.netlint.api;

import java.util.Locale;

/**
 * How serious a finding is. Ordered from most to least serious; SARIF levels are {@code error},
 * {@code warning} and {@code note}.
 */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  INFO("note");

  private final String sarifLevel;

  Severity(String sarifLevel) {
    this.sarifLevel = sarifLevel;
  }

  /** The SARIF 2.1.0 {@code level} for this severity. */
  public String sarifLevel() {
    return sarifLevel;
  }

  /** The lower-case name used in text, JSON and configuration: error, warning, info. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is at or above {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /**
   * Parses error, warning, info or note (any case).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Severity parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "error" -> ERROR;
      case "warning", "warn" -> WARNING;
      case "info", "note" -> INFO;
      default ->
          throw new IllegalArgumentException(
              "unknown severity '" + name + "' (expected error, warning or info)");
    };
  }
}
