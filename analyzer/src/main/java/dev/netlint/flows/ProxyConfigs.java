package dev.netlint.flows;

import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.model.HostFacts;
import dev.netlint.model.IpProtocol;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.ProxyConfiguration;
import dev.netlint.model.ProxyConfiguration.Software;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The proxies user data configures, as flow inference uses them: the {@linkplain
 * HostFacts#proxies() proxies of the host facts} ({@link ProxyConfiguration}, read from HAProxy,
 * nginx and socat configurations with the rest of the user data) with their ports as {@link
 * PortRange}s and each line as messages quote it. Nothing here reads configuration text.
 */
final class ProxyConfigs {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

  /** A port a proxy, or a load balancer listener, listens on. */
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
    for (ResourceId owner : model.allUserData().keySet()) {
      Resource source = model.resource(owner).orElse(null);
      HostFacts facts = model.hostFacts(owner).orElse(null);
      if (source == null || facts == null || facts.proxies().isEmpty()) {
        continue;
      }
      List<ProxyConfig> configs = new ArrayList<>();
      for (ProxyConfiguration p : facts.proxies()) {
        configs.add(config(source, p));
      }
      found.put(source.id(), configs);
    }
    return found;
  }

  private static ProxyConfig config(Resource source, ProxyConfiguration p) {
    List<Listen> listens = new ArrayList<>();
    for (ProxyConfiguration.Listen l : p.listens()) {
      Protocol protocol = l.protocol() == IpProtocol.UDP ? Protocol.UDP : Protocol.TCP;
      listens.add(new Listen(protocol, PortRange.of(l.port()), quoted(p, l.line(), false)));
    }
    List<Upstream> upstreams = new ArrayList<>();
    for (ProxyConfiguration.Upstream u : p.upstreams()) {
      upstreams.add(
          new Upstream(
              u.host(),
              u.literalHost(),
              new PortRange(u.port(), u.port()),
              quoted(p, u.line(), true),
              u.origin()));
    }
    return new ProxyConfig(source, p.software().label(), p.file(), listens, upstreams);
  }

  /**
   * A line as messages quote it: {@code HAProxy 'bind *:5432'}, {@code nginx 'proxy_pass ...' in
   * /etc/nginx/conf.d/app.conf} for an upstream; a socat command alone, quoted.
   */
  private static String quoted(ProxyConfiguration p, String line, boolean inFile) {
    if (p.software() == Software.SOCAT) {
      return "'" + line + "'";
    }
    return p.software().label() + " '" + line + "'" + (inFile ? " in " + p.file() : "");
  }
}
