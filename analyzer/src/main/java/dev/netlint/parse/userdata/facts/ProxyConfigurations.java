package dev.netlint.parse.userdata.facts;

import dev.netlint.model.IpProtocol;
import dev.netlint.model.Origin;
import dev.netlint.model.ProxyConfiguration;
import dev.netlint.model.ProxyConfiguration.Listen;
import dev.netlint.model.ProxyConfiguration.Software;
import dev.netlint.model.ProxyConfiguration.Upstream;
import dev.netlint.model.ScriptLine;
import dev.netlint.model.ShellCommand;
import dev.netlint.model.ShellWord;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the proxies user data configures ({@link ProxyConfiguration}): an HAProxy configuration
 * ({@code bind}, {@code listen}, {@code server}) or an nginx configuration ({@code listen}, {@code
 * upstream} servers, {@code proxy_pass}) written by a here-document (or {@code tee}) to a file
 * whose path names {@code haproxy} or {@code nginx}, and {@code socat TCP-LISTEN:port ...
 * TCP:host:port} commands, in script order. Deploy-time values in a here-document body are the user
 * data's {@linkplain UserData#placeholders() placeholders}.
 *
 * <p>See the <a href="https://docs.haproxy.org/2.8/configuration.html">HAProxy configuration
 * manual</a>, <a href="https://nginx.org/en/docs/http/ngx_http_proxy_module.html">nginx's proxy
 * module</a> and <a href="http://www.dest-unreach.org/socat/doc/socat.html">socat's manual</a>.
 */
final class ProxyConfigurations {

