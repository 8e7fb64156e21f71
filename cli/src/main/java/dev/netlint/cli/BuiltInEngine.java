package dev.netlint.cli;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.Severity;
import dev.netlint.engine.Analysis;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.rules.BuiltInRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@link Analysis} with {@link BuiltInRules}. */
final class BuiltInEngine implements Engine {
  static final BuiltInEngine INSTANCE = new BuiltInEngine();

  /**
   * The input rules: problems with the input itself, reported by the engine rather than by a rule
   * class, so they have no {@code @RuleInfo} to read.
   */
  static final List<RuleDescriptor> INPUT_RULES =
      List.of(
          inputRule(
              "NL001",
              "unreadable-template",
              "A file cannot be parsed, is too large, or is not a template although named"
                  + " explicitly",
              Severity.ERROR,
              "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html"),
          inputRule(
              "NL002",
              "resource-schema-violation",
              "A modeled resource does not match its CloudFormation resource schema",
              Severity.WARNING,
              "https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html"),
          inputRule(
              "NL003",
              "unresolved-intrinsic",
              "An intrinsic function netlint cannot resolve or that is malformed",
              Severity.INFO,
              "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html"));

  private BuiltInEngine() {}

  @Override
  public AnalysisResult analyze(List<Path> inputs, AnalysisOptions options) {
    return Analysis.run(inputs, BuiltInRules.all(), options);
  }

  @Override
  public List<RuleDescriptor> rules() {
    List<RuleDescriptor> all = new ArrayList<>(INPUT_RULES);
    BuiltInRules.all().forEach(rule -> all.add(RuleDescriptor.of(rule.getClass())));
    all.sort(Comparator.comparing(RuleDescriptor::id));
    return List.copyOf(all);
  }

  private static RuleDescriptor inputRule(
      String id, String name, String summary, Severity severity, String source) {
    return new RuleDescriptor(
        id,
        name,
        summary,
        severity,
        List.of(),
        source,
        RuleDescriptor.DOCS_BASE + "#" + id.toLowerCase(Locale.ROOT));
  }
}
