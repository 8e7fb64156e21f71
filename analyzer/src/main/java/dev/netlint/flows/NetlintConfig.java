package dev.netlint.flows;

import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.Origin;
import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.InputException;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.TemplateLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code .netlint.yaml} file: the flows a user declares.
 *
 * <pre>{@code
 * flows:
 *   - from: OrdersService      # logical ID, construct path, Stack/LogicalId, internet, CIDR, aws:ssm
 *     to: OrdersDb
 *     port: 5432               # a port, or a range "8000-8100"; optional for icmp and all
 *     protocol: tcp            # tcp (default), udp, icmp, all
 *     expect: reachable        # reachable (default) or blocked
 * }</pre>
 *
 * Reading never throws: what is wrong becomes a {@link Problem} with the file and line, and the
 * entries that are well formed are kept.
 */
public final class NetlintConfig {

  /** The configuration file's name. */
  public static final String FILE_NAME = ".netlint.yaml";

  // The other keys are read by dev.netlint.engine.config.FindingPolicy.
  private static final Set<String> TOP_KEYS =
      Set.of("exclude", "flows", "rules", "severity", "suppress");
  private static final Set<String> FLOW_KEYS = Set.of("from", "to", "port", "protocol", "expect");
  private static final Pattern RANGE = Pattern.compile("(\\d{1,5})\\s*-\\s*(\\d{1,5})");

  /**
   * A declared flow as written.
   *
   * @param from the source's name
   * @param to the destination's name
   * @param protocol the protocol
   * @param ports the destination ports, inclusive
   * @param expect the verdict that must hold
   * @param origin the entry in the file
   * @param fromAt where {@code from} is written
   * @param toAt where {@code to} is written
   */
  public record DeclaredFlow(
      String from,
      String to,
      Protocol protocol,
      PortRange ports,
      Verdict expect,
      Origin origin,
      SourceLocation fromAt,
      SourceLocation toAt) {

    /** {@code OrdersService -> OrdersDb tcp/5432 expect reachable}. */
    public String describe() {
      return from
          + " -> "
          + to
          + " "
          + protocol.label()
          + (protocol == Protocol.ICMP || (protocol == Protocol.ALL && ports.equals(PortRange.ALL))
              ? ""
              : "/" + ports)
          + " expect "
          + expect.name().toLowerCase(Locale.ROOT);
    }
  }

  /** Something wrong in the file. */
  public record Problem(String message, SourceLocation location) {}

  /**
   * A file as read.
   *
   * @param displayName the file as reports name it
   * @param flows the well-formed flow entries, in file order
   * @param problems what is wrong, in file order
   */
  public record Parsed(String displayName, List<DeclaredFlow> flows, List<Problem> problems) {
    public Parsed {
      flows = List.copyOf(flows);
      problems = List.copyOf(problems);
    }
  }

  private NetlintConfig() {}

  /**
   * The configuration file that applies to {@code input} (a template file, or a directory such as a
   * cloud assembly): {@link #find} from the file's directory, or from the directory itself; the
   * path absolute and normalized, so that every unit it applies to shares one key.
   */
  public static Optional<Path> forInput(Path input, Path base) {
    Path start = input.getParent() != null && !Files.isDirectory(input) ? input.getParent() : input;
    return find(start, base).map(p -> p.toAbsolutePath().normalize());
  }