  private static final Pattern PLACEHOLDER =
      Pattern.compile(UserData.PLACEHOLDER_START + "(\\d{1,9})" + UserData.PLACEHOLDER_END);
  private static final Pattern URL =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/:]+|\\[[^]]*\\])(?::(\\d{1,5}))?(?:/.*)?$");

  /** A server or target before HAProxy's "the port the client connected to" is filled in. */
  private static final int NO_PORT = 0;

  private ProxyConfigurations() {}

  /** The proxies {@code userData} configures, in script order. */
  static List<ProxyConfiguration> read(UserData userData) {
    List<ProxyConfiguration> found = new ArrayList<>();
    for (ShellCommand c : userData.commands()) {
      config(c, userData.placeholders(), userData.origin()).ifPresent(found::add);
    }
    return found;
  }

  private static Optional<ProxyConfiguration> config(
      ShellCommand c, List<Value> table, Origin origin) {
    ScriptLine at = new ScriptLine(c.line(), c.part());
    if (c.program().filter(p -> p.equals("socat")).isPresent()) {
      return socat(c, at, origin);
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
        return Optional.of(haproxy(file, body, table, origin, at));
      }
      if (lower.contains("nginx")) {
        return Optional.of(nginx(file, body, table, origin, at));
      }
    }
    return Optional.empty();
  }

  private static ProxyConfiguration haproxy(
      String file, String body, List<Value> table, Origin origin, ScriptLine at) {
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
              port(address).ifPresent(p -> listens.add(new Listen(IpProtocol.TCP, p, shown)));
            }
          }
        }
        case "listen" -> {
          if (t.size() >= 3) {
            port(t.get(2)).ifPresent(p -> listens.add(new Listen(IpProtocol.TCP, p, shown)));
          }
        }
        case "server" -> {
          if (t.size() >= 3) {
            servers.add(upstream(t.get(2), null, table, shown, origin));
          }
        }
        default -> {}
      }
    }
    List<Upstream> upstreams = new ArrayList<>();
    for (Upstream s : servers) {
      if (s.port() == NO_PORT) {
        // A server without a port gets the port the client connected to.
        for (Listen l : listens) {
          upstreams.add(new Upstream(s.host(), s.literalHost(), l.port(), s.line(), s.origin()));
        }
      } else {
        upstreams.add(s);
      }
    }
    return new ProxyConfiguration(Software.HAPROXY, file, listens, upstreams, at);
  }

  private static ProxyConfiguration nginx(
      String file, String body, List<Value> table, Origin origin, ScriptLine at) {
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
            int protocol = t.contains("udp") ? IpProtocol.UDP : IpProtocol.TCP;
            port(t.get(1)).ifPresent(p -> listens.add(new Listen(protocol, p, shown)));
          }
        }
        case "server" -> {
          if (upstreamDepth >= 0 && t.size() >= 3) {
            upstreams.add(upstream(t.get(1), 80, table, shown, origin));
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
                        : proxyPassPort(m.group(1)).orElse(NO_PORT);
                if (port > 0 && port <= 65535) {
                  upstreams.add(upstream(m.group(2), port, table, shown, origin));
                }
              }
            } else if (!upstreamNames.contains(target) && target.contains(":")) {
              upstreams.add(upstream(target, null, table, shown, origin));
            }
          }
        }
        default -> {}
      }
    }
    upstreams.removeIf(u -> u.port() == NO_PORT);
    return new ProxyConfiguration(Software.NGINX, file, listens, upstreams, at);
  }

  /**
   * The port a {@code proxy_pass} URL without one goes to: {@code proxy_pass} speaks {@code http}
   * and {@code https} only (<a
   * href="https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass">proxy_pass</a>).
   */
  private static Optional<Integer> proxyPassPort(String scheme) {
    return switch (scheme.toLowerCase(Locale.ROOT)) {
      case "http" -> Optional.of(80);
      case "https" -> Optional.of(443);
      default -> Optional.empty();
    };
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

  private static Optional<ProxyConfiguration> socat(ShellCommand c, ScriptLine at, Origin origin) {
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
          text.append(UserData.PLACEHOLDER_START)
              .append(table.size())
              .append(UserData.PLACEHOLDER_END);
          table.add(p.value());
        } else {
          text.append('?');
        }
      }
      String address = text.toString();
      int comma = address.indexOf(',');
      String head = comma < 0 ? address : address.substring(0, comma);
      String upper = head.toUpperCase(Locale.ROOT);
      int protocol = upper.startsWith("UDP") ? IpProtocol.UDP : IpProtocol.TCP;
      if (upper.matches("(TCP|UDP)[46]?-LISTEN:\\d+")) {
        port(head).ifPresent(p -> listens.add(new Listen(protocol, p, shown)));
      } else if (upper.matches("(TCP|UDP)[46]?:.+:\\d+")) {
        upstreams.add(upstream(head.substring(head.indexOf(':') + 1), null, table, shown, origin));
      }
    }
    if (listens.isEmpty() || upstreams.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ProxyConfiguration(Software.SOCAT, "socat", listens, upstreams, at));
  }

  /**
   * An upstream from {@code host[:port]}; with no port, {@code defaultPort}, or {@link #NO_PORT}
   * when that is null too (the caller fills it in).
   */
  private static Upstream upstream(
      String hostPort,
      @Nullable Integer defaultPort,
      List<Value> table,
      String line,
      Origin origin) {
    String host = hostPort;
    int port = defaultPort == null ? NO_PORT : defaultPort;
    int colon = hostPort.lastIndexOf(':');
    if (colon > 0 && hostPort.substring(colon + 1).matches("\\d{1,5}")) {
      host = hostPort.substring(0, colon);
      port = Integer.parseInt(hostPort.substring(colon + 1));
    }
    if (port > 65535) {
      port = NO_PORT;
    }
    Matcher m = PLACEHOLDER.matcher(host);
    if (m.matches()) {
      int index = Integer.parseInt(m.group(1));
      if (index < table.size()) {
        Value v = table.get(index);
        return new Upstream(v, null, port, line, v.origin());
      }
    }
    if (host.indexOf(UserData.PLACEHOLDER_START) >= 0) {
      return new Upstream(null, null, port, line, origin);
    }
    return new Upstream(null, host, port, line, origin);
  }

  /** The port of {@code [address:]port}, 1 to 65535; empty for anything else. */
  private static Optional<Integer> port(String address) {
    int colon = address.lastIndexOf(':');
    String p = colon < 0 ? address : address.substring(colon + 1);
    if (!p.matches("\\d{1,5}")) {
      return Optional.empty();
    }
    int port = Integer.parseInt(p);
    return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
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
  private static String show(String line, List<Value> table) {
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
