package dev.netlint.flows;

import dev.netlint.api.reach.Flow;
import dev.netlint.flows.NetlintConfig.DeclaredFlow;
import dev.netlint.flows.NetlintConfig.Problem;
import dev.netlint.model.NetworkModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The declared flows of one analysis run. Each analysis unit (a template, or a cloud assembly) gets
 * the flows of its nearest {@code .netlint.yaml} whose two ends both name something in it; a file
 * shared by several units is read once. A flow whose ends are found in no unit, or only in
 * different ones, is a problem reported once when the run ends ({@link #unmatched()}).
 */
public final class DeclaredFlows {

  /** The flows that apply to one unit, and what is wrong with its configuration. */
  public record ForUnit(List<Flow> flows, List<Problem> problems) {
    public ForUnit {
      flows = List.copyOf(flows);
      problems = List.copyOf(problems);
    }
  }

  /** What netlint learned about one declared flow over the whole run. */
  private static final class Tally {
    final DeclaredFlow flow;
    boolean used;
    boolean ambiguous;
    boolean fromSeen;
    boolean toSeen;

    Tally(DeclaredFlow flow) {
      this.flow = flow;
    }
  }

  private final Path baseDirectory;
  private final Function<Path, String> display;
  private final Map<Path, NetlintConfig.Parsed> configs = new LinkedHashMap<>();
  private final Map<Path, List<Tally>> tallies = new LinkedHashMap<>();
  private final Set<Path> reported = new HashSet<>();

  /**
   * @param baseDirectory the directory configuration is looked for up to, and files are named
   *     relative to
   * @param display how reports name a file
   */
  public DeclaredFlows(Path baseDirectory, Function<Path, String> display) {
    this.baseDirectory = baseDirectory;
    this.display = display;
  }

  /**
   * The declared flows for the unit whose input is {@code input} (a template file or an assembly
   * directory), resolved in {@code model}.
   */
  public ForUnit forUnit(Path input, NetworkModel model) {
    Optional<Path> file = NetlintConfig.forInput(input, baseDirectory);
    if (file.isEmpty()) {
      return new ForUnit(List.of(), List.of());
    }
    Path key = file.get();
    NetlintConfig.Parsed parsed =
        configs.computeIfAbsent(key, k -> NetlintConfig.read(k, display.apply(k)));
    List<Tally> flowTallies =
        tallies.computeIfAbsent(key, k -> parsed.flows().stream().map(Tally::new).toList());
    List<Problem> problems = new ArrayList<>();
    if (reported.add(key)) {
      problems.addAll(parsed.problems());
    }
    List<Flow> flows = new ArrayList<>();
    for (Tally t : flowTallies) {
      DeclaredFlow d = t.flow;
      EndpointNames.Resolution from = EndpointNames.resolve(model, d.from());
      EndpointNames.Resolution to = EndpointNames.resolve(model, d.to());
      t.fromSeen |= from.found() && from.resource().isPresent();
      t.toSeen |= to.found() && to.resource().isPresent();
      if (from.ambiguous() || to.ambiguous()) {
        if (!t.ambiguous) {
          t.ambiguous = true;
          problems.add(
              new Problem(
                  (from.ambiguous() ? from : to).problem(),
                  from.ambiguous() ? d.fromAt() : d.toAt()));
        }
        continue;
      }
      boolean anyResource = from.resource().isPresent() || to.resource().isPresent();
      if (from.found() && to.found() && anyResource) {
        t.used = true;
        flows.add(
            new Flow(
                from.endpoint().orElseThrow(),
                to.endpoint().orElseThrow(),
                d.protocol(),
                d.ports(),
                Flow.Kind.DECLARED,
                d.expect(),
                "declared in " + d.origin().location() + ": " + d.describe(),
                d.origin()));
      }
    }
    return new ForUnit(flows, problems);
  }

  /**
   * The declared flows that applied to no unit: an end that names nothing in any analyzed template,
   * or two ends found only in different templates (netlint analyzes each template, and each cloud
   * assembly, apart).
   */
  public List<Problem> unmatched() {
    List<Problem> problems = new ArrayList<>();
    for (List<Tally> list : tallies.values()) {
      for (Tally t : list) {
        if (t.used || t.ambiguous) {
          continue;
        }
        DeclaredFlow d = t.flow;
        if (!t.fromSeen && !isSpecial(d.from())) {
          problems.add(
              new Problem(
                  "flow "
                      + d.describe()
                      + ": '"
                      + d.from()
                      + "' names nothing in the analyzed templates",
                  d.fromAt()));
        } else if (!t.toSeen && !isSpecial(d.to())) {
          problems.add(
              new Problem(
                  "flow "
                      + d.describe()
                      + ": '"
                      + d.to()
                      + "' names nothing in the analyzed templates",
                  d.toAt()));
        } else if (t.fromSeen && t.toSeen) {
          problems.add(
              new Problem(
                  "flow "
                      + d.describe()
                      + ": '"
                      + d.from()
                      + "' and '"
                      + d.to()
                      + "' are in different"
                      + " templates or cloud assemblies, which netlint analyzes apart",
                  d.origin().location()));
        } else {
          problems.add(
              new Problem(
                  "flow "
                      + d.describe()
                      + ": at least one end must be a resource of the analyzed"
                      + " templates",
                  d.origin().location()));
        }
      }
    }
    return problems;
  }

  private static boolean isSpecial(String name) {
    return EndpointNames.resolve(new NetworkModel(List.of()), name).found();
  }
}