  /**
   * The configuration that applies to inputs in {@code start}: the nearest {@value #FILE_NAME} from
   * {@code start} up to {@code base} when {@code start} is below {@code base}; otherwise in {@code
   * start}, its parent (the CDK project directory above {@code cdk.out}) or {@code base}.
   */
  public static Optional<Path> find(Path start, Path base) {
    Path dir = start.toAbsolutePath().normalize();
    Path top = base.toAbsolutePath().normalize();
    List<Path> candidates = new ArrayList<>();
    if (dir.startsWith(top)) {
      for (Path d = dir; d != null && d.startsWith(top); d = d.getParent()) {
        candidates.add(d);
      }
    } else {
      candidates.add(dir);
      if (dir.getParent() != null) {
        candidates.add(dir.getParent());
      }
      candidates.add(top);
    }
    for (Path d : new LinkedHashSet<>(candidates)) {
      Path file = d.resolve(FILE_NAME);
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /** Reads a configuration file; never throws. */
  public static Parsed read(Path file, String displayName) {
    Node.MapNode root;
    try {
      root = new TemplateLoader().parse(file, displayName);
    } catch (InputException e) {
      if (String.valueOf(e.getMessage()).equals("empty file")) {
        return new Parsed(displayName, List.of(), List.of());
      }
      return new Parsed(
          displayName,
          List.of(),
          List.of(new Problem(String.valueOf(e.getMessage()), e.location())));
    }
    return parse(root, displayName);
  }

  /** Reads a parsed configuration document. */
  static Parsed parse(Node.MapNode root, String displayName) {
    List<Problem> problems = new ArrayList<>();
    List<DeclaredFlow> flows = new ArrayList<>();
    unknownKeys(root, TOP_KEYS, problems);
    Node flowsNode = root.get("flows");
    if (flowsNode instanceof Node.ListNode list) {
      for (Node item : list.items()) {
        flow(item, problems).ifPresent(flows::add);
      }
    } else if (flowsNode != null && !isNull(flowsNode)) {
      problems.add(new Problem("'flows' must be a list of flows", flowsNode.origin().location()));
    }
    return new Parsed(displayName, flows, problems);
  }

  private static Optional<DeclaredFlow> flow(Node item, List<Problem> problems) {
    SourceLocation at = item.origin().location();
    if (!(item instanceof Node.MapNode m)) {
      problems.add(new Problem("a flow must be a mapping with from, to, port and expect", at));
      return Optional.empty();
    }
    int before = problems.size();
    unknownKeys(m, FLOW_KEYS, problems);
    String from = name(m, "from", problems);
    String to = name(m, "to", problems);
    Protocol protocol = Protocol.TCP;
    Node protocolNode = m.get("protocol");
    if (protocolNode != null) {
      try {
        protocol = Protocol.parse(scalar(protocolNode).orElse(""));
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                "protocol must be tcp, udp, icmp or all, not '"
                    + scalar(protocolNode).orElse("?")
                    + "'",
                protocolNode.origin().location()));
      }
    }
    PortRange ports = PortRange.ALL;
    Node portNode = m.get("port");
    if (portNode != null) {
      Optional<PortRange> parsed = scalar(portNode).flatMap(NetlintConfig::ports);
      if (parsed.isPresent()) {
        ports = parsed.get();
      } else {
        problems.add(
            new Problem(
                "port must be a port 0-65535 or a range such as 8000-8100, not '"
                    + scalar(portNode).orElse("?")
                    + "'",
                portNode.origin().location()));
      }
    } else if (protocol == Protocol.TCP || protocol == Protocol.UDP) {
      problems.add(
          new Problem("a " + protocol.label() + " flow needs a port", m.keyLocation("to")));
    }
    Verdict expect = Verdict.REACHABLE;
    Node expectNode = m.get("expect");
    if (expectNode != null) {
      String e = scalar(expectNode).orElse("").toLowerCase(Locale.ROOT);
      switch (e) {
        case "reachable" -> expect = Verdict.REACHABLE;
        case "blocked" -> expect = Verdict.BLOCKED;
        default ->
            problems.add(
                new Problem(
                    "expect must be reachable or blocked, not '"
                        + scalar(expectNode).orElse("?")
                        + "'",
                    expectNode.origin().location()));
      }
    }
    if (problems.size() > before || from == null || to == null) {
      return Optional.empty();
    }
    return Optional.of(
        new DeclaredFlow(
            from,
            to,
            protocol,
            ports,
            expect,
            item.origin(),
            m.keyLocation("from"),
            m.keyLocation("to")));
  }

  private static @Nullable String name(Node.MapNode m, String key, List<Problem> problems) {
    Node n = m.get(key);
    if (n == null) {
      problems.add(new Problem("a flow needs '" + key + "'", m.origin().location()));
      return null;
    }
    Optional<String> text = scalar(n).map(String::strip).filter(s -> !s.isEmpty());
    if (text.isEmpty()) {
      problems.add(
          new Problem(
              "'"
                  + key
                  + "' must name a resource (logical ID or construct path), internet, a CIDR"
                  + " or aws:SERVICE",
              n.origin().location()));
      return null;
    }
    return text.get();
  }

  private static Optional<PortRange> ports(String text) {
    String t = text.strip();
    Matcher range = RANGE.matcher(t);
    try {
      if (t.matches("\\d{1,5}")) {
        return Optional.of(PortRange.of(Integer.parseInt(t)));
      }
      if (range.matches()) {
        return Optional.of(
            new PortRange(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2))));
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static void unknownKeys(Node.MapNode m, Set<String> known, List<Problem> problems) {
    for (String key : m.entries().keySet()) {
      if (!known.contains(key)) {
        problems.add(
            new Problem(
                "unknown key '"
                    + key
                    + "' (known: "
                    + String.join(", ", known.stream().sorted().toList())
                    + ")",
                m.keyLocation(key)));
      }
    }
  }

  private static Optional<String> scalar(Node n) {
    if (n instanceof Node.ScalarNode s && s.kind() != Node.ScalarNode.Kind.NULL) {
      return Optional.ofNullable(s.text());
    }
    return Optional.empty();
  }

  private static boolean isNull(Node n) {
    return n instanceof Node.ScalarNode s && s.kind() == Node.ScalarNode.Kind.NULL;
  }
}
