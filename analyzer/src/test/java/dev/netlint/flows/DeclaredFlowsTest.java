package dev.netlint.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.Verdict;
import dev.netlint.engine.Analysis;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.engine.Exploration;
import dev.netlint.model.ResourceId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .netlint.yaml}: found, read, resolved, and its problems reported as NL005. */
class DeclaredFlowsTest {
  @TempDir Path dir;

  private static final String TEMPLATE =
      """
      Resources:
        App:
          Type: AWS::EC2::Instance
          Metadata: {aws:cdk:path: AppStack/App/Resource}
          Properties: {ImageId: ami-12345678}
        Db:
          Type: AWS::RDS::DBInstance
          Properties: {Engine: postgres}
      """;

  private Exploration explore(Path... inputs) {
    return Analysis.explore(List.of(inputs), new AnalysisOptions(dir, Severity.INFO));
  }

  private static List<Flow> declared(Exploration e) {
    return e.networks().stream()
        .flatMap(n -> n.flows().stream())
        .filter(f -> f.kind() == Flow.Kind.DECLARED)
        .toList();
  }

  private static List<String> nl005(List<Finding> findings) {
    return findings.stream()
        .filter(f -> f.ruleId().equals("NL005"))
        .map(f -> f.location() + " " + f.message())
        .toList();
  }

