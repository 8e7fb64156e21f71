package dev.netlint.flows;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.Verdict;
import dev.netlint.flows.Pieces.Piece;
import dev.netlint.flows.ProxyConfigs.Listen;
import dev.netlint.model.DataStore;
import dev.netlint.model.EcsService;
import dev.netlint.model.LambdaFunction;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.TaskDefinition;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Workloads handed another resource's address must reach it: Lambda functions in a VPC through
 * {@code Environment.Variables}, ECS services through their task definition's container {@code
 * Environment} and {@code Secrets}, instances and Auto Scaling groups through user data (their own,
 * or their launch template's or launch configuration's). The port is the one handed beside the
 * address (a literal after it, {@code host:5432}; a sibling variable such as {@code DB_PORT} with a
 * literal value), else the ports the target listens on (narrowed by the URL scheme, {@code
 * https://}, when one of them matches), else the URL scheme's port. An address without any port
 * netlint can name implies no flow. An RDS Proxy must also reach the databases of its target group.
 */
final class AddressFlows {

  private static final Pattern PORT_AFTER = Pattern.compile("^:(\\d{1,5})(?!\\d)");
  private static final Pattern NAME_BEFORE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)[\"']?\\s*[=:]\\s*[\"']?$");
  private static final Pattern SCHEME_BEFORE =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://[^\\s/'\"]*$");
  private static final Pattern ADDRESS_SUFFIX =
      Pattern.compile(
          "(?i)^(.*?)[_.-]?(HOST|HOSTNAME|ENDPOINT|ADDRESS|ADDR|SERVER|URL|URI|IP|DNS|DNS_?NAME)$");

  /** A named value or text a workload gets: an environment variable, or user data. */
  private record Entry(@Nullable String name, List<Piece> pieces, String where) {}

  private final Workloads workloads;
  private final NetworkModel model;
  private final Targets targets;
  private final List<Flow> out;

  AddressFlows(Workloads workloads, Targets targets, List<Flow> out) {
    this.workloads = workloads;
    this.model = workloads.model();
    this.targets = targets;
    this.out = out;
  }

  void infer() {
    for (Resource fn : model.resourcesOfType(ResourceTypes.LAMBDA_FUNCTION)) {
      LambdaFunction function = model.lambdaFunction(fn.id()).orElse(null);
      if (function != null && function.vpcConfig() && function.environmentVariables() != null) {
        List<Entry> entries = new ArrayList<>();
        function
            .environmentVariables()
            .forEach((k, v) -> entries.add(new Entry(k, Pieces.of(v), "its environment")));
        scope(fn, entries);
      }
    }
    for (Resource service : model.resourcesOfType(ResourceTypes.ECS_SERVICE)) {
      Optional<TaskDefinition> task =
          model
              .ecsService(service.id())
              .map(EcsService::taskDefinition)
              .flatMap(model::taskDefinition);
      if (task.isPresent()) {
        for (TaskDefinition.Container container : task.get().containers()) {
          String where =
              "the environment of container "
                  + (container.name() == null ? "?" : container.name().render())
                  + " of "
                  + task.get().resource().logicalId();
          List<Entry> entries = new ArrayList<>();
          named(container.environment(), "Value", where, entries);
          named(container.secrets(), "ValueFrom", where, entries);
          scope(service, entries);
        }
      }
    }
    for (String type : List.of(ResourceTypes.INSTANCE, ResourceTypes.AUTO_SCALING_GROUP)) {
      for (Resource w : model.resourcesOfType(type)) {
        for (Resource source : workloads.launchSources(w)) {
          Value ud = Workloads.userData(source);
          if (ud != null) {
            scope(
                w,
                List.of(new Entry(null, Pieces.of(ud), "the user data of " + source.logicalId())));
          }
        }
      }
    }
    for (Resource group : model.resourcesOfType(ResourceTypes.DB_PROXY_TARGET_GROUP)) {
      Optional<DataStore> store = model.dataStore(group.id());
      Optional<Resource> proxy =
          store
              .map(DataStore::proxy)
              .flatMap(model::resource)
              .filter(r -> r.type().equals(ResourceTypes.DB_PROXY));
      if (proxy.isEmpty()) {
        continue;
      }
      for (Value id : store.get().proxyTargets()) {
        Optional<Resource> db = model.referencedResource(id).flatMap(model::resource);
        if (db.isEmpty()) {
          continue;
        }
        for (Listen l : targets.knownPorts(db.get()).ports()) {
          out.add(
              flow(
                  proxy.get(),
                  db.get(),
                  l.protocol(),
                  l.ports(),
                  Flow.Kind.ADDRESS_REFERENCE,
                  "RDS Proxy "
                      + proxy.get().logicalId()
                      + " forwards to "
                      + db.get().logicalId()
                      + " (target group "
                      + group.logicalId()
                      + "); port "
                      + l.ports()
                      + ": "
                      + l.how(),
                  id.origin()));
        }
      }
    }
  }

  private static void named(@Nullable Value list, String valueKey, String where, List<Entry> into) {
    if (list instanceof Value.ListValue l) {
      for (Value item : l.items()) {
        if (item instanceof Value.MapValue m && m.get("Name") != null) {
          Optional<String> name = m.get("Name").literal();
          if (name.isPresent()) {
            into.add(new Entry(name.get(), Pieces.of(m.get(valueKey)), where));
          }
        }
      }
    }
  }

  private void scope(Resource source, List<Entry> entries) {
    for (Entry entry : entries) {
      List<Piece> pieces = entry.pieces();
      for (int i = 0; i < pieces.size(); i++) {
        Piece piece = pieces.get(i);
        if (piece.isLiteral()) {
          continue;
        }
        Optional<Targets.Address> address = targets.address(piece.value());
        if (address.isEmpty() || address.get().target().id().equals(source.id())) {
          continue;
        }
        String before =
            i > 0 && pieces.get(i - 1).isLiteral() ? lastLine(pieces.get(i - 1).text()) : "";
        String after =
            i + 1 < pieces.size() && pieces.get(i + 1).isLiteral() ? pieces.get(i + 1).text() : "";
        String name = entry.name();
        if (name == null) {
          Matcher m = NAME_BEFORE.matcher(before);
          name = m.find() ? m.group(1) : null;
        }
        Matcher scheme = SCHEME_BEFORE.matcher(before);
        infer(
            source,
            address.get(),
            piece.value().origin(),
            entry,
            entries,
            name,
            scheme.find() ? scheme.group(1) : null,
            after);
      }
    }
  }

  private void infer(
      Resource source,
      Targets.Address address,
      Origin origin,
      Entry entry,
      List<Entry> entries,
      @Nullable String name,
      @Nullable String scheme,
      String after) {
    Resource target = address.target();
    Targets.Known known = targets.knownPorts(target);
    Flow.Kind kind = known.proxy() ? Flow.Kind.PROXY_CLIENT : Flow.Kind.ADDRESS_REFERENCE;
    String handed =
        source.logicalId()
            + " gets "
            + address.via()
            + " in "
            + (entry.name() != null
                ? entry.name() + " (" + entry.where() + ")"
                : name != null ? name + " (" + entry.where() + ")" : entry.where());
    Matcher explicit = PORT_AFTER.matcher(after);
    Optional<Integer> port = explicit.find() ? Ports.parse(explicit.group(1)) : Optional.empty();
    if (port.isPresent()) {
      out.add(
          flow(
              source,
              target,
              Protocol.TCP,
              PortRange.of(port.get()),
              kind,
              handed + "; port " + port.get() + " follows the address",
              origin));
      return;
    }
    Optional<String[]> sibling =
        name == null ? Optional.empty() : siblingPort(name, entry, entries);
    if (sibling.isPresent()) {
      int p = Integer.parseInt(sibling.get()[1]);
      out.add(
          flow(
              source,
              target,
              Protocol.TCP,
              PortRange.of(p),
              kind,
              handed + "; port " + p + " from " + sibling.get()[0],
              origin));
      return;
    }
    Optional<Integer> schemePort = scheme == null ? Optional.empty() : Ports.schemePort(scheme);
    List<Listen> ports = known.ports();
    if (schemePort.isPresent()) {
      List<Listen> matching =
          ports.stream().filter(l -> l.ports().contains(PortRange.of(schemePort.get()))).toList();
      if (!matching.isEmpty()) {
        ports = matching;
      } else if (!ports.isEmpty()) {
        // https://lb/... to a load balancer that listens on 80 only: the URL names a port the
        // target does not serve (often a link in a message, not a connection): no flow to infer.
        return;
      }
    }
    if (ports.isEmpty() && schemePort.isPresent()) {
      out.add(
          flow(
              source,
              target,
              Protocol.TCP,
              PortRange.of(schemePort.get()),
              kind,
              handed + "; port " + schemePort.get() + " from its " + scheme + ":// scheme",
              origin));
      return;
    }
    for (Listen l : ports) {
      out.add(
          flow(
              source,
              target,
              l.protocol(),
              l.ports(),
              kind,
              handed
                  + "; "
                  + target.logicalId()
                  + " listens on "
                  + l.protocol().label()
                  + "/"
                  + l.ports()
                  + " ("
                  + l.how()
                  + ")",
              origin));
    }
  }

  /**
   * The port variable beside an address variable ({@code DB_PORT} beside {@code DB_HOST}) when its
   * value is a literal port: name and port.
   */
  private static Optional<String[]> siblingPort(String name, Entry entry, List<Entry> entries) {
    Matcher m = ADDRESS_SUFFIX.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    String prefix = m.group(1);
    if (entry.name() != null) {
      for (Entry other : entries) {
        String key = other.name();
        if (key == null) {
          continue;
        }
        boolean sibling =
            prefix.isEmpty()
                ? key.equalsIgnoreCase("PORT")
                : key.equalsIgnoreCase(prefix + "_PORT")
                    || key.equalsIgnoreCase(prefix + "PORT")
                    || key.equalsIgnoreCase(prefix + "-PORT")
                    || key.equalsIgnoreCase(prefix + ".PORT");
        if (sibling && other.pieces().size() == 1 && other.pieces().get(0).isLiteral()) {
          Optional<Integer> port = Ports.parse(other.pieces().get(0).text());
          if (port.isPresent()) {
            return Optional.of(new String[] {key, Integer.toString(port.get())});
          }
        }
      }
      return Optional.empty();
    }
    Pattern p =
        Pattern.compile(
            "(?i)(?<![A-Za-z0-9_])("
                + (prefix.isEmpty() ? "" : Pattern.quote(prefix) + "[_.-]?")
                + "PORT)[\"']?\\s*[=:]\\s*[\"']?(\\d{1,5})(?![\\d.])");
    for (Piece piece : entry.pieces()) {
      if (piece.isLiteral()) {
        Matcher found = p.matcher(piece.text());
        if (found.find() && Ports.parse(found.group(2)).isPresent()) {
          return Optional.of(new String[] {found.group(1), found.group(2)});
        }
      }
    }
    return Optional.empty();
  }

  private static String lastLine(String text) {
    int nl = text.lastIndexOf('\n');
    return nl < 0 ? text : text.substring(nl + 1);
  }

  static Flow flow(
      Resource source,
      Resource target,
      Protocol protocol,
      PortRange ports,
      Flow.Kind kind,
      String evidence,
      Origin origin) {
    return new Flow(
        new Endpoint.Workload(source.id()),
        new Endpoint.Workload(target.id()),
        protocol,
        ports,
        kind,
        Verdict.REACHABLE,
        evidence,
        origin);
  }
}
