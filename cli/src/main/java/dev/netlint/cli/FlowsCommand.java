package dev.netlint.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Verdict;
import dev.netlint.engine.Exploration;
import dev.netlint.engine.Network;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code netlint flows PATH...}: every flow the templates imply and every flow {@code
 * .netlint.yaml} declares, with its verdict.
 */
@Command(
    name = "flows",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = {
      "Lists every flow the templates imply (an app handed a database's address, a load balancer"
          + " and its targets, proxies, NAT instances, Systems Manager) and every flow declared in"
          + " .netlint.yaml, with its verdict: reachable, blocked or unknown."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no flow contradicts its expectation",
      "1:some flow is blocked that must be reachable, or reachable that must be blocked",
      "2:usage error, missing path, or unreadable input (NL001)",
      "3:internal error (a bug in netlint)"
    })
final class FlowsCommand implements Callable<Integer> {
  private final Engine engine;
  private final OutputStream stdout;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Template files, directories, cdk.out cloud assemblies.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format = "text";

  @Option(
      names = "--base-dir",
      paramLabel = "DIR",
      description =
          "Name files relative to DIR and look for .netlint.yaml up to it (default: the working"
              + " directory).")
  @Nullable Path baseDir;

  @Mixin DebugOption debug = new DebugOption();

  FlowsCommand(Engine engine, OutputStream stdout) {
    this.engine = engine;
    this.stdout = stdout;
  }

  /** A flow and its answer. */
  private record Checked(Network network, Flow flow, ReachResult result) {
    /**
     * Isolation ({@code expect: blocked}) is about any traffic getting through, from any subnet or
     * address of the source; other expectations are about all of it.
     */
    Verdict checked() {
      return isolation() ? result.anyTraffic() : result.verdict();
    }

    boolean isolation() {
      return flow.expected() == Verdict.BLOCKED;
    }

