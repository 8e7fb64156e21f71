package dev.netlint.api;

import java.util.List;

/**
 * What one run of netlint found.
 *
 * @param findings every finding, sorted by file, line, column, rule ID (reports keep this order)
 * @param rules the rules that ran, sorted by ID, input-finding rules included
 * @param files the input files read, as reports name them, sorted
 * @param inputErrors true when some input could not be read (an {@code NL001} finding); the command
 *     line then exits 2
 * @param suppressed the findings a suppression accepted, sorted as {@code findings}; they are not
 *     in {@code findings} and never fail a check
 */
public record AnalysisResult(
    List<Finding> findings,
    List<RuleDescriptor> rules,
    List<String> files,
    boolean inputErrors,
    List<Suppressed> suppressed) {

  public AnalysisResult {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
    files = List.copyOf(files);
    suppressed = List.copyOf(suppressed);
  }

  /** A result without suppressed findings. */
  public AnalysisResult(
      List<Finding> findings, List<RuleDescriptor> rules, List<String> files, boolean inputErrors) {
    this(findings, rules, files, inputErrors, List.of());
  }

  /**
   * One line: {@code netlint: 3 findings (1 error, 1 warning, 1 info) in 2 files}, with {@code , 2
   * suppressed} before {@code in} when suppressions accepted findings.
   */
  public String summary() {
    java.util.Map<Severity, Integer> counts = new java.util.EnumMap<>(Severity.class);
    for (Finding finding : findings) {
      counts.merge(finding.severity(), 1, Integer::sum);
    }
    int total = findings.size();
    StringBuilder line = new StringBuilder("netlint: ");
    line.append(total).append(total == 1 ? " finding" : " findings");
    if (total > 0) {
      line.append(" (");
      String separator = "";
      for (Severity severity : Severity.values()) {
        line.append(separator)
            .append(counts.getOrDefault(severity, 0))
            .append(' ')
            .append(severity.label());
        separator = ", ";
      }
      line.append(')');
    }
    if (!suppressed.isEmpty()) {
      line.append(", ").append(suppressed.size()).append(" suppressed");
    }
    int n = files.size();
    return line.append(" in ").append(n).append(n == 1 ? " file" : " files").toString();
  }

  /** True when some finding is at or above {@code threshold}. */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
