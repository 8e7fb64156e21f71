package dev.netlint.parse.userdata.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.HostFacts;
import dev.netlint.model.IpProtocol;
import dev.netlint.model.Origin;
import dev.netlint.model.ProxyConfiguration;
import dev.netlint.model.ProxyConfiguration.Listen;
import dev.netlint.model.ProxyConfiguration.Software;
import dev.netlint.model.ProxyConfiguration.Upstream;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ScriptLine;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Value;
import dev.netlint.parse.userdata.UserDataReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proxies of the host facts: HAProxy, nginx and socat, with typed ports and upstreams. */
class ProxyConfigurationsTest {
  private static final Origin AT =
      new Origin(new SourceLocation("t.yaml", 3, 7), List.of("Resources", "Proxy", "UserData"));
  private static final Origin DB_AT =
      new Origin(new SourceLocation("t.yaml", 9, 20), List.of("Resources", "Proxy", "UserData"));
  private static final Value DB_ADDRESS =
      new Value.Attribute(new ResourceId("t", "Db"), "Endpoint.Address", DB_AT);

  private static List<ProxyConfiguration> proxies(Value userData) {
    HostFacts facts = HostFactsExtractor.extract(UserDataReader.read(userData, AT));
    return facts.proxies();
  }

  private static List<ProxyConfiguration> proxies(String script) {
    return proxies(new Value.Text(script, AT));
  }

  @Test
  void haproxyBindAndServerWithADeployTimeHost() {
    Value script =
        new Value.Concat(
            List.of(
                new Value.Text(
                    "#!/bin/bash\n"
                        + "dnf install -y haproxy\n"
                        + "cat > /etc/haproxy/haproxy.cfg <<EOF\n"
                        + "frontend pg\n"
                        + "  bind *:5432\n"
                        + "  default_backend db\n"
                        + "backend db\n"
                        + "  server db1 ",
                    AT),
                DB_ADDRESS,
                new Value.Text(":5432 check\nEOF\n", AT)),
            AT);

    assertThat(proxies(script))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.software()).isEqualTo(Software.HAPROXY);
              assertThat(p.file()).isEqualTo("/etc/haproxy/haproxy.cfg");
              assertThat(p.at()).isEqualTo(new ScriptLine(3, ""));
              assertThat(p.listens())
                  .containsExactly(new Listen(IpProtocol.TCP, 5432, "bind *:5432"));
              assertThat(p.upstreams())
                  .containsExactly(
                      new Upstream(
                          DB_ADDRESS,
                          null,
                          5432,
                          "server db1 " + DB_ADDRESS.render() + ":5432 check",
                          DB_AT));
            });
  }

  @Test
  void anHaproxyServerWithoutAPortForwardsOnEachPortItListensOn() {
    List<ProxyConfiguration> found =
        proxies(
            "#!/bin/bash\n"
                + "cat > /etc/haproxy/haproxy.cfg <<'EOF'\n"
                + "listen app 0.0.0.0:8080\n"
                + "  bind :8443\n"
                + "  server app1 10.0.2.15\n"
                + "EOF\n");

    assertThat(found.get(0).upstreams())
        .extracting(Upstream::literalHost, Upstream::port)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("10.0.2.15", 8080),
            org.assertj.core.groups.Tuple.tuple("10.0.2.15", 8443));
  }

  @Test
  void nginxUpstreamServersAndProxyPassTargets() {
    List<ProxyConfiguration> found =
        proxies(
            "#!/bin/bash\n"
                + "tee /etc/nginx/conf.d/app.conf <<'EOF'\n"
                + "upstream app { server 10.0.1.10:8080; server backend.internal; }\n"
                + "server {\n"
                + "  listen 80;\n"
                + "  listen 53 udp;\n"
                + "  location / { proxy_pass http://app; }\n"
                + "  location /api { proxy_pass https://10.0.3.7; }\n"
                + "  location /raw { proxy_pass 10.0.3.8:9000; }\n"
                + "  location /db { proxy_pass postgres://10.0.3.9; }\n"
                + "}\n"
                + "EOF\n");

    ProxyConfiguration nginx = found.get(0);
    assertThat(nginx.software()).isEqualTo(Software.NGINX);
    assertThat(nginx.listens())
        .containsExactly(
            new Listen(IpProtocol.TCP, 80, "listen 80"),
            new Listen(IpProtocol.UDP, 53, "listen 53 udp"));
    assertThat(nginx.upstreams())
        .extracting(Upstream::literalHost, Upstream::port)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("10.0.1.10", 8080),
            org.assertj.core.groups.Tuple.tuple("backend.internal", 80),
            org.assertj.core.groups.Tuple.tuple("10.0.3.7", 443),
            org.assertj.core.groups.Tuple.tuple("10.0.3.8", 9000));
  }

  @Test
  void socatRelayWithADeployTimeHost() {
    Value script =
        new Value.Concat(
            List.of(
                new Value.Text("#!/bin/sh\nsocat TCP-LISTEN:15432,fork TCP:", AT),
                DB_ADDRESS,
                new Value.Text(":5432 &\n", AT)),
            AT);

    assertThat(proxies(script))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.software()).isEqualTo(Software.SOCAT);
              assertThat(p.at().line()).isEqualTo(2);
              assertThat(p.listens()).extracting(Listen::port).containsExactly(15432);
              assertThat(p.upstreams())
                  .singleElement()
                  .satisfies(
                      u -> {
                        assertThat(u.host()).isEqualTo(DB_ADDRESS);
                        assertThat(u.port()).isEqualTo(5432);
                        assertThat(u.origin()).isEqualTo(DB_AT);
                      });
            });
  }

  @Test
  void aConfigurationFileOfAnotherProgramOrASocatWithoutBothEndsIsNoProxy() {
    assertThat(
            proxies(
                "#!/bin/bash\n"
                    + "cat > /etc/app/app.conf <<'EOF'\nserver db 10.0.0.5:5432\nEOF\n"
                    + "socat TCP-LISTEN:80 STDOUT\n"))
        .isEmpty();
  }
}
