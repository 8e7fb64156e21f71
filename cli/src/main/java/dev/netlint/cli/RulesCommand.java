package dev.netlint.cli;

import dev.netlint.api.RuleDescriptor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netlint rules}: one line per rule with its ID, default severity, name and summary. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Lists the rules netlint checks, input rules (NL0xx) included, sorted by ID.")
final class RulesCommand implements Callable<Integer> {
  private final Engine engine;

  @Spec CommandSpec spec;

  @Mixin DebugOption debug = new DebugOption();

  RulesCommand(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() {
    List<RuleDescriptor> rules = new ArrayList<>(engine.rules());
    rules.sort(Comparator.comparing(RuleDescriptor::id));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "SEVERITY", "NAME", "SUMMARY"});
    for (RuleDescriptor rule : rules) {
      rows.add(
          new String[] {rule.id(), rule.defaultSeverity().label(), rule.name(), rule.summary()});
    }
    int[] widths = new int[3];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      out.println(line.append(row[3]));
    }
    out.flush();
    return ExitCode.OK;
  }
}
