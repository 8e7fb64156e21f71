package dev.netlint.api;

import java.util.List;

/**
 * A rule's metadata as reports show it.
 *
 * @param id stable rule ID
 * @param name kebab-case name
 * @param summary one line, no final period
 * @param defaultSeverity severity unless the rule chooses another
 * @param resourceTypes the resource types it reports on
 * @param source the AWS documentation page that backs it
 * @param helpUri the rule's page in netlint's rule reference
 */
public record RuleDescriptor(
    String id,
    String name,
    String summary,
    Severity defaultSeverity,
    List<String> resourceTypes,
    String source,
    String helpUri) {

  /** Where rule pages live; each rule's page is {@code <base>#<id lower case>}. */
  public static final String DOCS_BASE =
      "https://github.com/netlint/netlint/blob/main/docs/rules.md";

  public RuleDescriptor {
    resourceTypes = List.copyOf(resourceTypes);
  }

  /** Reads the {@link RuleInfo} of a rule class. */
  public static RuleDescriptor of(Class<?> ruleClass) {
    RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalArgumentException(ruleClass.getName() + " has no @RuleInfo");
    }
    return of(info);
  }

  /** Builds the descriptor for {@code info}. */
  public static RuleDescriptor of(RuleInfo info) {
    return new RuleDescriptor(
        info.id(),
        info.name(),
        info.summary(),
        info.severity(),
        List.of(info.resourceTypes()),
        info.source(),
        DOCS_BASE + "#" + info.id().toLowerCase(java.util.Locale.ROOT));
  }
}
