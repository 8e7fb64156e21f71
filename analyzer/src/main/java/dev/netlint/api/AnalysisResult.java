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

  /** True when some finding is at or above {@code threshold}. */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
