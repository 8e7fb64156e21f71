package dev.netlint.cli;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Verdict;
import dev.netlint.engine.Exploration;
import dev.netlint.engine.Network;
import dev.netlint.flows.EndpointNames;
import dev.netlint.model.Resource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netlint path PATH --from A --to B --port 5432}: whether traffic from A reaches B, hop by
 * hop, with the template element that decided each hop.
 */
@Command(
    name = "path",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = {
      "Explains whether traffic from one endpoint reaches another: each hop (security groups,"
          + " network ACLs, routes, gateways), the template element that decided it, and the"
          + " verdict.",
      "A and B are logical IDs, Stack/LogicalId, CDK construct paths, 'internet', a CIDR or"
          + " aws:SERVICE (aws:ssm)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:reachable",
      "1:blocked",
      "2:usage error, missing path, unreadable input (NL001), or an end that names nothing",
      "3:internal error (a bug in netlint)",
      "4:unknown (something on the path is known only at deploy)"
    })
final class PathCommand implements Callable<Integer> {
  private final Engine engine;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Template files, directories, cdk.out cloud assemblies.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--from",
      required = true,
      paramLabel = "A",
      description = "Where traffic starts.")
  String from = "";

  @Option(names = "--to", required = true, paramLabel = "B", description = "Where it goes.")
  String to = "";

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      converter = Exploring.PortRangeConverter.class,
      description = "Destination port, or range 8000-8100 (required for tcp and udp).")
  @Nullable PortRange port;

  @Option(
      names = "--protocol",
      paramLabel = "PROTOCOL",
      defaultValue = "tcp",
      converter = Exploring.ProtocolConverter.class,
      description = "tcp, udp, icmp or all (default: ${DEFAULT-VALUE}).")
  Protocol protocol = Protocol.TCP;

  @Option(
      names = "--base-dir",
      paramLabel = "DIR",
      description =
          "Name files relative to DIR and look for .netlint.yaml up to it (default: the working"
              + " directory).")
  @Nullable Path baseDir;

  @Mixin DebugOption debug = new DebugOption();

  PathCommand(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PortRange ports = port;
    if (ports == null) {
      if (protocol == Protocol.TCP || protocol == Protocol.UDP) {
        err.println("netlint: --port is required for " + protocol.label());
        err.println("Try 'netlint path --help' for usage.");
        err.flush();
        return ExitCode.USAGE_OR_INPUT;
      }
      ports = PortRange.ALL;
    }
    Exploration exploration = Exploring.explore(engine, paths, baseDir, err);
    if (exploration == null) {
      err.flush();
      return ExitCode.USAGE_OR_INPUT;
    }
    if (Exploring.unreadable(exploration)) {
      err.println("netlint: some input could not be read; the path cannot be traced");
      err.flush();
      return ExitCode.USAGE_OR_INPUT;
    }
    List<Network> candidates = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Network network : exploration.networks()) {
      EndpointNames.Resolution a = network.endpoint(from);
      EndpointNames.Resolution b = network.endpoint(to);
      if (a.ambiguous() || b.ambiguous()) {
        problems.add(network.name() + ": " + (a.ambiguous() ? a : b).problem());
      } else if (a.found()
          && b.found()
          && (a.resource().isPresent()
              || b.resource().isPresent()
              || exploration.networks().size() == 1)) {
        candidates.add(network);
      }
    }
    if (candidates.isEmpty()) {
      if (problems.isEmpty()) {
        problems.add(
            "no analyzed template or cloud assembly holds both '"
                + from
                + "' and '"
                + to
                + "'"
                + (exploration.networks().isEmpty() ? " (no templates found)" : ""));
      }
      for (String p : problems) {
        err.println("netlint: " + p);
      }
      err.flush();
      return ExitCode.USAGE_OR_INPUT;
    }
    boolean blocked = false;
    boolean unknown = false;
    for (Network network : candidates) {
      Endpoint a = network.endpoint(from).endpoint().orElseThrow();
      Endpoint b = network.endpoint(to).endpoint().orElseThrow();
      ReachResult r = network.reachability().reach(a, b, protocol, ports);
      blocked |= r.verdict() == Verdict.BLOCKED;
      unknown |= r.verdict() == Verdict.UNKNOWN;
      print(out, network, a, b, ports, r);
    }
    out.flush();
    err.flush();
    return blocked ? ExitCode.FINDINGS : unknown ? ExitCode.UNKNOWN : ExitCode.OK;
  }

  private void print(
      PrintWriter out, Network network, Endpoint a, Endpoint b, PortRange ports, ReachResult r) {
    out.println(
        Exploring.name(a)
            + " -> "
            + Exploring.name(b)
            + " "
            + Exploring.traffic(protocol, ports)
            + " in "
            + network.name()
            + ": "
            + Exploring.label(r.verdict()));
    List<String[]> rows = new ArrayList<>();
    int n = 1;
    for (Hop hop : r.hops()) {
      Optional<Resource> element =
          hop.element() == null ? Optional.empty() : network.model().resource(hop.element());
      rows.add(
          new String[] {
            n++ + ".",
            Exploring.label(hop.kind()),
            hop.element() == null ? "-" : hop.element().logicalId(),
            Exploring.location(hop.origin(), element).orElse("-"),
            Exploring.label(hop.verdict()),
            hop.detail()
          });
    }
    if (rows.isEmpty()) {
      out.println("  (no hops evaluated)");
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < widths.length; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      out.println(line.append(row[5]).toString().stripTrailing());
    }
    if (!r.reason().isBlank()) {
      out.println("  " + r.reason());
    }
  }
}