    boolean violated() {
      return checked() != Verdict.UNKNOWN && checked() != flow.expected();
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Exploration exploration = Exploring.explore(engine, paths, baseDir, err);
    if (exploration == null) {
      err.flush();
      return ExitCode.USAGE_OR_INPUT;
    }
    List<Checked> checked = new ArrayList<>();
    for (Network network : exploration.networks()) {
      for (Flow flow : network.flows()) {
        checked.add(
            new Checked(
                network,
                flow,
                network
                    .reachability()
                    .reach(flow.source(), flow.destination(), flow.protocol(), flow.ports())));
      }
    }
    if (format.equals("json")) {
      out.flush();
      json(exploration, checked);
    } else {
      text(out, exploration, checked);
    }
    out.flush();
    err.flush();
    if (Exploring.unreadable(exploration)) {
      return ExitCode.USAGE_OR_INPUT;
    }
    return checked.stream().anyMatch(Checked::violated) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private static void text(PrintWriter out, Exploration exploration, List<Checked> checked) {
    for (Network network : exploration.networks()) {
      List<Checked> mine = checked.stream().filter(c -> c.network() == network).toList();
      out.println(network.name() + ": " + mine.size() + (mine.size() == 1 ? " flow" : " flows"));
      for (Checked c : mine) {
        Flow f = c.flow();
        out.println(
            "  "
                + Exploring.name(f.source())
                + " -> "
                + Exploring.name(f.destination())
                + " "
                + Exploring.traffic(f.protocol(), f.ports())
                + "  "
                + Exploring.label(f.kind())
                + "  expect "
                + Exploring.label(f.expected())
                + "  "
                + Exploring.label(c.checked())
                + (c.violated() ? "  VIOLATED" : ""));
        out.println("      " + f.evidence() + " (" + f.origin().location() + ")");
        if (c.isolation()) {
          isolation(out, c);
          continue;
        }
        Optional<Hop> blocking = c.result().blockingHop();
        if (c.result().verdict() == Verdict.BLOCKED && blocking.isPresent()) {
          Hop h = blocking.get();
          out.println(
              "      blocked at "
                  + Exploring.label(h.kind())
                  + (h.element() == null ? "" : " " + h.element().logicalId())
                  + ": "
                  + h.detail());
        } else if (c.result().verdict() != Verdict.REACHABLE && !c.result().reason().isBlank()) {
          out.println("      " + c.result().reason());
        }
      }
    }
  }

  /**
   * What an isolation check looked at, and when it fails whether all of the traffic gets through or
   * only some of it, and where the rest stops.
   */
  private static void isolation(PrintWriter out, Checked c) {
    String checked =
        "      checked that no "
            + Exploring.traffic(c.flow().protocol(), c.flow().ports())
            + " gets through from any subnet or address of "
            + Exploring.name(c.flow().source())
            + subnets(c.network(), c.flow().source());
    ReachResult r = c.result();
    Optional<Hop> blocking = r.blockingHop();
    switch (c.checked()) {
      case BLOCKED -> {
        out.println(checked + ": none does");
        blocking.ifPresent(h -> out.println("      blocked at " + at(h)));
      }
      case UNKNOWN -> {
        out.println(checked + ": unknown");
        out.println("      " + r.reason());
      }
      case REACHABLE -> {
        if (r.verdict() == Verdict.REACHABLE) {
          out.println(checked + ": all of it does");
        } else if (r.verdict() == Verdict.BLOCKED && blocking.isPresent()) {
          out.println(checked + ": some of it does; the rest is blocked at " + at(blocking.get()));
        } else {
          out.println(checked + ": some of it does; the rest: " + r.reason());
        }
      }
    }
  }

  /** {@code (subnets AppSubnetA, AppSubnetB)} for a workload placed in subnets, else empty. */
  private static String subnets(Network network, Endpoint source) {
    if (!(source instanceof Endpoint.Workload w)) {
      return "";
    }
    List<String> subnets =
        network.model().workload(w.resource()).stream()
            .flatMap(x -> x.interfaces().stream())
            .flatMap(i -> i.subnetIds().stream())
            .map(ResourceId::logicalId)
            .distinct()
            .sorted()
            .toList();
    return subnets.isEmpty() ? "" : " (subnets " + String.join(", ", subnets) + ")";
  }

  /** {@code security-group-ingress DbSg: no ingress rule of DbSg allows ...}. */
  private static String at(Hop h) {
    return Exploring.label(h.kind())
        + (h.element() == null ? "" : " " + h.element().logicalId())
        + ": "
        + h.detail();
  }

  private void json(Exploration exploration, List<Checked> checked) throws IOException {
    ObjectMapper mapper =
        new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode networks = root.putArray("networks");
    for (Network network : exploration.networks()) {
      ObjectNode n = networks.addObject();
      n.put("name", network.name());
      ArrayNode flows = n.putArray("flows");
      for (Checked c : checked) {
        if (c.network() != network) {
          continue;
        }
        Flow f = c.flow();
        ObjectNode o = flows.addObject();
        o.put("source", Exploring.qualifiedName(f.source()));
        o.put("destination", Exploring.qualifiedName(f.destination()));
        o.put("protocol", f.protocol().label());
        o.put("fromPort", f.ports().from());
        o.put("toPort", f.ports().to());
        o.put("kind", Exploring.label(f.kind()));
        o.put("expected", Exploring.label(f.expected()));
        o.put("verdict", Exploring.label(c.result().verdict()));
        o.put("anyTraffic", Exploring.label(c.result().anyTraffic()));
        o.put("violated", c.violated());
        o.put("evidence", f.evidence());
        ObjectNode origin = o.putObject("origin");
        origin.put("file", f.origin().location().file());
        origin.put("line", f.origin().location().line());
        origin.put("column", f.origin().location().column());
        o.put("reason", c.result().reason());
        ArrayNode hops = o.putArray("hops");
        for (Hop h : c.result().hops()) {
          ObjectNode hop = hops.addObject();
          hop.put("kind", Exploring.label(h.kind()));
          Optional<Resource> element =
              h.element() == null ? Optional.empty() : network.model().resource(h.element());
          if (h.element() != null) {
            hop.put("element", h.element().stack() + "/" + h.element().logicalId());
          }
          Exploring.location(h.origin(), element).ifPresent(l -> hop.put("location", l));
          hop.put("verdict", Exploring.label(h.verdict()));
          hop.put("detail", h.detail());
        }
      }
    }
    // The layout of netlint's JSON report: "key": value, \n line ends whatever the platform.
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    mapper.writer(printer).writeValue(stdout, root);
    stdout.write('\n');
    stdout.flush();
  }

  static final class FormatConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      if (!v.equals("text") && !v.equals("json")) {
        throw new TypeConversionException("'" + value + "' is not a format: use text or json");
      }
      return v;
    }
  }
}
