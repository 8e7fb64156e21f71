package dev.netlint.engine;

import dev.netlint.api.Finding;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.Severity;
import dev.netlint.api.Suppressed;
import dev.netlint.engine.config.FindingPolicy;
import dev.netlint.engine.config.FindingPolicy.Suppression;
import dev.netlint.flows.NetlintConfig;
import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.StackSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The suppressions of one analysis run, after Error Prone's {@code SuppressionInfo} (a suppression
 * names a rule by its ID or one of its old IDs) and cdk-nag (a suppression must give a reason).
 *
 * <p>Each unit's findings pass, in this order: the nearest {@code .netlint.yaml}'s {@code exclude}
 * (findings in those files are dropped), {@code rules: {ID: off}} (dropped), {@code severity}
 * (changed), then the suppressions of the resource's {@code Metadata} and of the {@code
 * .netlint.yaml} (the finding moves to {@link #suppressed()}). A suppression without a rule or a
 * reason suppresses nothing and is an {@code NL007} finding; one that matched nothing is an {@code
 * NL008} finding.
 */
final class Suppressions {

  /** A suppression in force, with whether it matched. */
  private static final class Active {
    final Suppression entry;
    final String rule;
    final Suppressed.Kind kind;
    final @Nullable String stack;
    final @Nullable String logicalId;
    boolean used;

    Active(
        Suppression entry,
        String rule,
        Suppressed.Kind kind,
        @Nullable String stack,
        @Nullable String logicalId) {
      this.entry = entry;
      this.rule = rule;
      this.kind = kind;
      this.stack = stack;
      this.logicalId = logicalId;
    }

    boolean matches(Finding f) {
      if (!f.ruleId().equals(rule)) {
        return false;
      }
      if (kind == Suppressed.Kind.IN_SOURCE) {
        return java.util.Objects.equals(f.stack(), stack)
            && java.util.Objects.equals(f.logicalId(), logicalId);
      }
      FindingPolicy.Glob resource = entry.resource();
      if (resource != null
          && !resource.matches(f.logicalId())
          && !resource.matches(f.qualifiedName())
          && !resource.matches(f.constructPath())) {
        return false;
      }
      FindingPolicy.Glob file = entry.file();
      return file == null || file.matches(f.location().file());
    }
  }

  private final Path baseDirectory;
  private final Function<Path, String> display;
  private final Map<String, String> canonical = new HashMap<>();
  private final Map<Path, FindingPolicy> policies = new LinkedHashMap<>();
  private final Map<Path, List<Active>> configSuppressions = new LinkedHashMap<>();
  private final Set<Path> reported = new java.util.HashSet<>();
  private final List<Suppressed> suppressed = new ArrayList<>();
  private boolean seen;

  /**
   * @param baseDirectory the directory {@code .netlint.yaml} is looked for up to
   * @param display how reports name a file
   * @param rules the rules that run, whose old IDs suppressions may use
   */
  Suppressions(Path baseDirectory, Function<Path, String> display, List<RuleDescriptor> rules) {
    this.baseDirectory = baseDirectory;
    this.display = display;
    for (RuleDescriptor r : rules) {
      canonical.put(r.id(), r.id());
      for (String alias : r.aliases()) {
        canonical.putIfAbsent(alias, r.id());
      }
    }
  }

  /**
   * Applies the suppressions to the findings {@code findings} holds from index {@code from} on,
   * which are the findings of the unit whose input is {@code input}; adds the unit's {@code NL005},
   * {@code NL007} and {@code NL008} findings.
   */
  void apply(Path input, List<StackSource> stacks, List<Finding> findings, int from) {
    FindingPolicy policy = policy(input);
    List<Active> active = new ArrayList<>();
    List<Finding> added = new ArrayList<>();
    for (StackSource source : stacks) {
      Node.MapNode resources = source.template().resources();
      if (resources == null) {
        continue;
      }
      for (Map.Entry<String, Node> r : resources.entries().entrySet()) {
        for (Suppression s : FindingPolicy.inTemplate(r.getValue())) {
          seen = true;
          if (s.rule() == null || s.reason() == null) {
            added.add(
                withoutReason(s, source.stackName(), r.getKey(), source.template().displayName()));
          } else {
            active.add(
                new Active(
                    s,
                    canonical.getOrDefault(s.rule(), s.rule()),
                    Suppressed.Kind.IN_SOURCE,
                    source.stackName(),
                    r.getKey()));
          }
        }
      }
    }
    List<Active> external = configSuppressions(input);
    List<Finding> unit = new ArrayList<>(findings.subList(from, findings.size()));
    findings.subList(from, findings.size()).clear();
    Set<String> off = new java.util.HashSet<>();
    policy.off().forEach(id -> off.add(canonical.getOrDefault(id, id)));
    Map<String, Severity> severities = new HashMap<>();
    policy.severities().forEach((id, s) -> severities.put(canonical.getOrDefault(id, id), s));
    for (Finding f : unit) {
      if (policy.exclude().stream().anyMatch(g -> g.matches(f.location().file()))
          || off.contains(f.ruleId())) {
        continue;
      }
      Severity severity = severities.get(f.ruleId());
      Finding finding = severity == null ? f : withSeverity(f, severity);
      Optional<Active> by =
          active.stream()
              .filter(a -> a.matches(finding))
              .findFirst()
              .or(() -> external.stream().filter(a -> a.matches(finding)).findFirst());
      if (by.isPresent()) {
        by.get().used = true;
        suppressed.add(
            new Suppressed(
                finding,
                by.get().kind,
                String.valueOf(by.get().entry.reason()),
                by.get().entry.at()));
      } else {
        findings.add(finding);
      }
    }
    for (Active a : active) {
      if (!a.used) {
        added.add(unused(a, a.stack, a.logicalId));
      }
    }
    findings.addAll(added);
  }

  /** Adds the {@code NL008} findings of {@code .netlint.yaml} suppressions no unit used. */
  void finish(List<Finding> findings) {
    for (List<Active> list : configSuppressions.values()) {
      for (Active a : list) {
        if (!a.used) {
          findings.add(unused(a, null, null));
        }
      }
    }
  }

  /** True when some input held a suppression, so that the result lists NL007 and NL008. */
  boolean seen() {
    return seen;
  }

  /** The suppressed findings, sorted. */
  List<Suppressed> suppressed() {
    List<Suppressed> sorted = new ArrayList<>(suppressed);
    sorted.sort(null);
    return sorted;
  }

  private FindingPolicy policy(Path input) {
    Optional<Path> file = NetlintConfig.forInput(input, baseDirectory);
    if (file.isEmpty()) {
      return FindingPolicy.NONE;
    }
    return policies.computeIfAbsent(file.get(), k -> FindingPolicy.read(k, display.apply(k)));
  }

  /**
   * The unit's {@code .netlint.yaml} suppressions, shared by every unit that file applies to so
   * that one used by any unit is not unused; its problems are reported with the first unit.
   */
  private List<Active> configSuppressions(Path input) {
    Optional<Path> file = NetlintConfig.forInput(input, baseDirectory);
    if (file.isEmpty()) {
      return List.of();
    }
    return configSuppressions.computeIfAbsent(
        file.get(),
        k -> {
          List<Active> list = new ArrayList<>();
          for (Suppression s : policy(input).suppressions()) {
            seen = true;
            if (s.rule() != null && s.reason() != null) {
              list.add(
                  new Active(
                      s,
                      canonical.getOrDefault(s.rule(), s.rule()),
                      Suppressed.Kind.EXTERNAL,
                      null,
                      null));
            }
          }
          return list;
        });
  }

  /** The {@code NL005} and {@code NL007} findings of each {@code .netlint.yaml} read, once. */
  List<Finding> configProblems() {
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<Path, FindingPolicy> e : policies.entrySet()) {
      if (!reported.add(e.getKey())) {
        continue;
      }
      for (FindingPolicy.Problem p : e.getValue().problems()) {
        out.add(
            finding(
                InputRules.INVALID_CONFIGURATION,
                Severity.ERROR,
                p.message(),
                p.location(),
                null,
                null));
      }
      for (Suppression s : e.getValue().suppressions()) {
        if (s.rule() == null || s.reason() == null) {
          out.add(withoutReason(s, null, null, display.apply(e.getKey())));
        }
      }
    }
    return out;
  }

  private static Finding withoutReason(
      Suppression s, @Nullable String stack, @Nullable String logicalId, String file) {
    String message =
        s.rule() == null
            ? "a suppression must name the rule it accepts ('rule') and say why ('reason')"
            : "the suppression of " + s.rule() + " gives no reason, so it suppresses nothing";
    return finding(
        InputRules.SUPPRESSION_WITHOUT_REASON,
        Severity.WARNING,
        (logicalId == null ? "" : logicalId + ": ") + message,
        s.at(),
        stack,
        logicalId);
  }

  private static Finding unused(Active a, @Nullable String stack, @Nullable String logicalId) {
    return finding(
        InputRules.UNUSED_SUPPRESSION,
        Severity.INFO,
        (logicalId == null ? "" : logicalId + ": ")
            + "the suppression of "
            + a.entry.rule()
            + " matches no finding",
        a.entry.at(),
        stack,
        logicalId);
  }

  private static Finding finding(
      RuleDescriptor rule,
      Severity severity,
      String message,
      SourceLocation at,
      @Nullable String stack,
      @Nullable String logicalId) {
    String fix =
        rule == InputRules.UNUSED_SUPPRESSION
            ? "Remove the suppression."
            : rule == InputRules.SUPPRESSION_WITHOUT_REASON
                ? "Give the suppression a rule and a reason."
                : null;
    return new Finding(
        rule.id(), severity, message, fix, at, List.of(), stack, logicalId, null, null, Map.of());
  }

  private static Finding withSeverity(Finding f, Severity severity) {
    return new Finding(
        f.ruleId(),
        severity,
        f.message(),
        f.fix(),
        f.location(),
        f.templatePath(),
        f.stack(),
        f.logicalId(),
        f.resourceType(),
        f.constructPath(),
        f.properties());
  }
}
