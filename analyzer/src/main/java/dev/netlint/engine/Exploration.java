package dev.netlint.engine;

import dev.netlint.api.Finding;
import java.util.List;

/**
 * The networks under some inputs, for questions about them ({@code netlint path}, {@code netlint
 * flows}) rather than a check.
 *
 * @param networks one per analysis unit, sorted by name
 * @param findings the input findings met on the way ({@code NL001} unreadable input, {@code NL003}
 *     unresolved intrinsics, {@code NL005} invalid {@code .netlint.yaml}), sorted
 */
public record Exploration(List<Network> networks, List<Finding> findings) {

  public Exploration {
    networks = List.copyOf(networks);
    findings = List.copyOf(findings);
  }

  /** True when some input could not be read ({@code NL001}) or the configuration is invalid. */
  public boolean inputErrors() {
    return findings.stream()
        .anyMatch(
            f ->
                f.ruleId().equals(InputRules.UNREADABLE_TEMPLATE.id())
                    || f.ruleId().equals(InputRules.INVALID_CONFIGURATION.id()));
  }
}
