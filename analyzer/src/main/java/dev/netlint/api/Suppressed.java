package dev.netlint.api;

import dev.netlint.model.SourceLocation;

/**
 * A finding a suppression accepted: it is kept and reported as suppressed, but does not count
 * towards the fail-on severity.
 *
 * @param finding the finding as it would otherwise have been reported
 * @param kind where the suppression is written
 * @param justification the suppression's reason, as written
 * @param suppressedAt where the suppression is written (the {@code suppress} entry)
 */
public record Suppressed(
    Finding finding, Kind kind, String justification, SourceLocation suppressedAt)
    implements Comparable<Suppressed> {

  /** Where a suppression is written; the names are SARIF's {@code suppression.kind} values. */
  public enum Kind {
    /** In the template: a resource's {@code Metadata: {netlint: {suppress: [...]}}}. */
    IN_SOURCE("inSource"),
    /** In a {@code .netlint.yaml} file's {@code suppress:} list. */
    EXTERNAL("external");

    private final String sarifKind;

    Kind(String sarifKind) {
      this.sarifKind = sarifKind;
    }

    /** SARIF's {@code suppression.kind}: {@code inSource} or {@code external}. */
    public String sarifKind() {
      return sarifKind;
    }
  }

  @Override
  public int compareTo(Suppressed other) {
    return finding.compareTo(other.finding);
  }
}
