package dev.netlint.engine.config;

import dev.netlint.api.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.InputException;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.TemplateLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code .netlint.yaml} says about findings, beside its {@code flows:}.
 *
 * <pre>{@code
 * suppress:
 *   - rule: NL301                # the rule's ID or one of its old IDs (required)
 *     reason: "…"                # why the finding is accepted (required, as in cdk-nag)
 *     resource: Db*              # optional: logical ID, Stack/LogicalId or construct path; glob
 *     file: "cdk.out/**"         # optional: the reported file; glob
 * rules:
 *   NL204: off                   # the rule's findings are dropped
 * severity:
 *   NL104: info                  # error, warning or info
 * exclude:
 *   - "legacy/**"                # findings in these files are dropped
 * }</pre>
 *
 * Globs: {@code *} and {@code ?} stay within one {@code /}-separated part, {@code **} crosses them.
 * Reading never throws: what is wrong becomes a {@link Problem}, and the well-formed entries are
 * kept.
 *
 * @param suppressions the suppress entries, in file order, reasonless ones included
 * @param off the rule IDs (as written) switched off, with where
 * @param severities severity overrides by rule ID (as written)
 * @param exclude file globs whose findings are dropped
 * @param problems what is malformed (not a missing reason: that is {@link Suppression#reason()}
 *     null)
 */
public record FindingPolicy(
    List<Suppression> suppressions,
    List<String> off,
    Map<String, Severity> severities,
    List<Glob> exclude,
    List<Problem> problems) {

  /** The keys this class reads from a {@code .netlint.yaml}. */
  public static final List<String> KEYS = List.of("exclude", "rules", "severity", "suppress");

  public FindingPolicy {
    suppressions = List.copyOf(suppressions);
    off = List.copyOf(off);
    severities = java.util.Collections.unmodifiableMap(new TreeMap<>(severities));
    exclude = List.copyOf(exclude);
    problems = List.copyOf(problems);
  }

  /** A policy that changes nothing. */
  public static final FindingPolicy NONE =
      new FindingPolicy(List.of(), List.of(), Map.of(), List.of(), List.of());

  /** True when the policy holds a suppression or a rule switch, severity or exclusion. */
  public boolean isEmpty() {
    return suppressions.isEmpty() && off.isEmpty() && severities.isEmpty() && exclude.isEmpty();
  }

  /**
   * A suppress entry.
   *
   * @param rule the rule ID as written, or null when missing
   * @param reason the reason, or null when missing or blank
   * @param resource which resource's findings, or null for any
   * @param file which files' findings, or null for any
   * @param at where the entry is written
   */
  public record Suppression(
      @Nullable String rule,
      @Nullable String reason,
      @Nullable Glob resource,
      @Nullable Glob file,
      SourceLocation at) {}

  /** Something malformed in the file. */
  public record Problem(String message, SourceLocation location) {}

  /**
   * A glob over {@code /}-separated names: {@code *} and {@code ?} within one part, {@code **}
   * across parts; no other character is special.
   *
   * @param text the glob as written
   */
  public record Glob(String text) {
    /** True when {@code value} matches the whole glob. */
    public boolean matches(@Nullable String value) {
      return value != null && regex(text).matcher(value).matches();
    }

    private static Pattern regex(String glob) {
      StringBuilder re = new StringBuilder();
      for (int i = 0; i < glob.length(); i++) {
        char c = glob.charAt(i);
        if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          re.append(".*");
          i++;
        } else if (c == '*') {
          re.append("[^/]*");
        } else if (c == '?') {
          re.append("[^/]");
        } else {
          re.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return Pattern.compile(re.toString());
    }
  }

  /**
   * Reads the policy of a configuration file; never throws. A file that cannot be parsed gives
   * {@link #NONE}: the flows' reader reports it.
   */
  public static FindingPolicy read(Path file, String displayName) {
    try {
      return parse(new TemplateLoader().parse(file, displayName));
    } catch (InputException e) {
      return NONE;
    }
  }

  /** Reads the policy keys of a parsed configuration document. */
  public static FindingPolicy parse(Node.MapNode root) {
    List<Problem> problems = new ArrayList<>();
    List<Suppression> suppressions = new ArrayList<>();
    Node suppress = root.get("suppress");
    if (suppress instanceof Node.ListNode list) {
      for (Node item : list.items()) {
        suppressions.add(suppression(item, problems));
      }
    } else if (suppress != null && !isNull(suppress)) {
      problems.add(
          new Problem("'suppress' must be a list of {rule, reason}", suppress.origin().location()));
    }
    List<String> off = new ArrayList<>();
    Node rules = root.get("rules");
    if (rules instanceof Node.MapNode m) {
      for (Map.Entry<String, Node> e : m.entries().entrySet()) {
        String v = scalar(e.getValue()).toLowerCase(Locale.ROOT);
        switch (v) {
          case "off", "false" -> off.add(e.getKey());
          case "on", "true" -> {}
          default ->
              problems.add(
                  new Problem(
                      "rules: " + e.getKey() + " must be off or on, not '" + v + "'",
                      e.getValue().origin().location()));
        }
      }
    } else if (rules != null && !isNull(rules)) {
      problems.add(new Problem("'rules' must map rule IDs to off", rules.origin().location()));
    }
    Map<String, Severity> severities = new TreeMap<>();
    Node severity = root.get("severity");
    if (severity instanceof Node.MapNode m) {
      for (Map.Entry<String, Node> e : m.entries().entrySet()) {
        try {
          severities.put(e.getKey(), Severity.parse(scalar(e.getValue())));
        } catch (IllegalArgumentException ex) {
          problems.add(
              new Problem(
                  "severity: " + e.getKey() + ": " + ex.getMessage(),
                  e.getValue().origin().location()));
        }
      }
    } else if (severity != null && !isNull(severity)) {
      problems.add(
          new Problem("'severity' must map rule IDs to a severity", severity.origin().location()));
    }
    List<Glob> exclude = new ArrayList<>();
    Node excluded = root.get("exclude");
    if (excluded instanceof Node.ListNode list) {
      for (Node item : list.items()) {
        String glob = scalar(item);
        if (glob.isBlank()) {
          problems.add(
              new Problem("'exclude' entries must be file globs", item.origin().location()));
        } else {
          exclude.add(new Glob(glob.strip()));
        }
      }
    } else if (excluded != null && !isNull(excluded)) {
      problems.add(
          new Problem("'exclude' must be a list of file globs", excluded.origin().location()));
    }
    return new FindingPolicy(suppressions, off, severities, exclude, problems);
  }

  private static Suppression suppression(Node item, List<Problem> problems) {
    SourceLocation at = item.origin().location();
    if (!(item instanceof Node.MapNode m)) {
      return new Suppression(null, null, null, null, at);
    }
    for (String key : m.entries().keySet()) {
      if (!List.of("file", "reason", "resource", "rule").contains(key)) {
        problems.add(
            new Problem(
                "unknown key '" + key + "' (known: file, reason, resource, rule)",
                m.keyLocation(key)));
      }
    }
    return new Suppression(
        text(m, "rule"),
        text(m, "reason"),
        globOrNull(text(m, "resource")),
        globOrNull(text(m, "file")),
        at);
  }

  /**
   * The suppress entries of one resource's {@code Metadata: {netlint: {suppress: [...]}}}, or an
   * empty list. Entries that are not mappings come back with neither rule nor reason.
   */
  public static List<Suppression> inTemplate(Node resource) {
    if (!(resource instanceof Node.MapNode r)
        || !(r.get("Metadata") instanceof Node.MapNode metadata)
        || !(metadata.get("netlint") instanceof Node.MapNode netlint)) {
      return List.of();
    }
    Node suppress = netlint.get("suppress");
    if (suppress == null) {
      return List.of();
    }
    if (!(suppress instanceof Node.ListNode list)) {
      return List.of(new Suppression(null, null, null, null, suppress.origin().location()));
    }
    List<Suppression> out = new ArrayList<>();
    for (Node item : list.items()) {
      if (item instanceof Node.MapNode m) {
        out.add(
            new Suppression(text(m, "rule"), text(m, "reason"), null, null, m.origin().location()));
      } else {
        out.add(new Suppression(null, null, null, null, item.origin().location()));
      }
    }
    return out;
  }

  private static @Nullable Glob globOrNull(@Nullable String text) {
    return text == null ? null : new Glob(text);
  }

  private static @Nullable String text(Node.MapNode m, String key) {
    Node n = m.get(key);
    String s = n == null ? "" : scalar(n).strip();
    return s.isEmpty() ? null : s;
  }

  private static String scalar(Node n) {
    return n instanceof Node.ScalarNode s && s.kind() != Node.ScalarNode.Kind.NULL
        ? s.textOrEmpty()
        : "";
  }

  private static boolean isNull(Node n) {
    return n instanceof Node.ScalarNode s && s.kind() == Node.ScalarNode.Kind.NULL;
  }
}
