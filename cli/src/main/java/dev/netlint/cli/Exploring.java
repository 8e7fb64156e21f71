package dev.netlint.cli;

import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.engine.Exploration;
import dev.netlint.engine.InputRules;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What {@code netlint path} and {@code netlint flows} share: loading the networks, naming. */
final class Exploring {
  private Exploring() {}

  /**
   * Checks the paths and the base directory, then loads the networks. Prints the input errors
   * ({@code NL001}, {@code NL005}) to {@code err}. Returns null, after saying why, on a usage
   * error.
   */
  static @Nullable Exploration explore(
      Engine engine, List<Path> paths, @Nullable Path baseDir, PrintWriter err) {
    Path workingDir = Path.of("").toAbsolutePath();
    List<Path> inputs = new ArrayList<>();
    boolean missing = false;
    for (Path path : paths) {
      if (path.toString().isEmpty()) {
        // Path.of("") is the working directory: an empty argument (an unset shell variable)
        // must not analyze everything there.
        err.println("netlint: \"\": an empty path names nothing to analyze");
        missing = true;
        continue;
      }
      Path absolute = workingDir.resolve(path).normalize();
      // Only a path known not to exist is refused here; the engine says why another cannot be
      // reached (a link to itself, a directory that may not be searched).
      if (Files.notExists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        err.println("netlint: " + path + ": no such file or directory");
        missing = true;
      }
      inputs.add(absolute);
    }
    Path base = baseDir == null ? workingDir : workingDir.resolve(baseDir).normalize();
    if (!Files.isDirectory(base)) {
      err.println("netlint: --base-dir " + baseDir + ": not a directory");
      missing = true;
    }
    if (missing) {
      return null;
    }
    Exploration exploration = engine.explore(inputs, new AnalysisOptions(base, Severity.INFO));
    for (Finding f : exploration.findings()) {
      if (f.ruleId().equals(InputRules.UNREADABLE_TEMPLATE.id())
          || f.ruleId().equals(InputRules.INVALID_CONFIGURATION.id())) {
        err.println("netlint: " + f.location() + ": " + f.ruleId() + " " + f.message());
      }
    }
    return exploration;
  }

  /** True when some input could not be read: the networks are incomplete. */
  static boolean unreadable(Exploration exploration) {
    return exploration.findings().stream()
        .anyMatch(f -> f.ruleId().equals(InputRules.UNREADABLE_TEMPLATE.id()));
  }

  /** An endpoint as people read it: a logical ID, {@code internet}, a CIDR, {@code aws:ssm}. */
  static String name(Endpoint endpoint) {
    if (endpoint instanceof Endpoint.Workload w) {
      return w.resource().logicalId();
    }
    if (endpoint instanceof Endpoint.AwsService s) {
      return "aws:" + s.name();
    }
    return endpoint.toString();
  }

  /**
   * An endpoint as {@code --from}, {@code --to} and {@code .netlint.yaml} accept it: {@code
   * Stack/LogicalId} for a workload.
   */
  static String qualifiedName(Endpoint endpoint) {
    if (endpoint instanceof Endpoint.Workload w) {
      return w.resource().stack() + "/" + w.resource().logicalId();
    }
    return name(endpoint);
  }

  /** {@code tcp/5432}, {@code icmp}, {@code all}. */
  static String traffic(Protocol protocol, PortRange ports) {
    if (protocol == Protocol.ICMP || (protocol == Protocol.ALL && ports.equals(PortRange.ALL))) {
      return protocol.label();
    }
    return protocol.label() + "/" + ports;
  }

  /** Where a hop's element stands: the hop's origin, else the element's definition. */
  static Optional<String> location(@Nullable Origin origin, Optional<Resource> element) {
    if (origin != null) {
      return Optional.of(origin.location().toString());
    }
    return element.map(r -> r.origin().location().toString());
  }

  /** A lower-case, hyphenated enum name: {@code security-group-ingress}. */
  static String label(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** {@code --port}: a port, or an inclusive range {@code 8000-8100}. */
  static final class PortRangeConverter implements ITypeConverter<PortRange> {
    @Override
    public PortRange convert(String value) {
      String v = value.strip();
      try {
        int dash = v.indexOf('-');
        if (dash > 0) {
          return new PortRange(
              Integer.parseInt(v.substring(0, dash).strip()),
              Integer.parseInt(v.substring(dash + 1).strip()));
        }
        return PortRange.of(Integer.parseInt(v));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a port 0-65535 or a range such as 8000-8100");
      }
    }
  }

  /** {@code --protocol}: tcp, udp, icmp or all (or their numbers). */
  static final class ProtocolConverter implements ITypeConverter<Protocol> {
    @Override
    public Protocol convert(String value) {
      try {
        return Protocol.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a protocol: use tcp, udp, icmp or all");
      }
    }
  }
}
