package dev.netlint.engine;

import dev.netlint.api.Finding;
import dev.netlint.model.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * netlint failing, which is a bug in netlint, while it analyzes one template or cloud assembly: an
 * exception, a stack overflow or running out of memory while loading, resolving, modeling or
 * tracing it, or in one of the rules run on it. The unit gets an {@code NL006} finding and the
 * other units are still analyzed and reported.
 *
 * @param unit the template file or cloud assembly directory, as reports name it
 * @param ruleId the rule that failed, or null when netlint failed before the rules ran
 * @param error what was thrown
 */
public record AnalysisFailure(String unit, @Nullable String ruleId, Throwable error) {

  /**
   * The {@code NL006} finding on the unit; its {@code internalError} property holds the exception
   * so that tests over a corpus can find failures.
   */
  Finding finding() {
    Map<String, String> properties = new TreeMap<>();
    properties.put("internalError", String.valueOf(error));
    if (ruleId != null) {
      properties.put("rule", ruleId);
    }
    return new Finding(
        InputRules.INTERNAL_ERROR.id(),
        InputRules.INTERNAL_ERROR.defaultSeverity(),
        "netlint internal error: "
            + error.getClass().getName()
            + (ruleId == null ? "" : " in rule " + ruleId)
            + " while analyzing "
            + unit
            + "; the other inputs are still analyzed. This is a bug in netlint; please report it"
            + " with this input",
        null,
        SourceLocation.ofFile(unit),
        List.of(),
        null,
        null,
        null,
        null,
        properties);
  }
}
