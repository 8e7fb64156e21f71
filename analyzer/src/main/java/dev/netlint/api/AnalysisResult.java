package dev.netlint.api;

import java.util.List;

/**
 * What one run of netlint found.
 *
 * @param findings every finding, sorted by file, line, column, rule ID (reports keep this order)
 * @param rules the rules that ran, sorted by ID, input-finding rules included
 * @param files the input files read, as reports name them, sorted
 * @param inputErrors true when some input could not be read (an {@code NL001} finding); the
 *     command line then exits 2
 */
public record AnalysisResult(
    List<Finding> findings, List<RuleDescriptor> rules, List<String> files, boolean inputErrors) {

  public AnalysisResult {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
    files = List.copyOf(files);
  }

  /** One line: {@code netlint: 3 findings (1 error, 1 warning, 1 info) in 2 files}. */
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
    int n = files.size();
    return line.append(" in ").append(n).append(n == 1 ? " file" : " files").toString();
  }

  /** True when some finding is at or above {@code threshold}. */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
