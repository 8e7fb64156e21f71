package dev.netlint.engine;

import java.util.List;

/**
 * What {@link InputDiscovery} found under the inputs.
 *
 * @param units the analysis units, sorted by name
 * @param problems the input problems, sorted by location
 * @param files every template file read (lone templates, assembly stacks and nested stacks, broken
 *     ones included) as reports name them, sorted and without duplicates
 */
public record Discovery(List<AnalysisUnit> units, List<InputProblem> problems, List<String> files) {

  public Discovery {
    units = List.copyOf(units);
    problems = List.copyOf(problems);
    files = List.copyOf(files);
  }

  /** True when an input was missing: a usage error rather than a finding. */
  public boolean hasMissingInput() {
    return problems.stream().anyMatch(p -> p.kind() == InputProblem.Kind.MISSING_INPUT);
  }
}