  @Test
  void flowsNextToTheTemplateAreResolvedByLogicalIdAndConstructPath() throws IOException {
    Path t = Files.writeString(dir.resolve("app.yaml"), TEMPLATE);
    Files.writeString(
        dir.resolve(".netlint.yaml"),
        """
        flows:
          - from: AppStack/App
            to: Db
            port: 5432
            expect: reachable
          - {from: Db, to: internet, port: "1024-65535", protocol: udp, expect: blocked}
        """);

    Exploration e = explore(t);

    assertThat(nl005(e.findings())).isEmpty();
    List<Flow> flows = declared(e);
    assertThat(flows).hasSize(2);
    Flow first = flows.get(0);
    assertThat(first.source()).isEqualTo(new Endpoint.Workload(new ResourceId("app", "App")));
    assertThat(first.destination()).isEqualTo(new Endpoint.Workload(new ResourceId("app", "Db")));
    assertThat(first.ports()).isEqualTo(PortRange.of(5432));
    assertThat(first.expected()).isEqualTo(Verdict.REACHABLE);
    assertThat(first.origin().location().file()).isEqualTo(".netlint.yaml");
    assertThat(first.origin().location().line()).isEqualTo(2);
    assertThat(first.evidence())
        .isEqualTo("declared in .netlint.yaml:2:5: AppStack/App -> Db tcp/5432 expect reachable");
    Flow second = flows.get(1);
    assertThat(second.destination()).isEqualTo(new Endpoint.Internet());
    assertThat(second.protocol()).isEqualTo(Protocol.UDP);
    assertThat(second.ports()).isEqualTo(new PortRange(1024, 65535));
    assertThat(second.expected()).isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void malformedEntriesAreNl005WithTheirLineAndTheOthersStillCount() throws IOException {
    Path t = Files.writeString(dir.resolve("app.yaml"), TEMPLATE);
    Files.writeString(
        dir.resolve(".netlint.yaml"),
        """
        flows:
          - from: App
            to: Db
            port: 5432
          - from: App
            to: Db
            port: seventy
          - from: App
            port: 1
          - from: App
            to: Db
            port: 1
            expect: maybe
          - from: App
            to: Db
            port: 1
            protocol: gre
          - from: Ghost
            to: Db
            port: 1
        flow: []
        """);

    AnalysisResult result =
        Analysis.run(List.of(t), List.of(), new AnalysisOptions(dir, Severity.INFO));
    Exploration e = explore(t);

    assertThat(nl005(result.findings()))
        .containsExactly(
            ".netlint.yaml:7:11 port must be a port 0-65535 or a range such as 8000-8100, not"
                + " 'seventy'",
            ".netlint.yaml:8:5 a flow needs 'to'",
            ".netlint.yaml:13:13 expect must be reachable or blocked, not 'maybe'",
            ".netlint.yaml:17:15 protocol must be tcp, udp, icmp or all, not 'gre'",
            ".netlint.yaml:18:5 flow Ghost -> Db tcp/1 expect reachable: 'Ghost' names nothing in"
                + " the analyzed templates",
            ".netlint.yaml:21:1 unknown key 'flow' (known: exclude, flows, rules, severity, suppress)");
    assertThat(result.findings())
        .filteredOn(f -> f.ruleId().equals("NL005"))
        .allMatch(f -> f.severity() == Severity.ERROR);
    assertThat(declared(e)).hasSize(1);
    assertThat(result.rules())
        .anyMatch(r -> r.id().equals("NL005") && r.name().equals("invalid-configuration"));
  }

  @Test
  void brokenYamlIsOneFindingNotACrash() throws IOException {
    Path t = Files.writeString(dir.resolve("app.yaml"), TEMPLATE);
    Files.writeString(dir.resolve(".netlint.yaml"), "flows:\n  - from: [App\n");

    Exploration e = explore(t);

    assertThat(nl005(e.findings()))
        .singleElement()
        .asString()
        .startsWith(".netlint.yaml:")
        .contains("malformed YAML");
    assertThat(e.inputErrors()).isTrue();
  }

  @Test
  void anEmptyFileDeclaresNothing() throws IOException {
    Path t = Files.writeString(dir.resolve("app.yaml"), TEMPLATE);
    Files.writeString(dir.resolve(".netlint.yaml"), "");

    assertThat(explore(t).findings()).isEmpty();
  }

  @Test
  void aFlowAppliesToTheTemplateThatHoldsItsEndsAndIsReportedOnceWhenNoneDoes() throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), TEMPLATE);
    Path b =
        Files.writeString(
            dir.resolve("b.yaml"),
            "Resources:\n"
                + "  Cache:\n"
                + "    Type: AWS::ElastiCache::CacheCluster\n"
                + "    Properties: {Engine: redis}\n");
    Files.writeString(
        dir.resolve(".netlint.yaml"),
        "flows:\n  - {from: App, to: Db, port: 5432}\n  - {from: App, to: Cache, port: 6379}\n");

    Exploration e = explore(a, b);

    assertThat(e.networks()).hasSize(2);
    assertThat(e.networks().get(0).flows())
        .filteredOn(f -> f.kind() == Flow.Kind.DECLARED)
        .hasSize(1);
    assertThat(e.networks().get(1).flows())
        .filteredOn(f -> f.kind() == Flow.Kind.DECLARED)
        .isEmpty();
    assertThat(nl005(e.findings()))
        .containsExactly(
            ".netlint.yaml:3:5 flow App -> Cache tcp/6379 expect reachable: 'App' and 'Cache' are"
                + " in different templates or cloud assemblies, which netlint analyzes apart");
  }

  @Test
  void theNearestFileWinsWalkingUpToTheBaseDirectory() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("infra/stacks"));
    Path t = Files.writeString(sub.resolve("app.yaml"), TEMPLATE);
    Files.writeString(dir.resolve(".netlint.yaml"), "flows:\n  - {from: App, to: Db, port: 1}\n");
    Files.writeString(
        dir.resolve("infra/.netlint.yaml"), "flows:\n  - {from: App, to: Db, port: 2}\n");

    assertThat(NetlintConfig.find(sub, dir)).contains(dir.resolve("infra/.netlint.yaml"));
    assertThat(declared(explore(t))).extracting(Flow::ports).containsExactly(PortRange.of(2));
    assertThat(NetlintConfig.find(Path.of("/"), dir)).contains(dir.resolve(".netlint.yaml"));
  }
}
