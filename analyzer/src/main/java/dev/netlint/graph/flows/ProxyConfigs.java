package dev.netlint.graph.flows;

import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ShellCommand;
import dev.netlint.model.ShellWord;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Proxies configured in user data: an HAProxy configuration ({@code bind}, {@code listen}, {@code
 * server}) or an nginx configuration ({@code listen}, {@code upstream} servers, {@code proxy_pass})
 * written by a here-document to a file under {@code haproxy} or {@code nginx}, and {@code socat
 * TCP-LISTEN:port ... TCP:host:port} commands. The upstream host is usually a deploy-time value
 * ({@code ${Db.Endpoint.Address}}).
 *
 * <p>See the <a href="https://docs.haproxy.org/2.8/configuration.html">HAProxy configuration
 * manual</a> and <a href="https://nginx.org/en/docs/http/ngx_http_proxy_module.html">nginx's proxy
 * module</a>.
 */
final class ProxyConfigs {

  static final char PLACEHOLDER_START = UserData.PLACEHOLDER_START;

  static final char PLACEHOLDER_END = UserData.PLACEHOLDER_END;

  private static final Pattern PLACEHOLDER =
      Pattern.compile(PLACEHOLDER_START + "(\\d{1,9})" + PLACEHOLDER_END);
  private static final Pattern URL =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/:]+|\\[[^]]*\\])(?::(\\d{1,5}))?(?:/.*)?$");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

  /** A port a proxy listens on. */
  record Listen(Protocol protocol, PortRange ports, String how) {}

  /**
   * An upstream a proxy forwards to.
   *
   * @param host the deploy-time value that names the host, or null
   * @param literalHost the host as written when it is literal, or null
   * @param ports the ports it forwards to
   * @param how the configuration line, for messages
   * @param origin the template element that implies it
   */
  record Upstream(
      @Nullable Value host,
      @Nullable String literalHost,
      PortRange ports,
      String how,
      Origin origin) {

    /** The host as a literal IPv4 address, when it is one. */
    Optional<String> ipv4() {
      return literalHost != null && IPV4.matcher(literalHost).matches()
          ? Optional.of(literalHost)
          : Optional.empty();
    }
  }

  /**
   * One proxy configuration.
   *
   * @param source the instance, launch template or launch configuration whose user data holds it
   * @param software {@code HAProxy}, {@code nginx} or {@code socat}
   * @param file the configuration file, or the command
   * @param listens the ports it listens on
   * @param upstreams where it forwards
   */
  record ProxyConfig(
      Resource source,
      String software,
      String file,
      List<Listen> listens,
      List<Upstream> upstreams) {
    ProxyConfig {
      listens = List.copyOf(listens);
      upstreams = List.copyOf(upstreams);
    }
  }

  private ProxyConfigs() {}

  /** The proxy configurations in user data, by the resource that holds the user data. */
  static Map<ResourceId, List<ProxyConfig>> read(NetworkModel model) {
    Map<ResourceId, List<ProxyConfig>> found = new LinkedHashMap<>();
    for (Map.Entry<ResourceId, UserData> e : model.allUserData().entrySet()) {
      Resource source = model.resource(e.getKey()).orElse(null);
      Value raw = source == null ? null : Workloads.userData(source);
      if (source == null || raw == null) {
        continue;
      }
      List<Value> table = Pieces.placeholders(raw);
      List<ProxyConfig> configs = new ArrayList<>();
      for (ShellCommand c : e.getValue().commands()) {
        config(source, c, table, e.getValue().origin()).ifPresent(configs::add);
      }
      if (!configs.isEmpty()) {
        found.put(source.id(), configs);
      }
    }
    return found;
  }

  private static Optional<ProxyConfig> config(
      Resource source, ShellCommand c, List<Value> table, Origin origin) {
    if (c.program().filter(p -> p.equals("socat")).isPresent()) {
      return socat(source, c, origin);
    }
    String body = c.hereDocument().orElse(null);
    if (body == null) {
      return Optional.empty();
    }
    List<ShellWord> files = new ArrayList<>(c.writtenFiles());
    if (c.program().filter(p -> p.equals("tee")).isPresent()) {
      files.addAll(c.arguments());
    }
    for (ShellWord w : files) {
      String file = w.display();
      String lower = file.toLowerCase(Locale.ROOT);
      if (lower.contains("haproxy")) {
        return Optional.of(haproxy(source, file, body, table, origin));
      }
      if (lower.contains("nginx")) {
        return Optional.of(nginx(source, file, body, table, origin));
      }
    }
    return Optional.empty();
  }

  private static ProxyConfig haproxy(
      Resource source, String file, String body, List<Value> table, Origin origin) {
    List<Listen> listens = new ArrayList<>();
    List<Upstream> servers = new ArrayList<>();
    for (String line : body.split("\n")) {
      List<String> t = tokens(line);
      if (t.isEmpty()) {
        continue;
      }
      String shown = show(line, table);
      switch (t.get(0)) {
        case "bind" -> {
          if (t.size() >= 2) {
            for (String address : t.get(1).split(",")) {
              port(address)
                  .ifPresent(
                      p -> listens.add(new Listen(Protocol.TCP, p, "HAProxy '" + shown + "'")));
            }
          }
        }
        case "listen" -> {
          if (t.size() >= 3) {
            port(t.get(2))
                .ifPresent(
                    p -> listens.add(new Listen(Protocol.TCP, p, "HAProxy '" + shown + "'")));
          }
        }
        case "server" -> {
          if (t.size() >= 3) {
            servers.add(
                upstream(t.get(2), null, table, "HAProxy '" + shown + "' in " + file, origin));
          }
        }
        default -> {}
      }
    }
    List<Upstream> upstreams = new ArrayList<>();
    for (Upstream s : servers) {
      if (s.ports().from() == 0 && s.ports().to() == 0) {
        // A server without a port gets the port the client connected to.
        for (Listen l : listens) {
          upstreams.add(new Upstream(s.host(), s.literalHost(), l.ports(), s.how(), s.origin()));
        }
      } else {
        upstreams.add(s);
      }
    }
    return new ProxyConfig(source, "HAProxy", file, listens, upstreams);
  }

  private static ProxyConfig nginx(
      Resource source, String file, String body, List<Value> table, Origin origin) {
    List<List<String>> statements = statements(body);
    Set<String> upstreamNames = new HashSet<>();
    for (List<String> t : statements) {
      if (t.size() >= 3 && t.get(0).equals("upstream") && t.get(t.size() - 1).equals("{")) {
        upstreamNames.add(t.get(1));
      }
    }
    List<Listen> listens = new ArrayList<>();
    List<Upstream> upstreams = new ArrayList<>();
    int depth = 0;
    int upstreamDepth = -1;
    for (List<String> t : statements) {
      String last = t.get(t.size() - 1);
      if (last.equals("}")) {
        depth--;
        if (depth <= upstreamDepth) {
          upstreamDepth = -1;
        }
        continue;
      }
      String shown = show(String.join(" ", t.subList(0, t.size() - 1)), table);
      String how = "nginx '" + shown + "' in " + file;
      if (last.equals("{")) {
        if (t.get(0).equals("upstream")) {
          upstreamDepth = depth;
        }
        depth++;
        continue;
      }
      switch (t.get(0)) {
        case "listen" -> {
          if (t.size() >= 3) {
            Protocol protocol = t.contains("udp") ? Protocol.UDP : Protocol.TCP;
            port(t.get(1))
                .ifPresent(p -> listens.add(new Listen(protocol, p, "nginx '" + shown + "'")));
          }
        }
        case "server" -> {
          if (upstreamDepth >= 0 && t.size() >= 3) {
            upstreams.add(upstream(t.get(1), 80, table, how, origin));
          }
        }
        case "proxy_pass" -> {
          if (t.size() >= 3) {
            String target = t.get(1);
            Matcher m = URL.matcher(target);
            if (m.matches()) {
              if (!upstreamNames.contains(m.group(2))) {
                int port =
                    m.group(3) != null
                        ? Integer.parseInt(m.group(3))
                        : Ports.schemePort(m.group(1)).orElse(0);
                if (port > 0 && port <= 65535) {
                  upstreams.add(upstream(m.group(2), port, table, how, origin));
                }
              }
            } else if (!upstreamNames.contains(target) && target.contains(":")) {
              upstreams.add(upstream(target, null, table, how, origin));
            }
          }
        }
        default -> {}
      }
    }
    upstreams.removeIf(u -> u.ports().from() == 0);
    return new ProxyConfig(source, "nginx", file, listens, upstreams);
  }

  /**
   * The statements of an nginx configuration, each ending in its terminator: {@code ;}, {@code {}
   * (a block opens) or {@code }} (a block closes, alone).
   */
  private static List<List<String>> statements(String body) {
    List<List<String>> statements = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : body.split("\n")) {
      int hash = line.indexOf('#');
      String text = hash < 0 ? line : line.substring(0, hash);
      text = text.replace(";", " ; ").replace("{", " { ").replace("}", " } ");
      for (String token : text.strip().split("\\s+")) {
        if (token.isEmpty()) {
          continue;
        }
        if (token.equals("}")) {
          if (!current.isEmpty()) {
            current.add(";");
            statements.add(current);
            current = new ArrayList<>();
          }
          statements.add(List.of("}"));
        } else {
          current.add(token);
          if (token.equals(";") || token.equals("{")) {
            statements.add(current);
            current = new ArrayList<>();
          }
        }
      }
    }
    return statements;
  }

  private static Optional<ProxyConfig> socat(Resource source, ShellCommand c, Origin origin) {
    List<Listen> listens = new ArrayList<>();
    List<Upstream> upstreams = new ArrayList<>();
    String shown = String.join(" ", c.words().stream().map(ShellWord::display).toList());
    for (ShellWord w : c.arguments()) {
      List<Value> table = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (ShellWord.Segment s : w.segments()) {
        if (s instanceof ShellWord.Literal l) {
          text.append(l.text());
        } else if (s instanceof ShellWord.Placeholder p) {
          text.append(PLACEHOLDER_START).append(table.size()).append(PLACEHOLDER_END);
          table.add(p.value());
        } else {
          text.append('?');
        }
      }
      String address = text.toString();
      int comma = address.indexOf(',');
      String head = comma < 0 ? address : address.substring(0, comma);
      String upper = head.toUpperCase(Locale.ROOT);
      Protocol protocol = upper.startsWith("UDP") ? Protocol.UDP : Protocol.TCP;
      if (upper.matches("(TCP|UDP)[46]?-LISTEN:\\d+")) {
        port(head).ifPresent(p -> listens.add(new Listen(protocol, p, "'" + shown + "'")));
      } else if (upper.matches("(TCP|UDP)[46]?:.+:\\d+")) {
        upstreams.add(
            upstream(
                head.substring(head.indexOf(':') + 1), null, table, "'" + shown + "'", origin));
      }
    }
    if (listens.isEmpty() || upstreams.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ProxyConfig(source, "socat", "socat", listens, upstreams));
  }

  /**
   * An upstream from {@code host[:port]}; with no port, {@code defaultPort}, or port 0 when that is
   * null too (the caller fills it in).
   */
  private static Upstream upstream(
      String hostPort,
      @Nullable Integer defaultPort,
      List<Value> table,
      String how,
      Origin origin) {
    String host = hostPort;
    int port = defaultPort == null ? 0 : defaultPort;
    int colon = hostPort.lastIndexOf(':');
    if (colon > 0 && hostPort.substring(colon + 1).matches("\\d{1,5}")) {
      host = hostPort.substring(0, colon);
      port = Integer.parseInt(hostPort.substring(colon + 1));
    }
    PortRange ports = port > 65535 ? new PortRange(0, 0) : new PortRange(port, port);
    Matcher m = PLACEHOLDER.matcher(host);
    if (m.matches()) {
      int index = Integer.parseInt(m.group(1));
      if (index < table.size()) {
        Value v = table.get(index);
        return new Upstream(v, null, ports, how, v.origin());
      }
    }
    if (host.indexOf(PLACEHOLDER_START) >= 0) {
      return new Upstream(null, null, ports, how, origin);
    }
    return new Upstream(null, host, ports, how, origin);
  }

  /** The port of {@code [address:]port}; empty for anything else. */
  private static Optional<PortRange> port(String address) {
    int colon = address.lastIndexOf(':');
    String p = colon < 0 ? address : address.substring(colon + 1);
    if (!p.matches("\\d{1,5}")) {
      return Optional.empty();
    }
    int port = Integer.parseInt(p);
    return port >= 1 && port <= 65535 ? Optional.of(PortRange.of(port)) : Optional.empty();
  }

  private static List<String> tokens(String line) {
    int hash = line.indexOf('#');
    String text = hash < 0 ? line : line.substring(0, hash);
    List<String> t = new ArrayList<>();
    for (String s : text.strip().split("\\s+")) {
      if (!s.isEmpty()) {
        t.add(s);
      }
    }
    return t;
  }

  /** A configuration line as a person reads it: placeholders as {@code ${Db.Endpoint.Address}}. */
  static String show(String line, List<Value> table) {
    Matcher m = PLACEHOLDER.matcher(line.strip());
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int index = Integer.parseInt(m.group(1));
      String shown = index < table.size() ? table.get(index).render() : "${?}";
      m.appendReplacement(sb, Matcher.quoteReplacement(shown));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
