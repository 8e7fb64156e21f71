package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A proxy that user data sets up on its host: an HAProxy configuration ({@code bind}, {@code
 * listen}, {@code server}) or an nginx configuration ({@code listen}, {@code upstream} servers,
 * {@code proxy_pass}) that a here-document writes to a file, or a {@code socat TCP-LISTEN:port ...
 * TCP:host:port} relay. The upstream host is usually a deploy-time value ({@code
 * ${Db.Endpoint.Address}}).
 *
 * <p>See the <a href="https://docs.haproxy.org/2.8/configuration.html">HAProxy configuration
 * manual</a>, <a href="https://nginx.org/en/docs/http/ngx_http_proxy_module.html">nginx's proxy
 * module</a> and <a href="http://www.dest-unreach.org/socat/doc/socat.html">socat's manual</a>.
 *
 * @param software which proxy
 * @param file the configuration file as the script names it ({@code /etc/haproxy/haproxy.cfg}), or
 *     {@code socat} for a relay
 * @param listens the ports it listens on, in configuration order
 * @param upstreams where it forwards, in configuration order
 * @param at the script line of the command that writes the configuration or runs the relay
 */
public record ProxyConfiguration(
    Software software, String file, List<Listen> listens, List<Upstream> upstreams, ScriptLine at) {

  public ProxyConfiguration {
    listens = List.copyOf(listens);
    upstreams = List.copyOf(upstreams);
  }

  /** The proxies netlint reads. */
  public enum Software {
    HAPROXY("HAProxy"),
    NGINX("nginx"),
    SOCAT("socat");

    private final String label;

    Software(String label) {
      this.label = label;
    }

    /** The name as its authors write it: {@code HAProxy}, {@code nginx}, {@code socat}. */
    public String label() {
      return label;
    }
  }

  /**
   * A port the proxy listens on.
   *
   * @param protocol {@link IpProtocol#TCP} or {@link IpProtocol#UDP}
   * @param port 1 to 65535
   * @param line the configuration line (for socat, the command) as a person reads it, deploy-time
   *     values shown as {@code ${...}}
   */
  public record Listen(int protocol, int port, String line) {}

  /**
   * Where the proxy forwards.
   *
   * @param host the deploy-time value that names the host ({@code Db.Endpoint.Address}), or null
   * @param literalHost the host as written when it is literal text, or null (both are null for a
   *     host that mixes text and deploy-time values)
   * @param port the port it forwards to; 0 when the configuration names one above 65535
   * @param line the configuration line (for socat, the command) as a person reads it, deploy-time
   *     values shown as {@code ${...}}
   * @param origin where the host's deploy-time value stands in the template, else the user data
   */
  public record Upstream(
      @Nullable Value host, @Nullable String literalHost, int port, String line, Origin origin) {}
}
