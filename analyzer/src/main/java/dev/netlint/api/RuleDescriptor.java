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
 * @param aliases the rule's former IDs, which suppressions still match; empty for most rules
 */
public record RuleDescriptor(
    String id,
    String name,
    String summary,
    Severity defaultSeverity,
    List<String> resourceTypes,
    String source,
    String helpUri,
    List<String> aliases) {

  /** Where rule pages live; each rule's page is {@code <base><ID>.md} ({@code NL101.md}). */
  public static final String DOCS_BASE = "https://github.com/netlint/netlint/blob/main/docs/rules/";

  public RuleDescriptor {
    resourceTypes = List.copyOf(resourceTypes);
    aliases = List.copyOf(aliases);
  }

  /** A descriptor of a rule that was never renamed (no aliases). */
  public RuleDescriptor(
      String id,
      String name,
      String summary,
      Severity defaultSeverity,
      List<String> resourceTypes,
      String source,
      String helpUri) {
    this(id, name, summary, defaultSeverity, resourceTypes, source, helpUri, List.of());
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
        helpUri(info.id()),
        List.of(info.aliases()));
  }

  /** The page of rule {@code id} in netlint's rule reference ({@code docs/rules/NL101.md}). */
  public static String helpUri(String id) {
    return DOCS_BASE + id + ".md";
  }
}
