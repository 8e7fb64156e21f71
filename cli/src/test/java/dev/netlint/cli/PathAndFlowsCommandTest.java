package dev.netlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Reachability;
import dev.netlint.api.reach.Verdict;
import dev.netlint.engine.Analysis;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.engine.Exploration;
import dev.netlint.engine.Network;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.ResourceId;
import dev.netlint.model.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netlint path} and {@code netlint flows} over a real model and a canned reachability. */
class PathAndFlowsCommandTest {
  @TempDir Path dir;
  private Path template;
  private NetworkModel model;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static final String TEMPLATE =
      """
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties: {CidrBlock: 10.0.0.0/16}
        Subnet:
          Type: AWS::EC2::Subnet
          Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
        AppSg:
          Type: AWS::EC2::SecurityGroup
          Properties: {GroupDescription: app, VpcId: !Ref Vpc}
        DbSg:
          Type: AWS::EC2::SecurityGroup
          Properties: {GroupDescription: db, VpcId: !Ref Vpc}
        Db:
          Type: AWS::RDS::DBInstance
          Properties: {Engine: postgres, DBInstanceClass: db.t4g.micro, AllocatedStorage: "20"}
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Runtime: nodejs20.x
            Handler: index.handler
            Role: arn:aws:iam::123456789012:role/r
            Code: {ZipFile: "exports.handler = async () => 1"}
            VpcConfig: {SubnetIds: [!Ref Subnet], SecurityGroupIds: [!Ref AppSg]}
            Environment:
              Variables:
                DB_HOST: !GetAtt Db.Endpoint.Address
      """;

  @BeforeEach
  void load() throws IOException {
    template = Files.writeString(dir.resolve("network.yaml"), TEMPLATE);
    Exploration real = Analysis.explore(List.of(template), new AnalysisOptions(dir, Severity.INFO));
    model = real.networks().get(0).model();
  }

  private static ResourceId id(String logicalId) {
    return new ResourceId("network", logicalId);
  }

  private static Reachability answering(ReachResult result) {
    return new Reachability() {
      @Override
      public ReachResult reach(Endpoint s, Endpoint d, Protocol p, PortRange r) {
        return result;
      }

      @Override
      public List<Endpoint.Workload> workloads() {
        return List.of();
      }
    };
  }

  private static final ReachResult BLOCKED =
      new ReachResult(
          Verdict.BLOCKED,
          List.of(
              new Hop(
                  Hop.Kind.SECURITY_GROUP_EGRESS,
                  id("AppSg"),
                  null,
                  Verdict.REACHABLE,
                  "AppSg egress allows all traffic to 0.0.0.0/0"),
              new Hop(
                  Hop.Kind.SECURITY_GROUP_INGRESS,
                  id("DbSg"),
                  new Origin(new SourceLocation("network.yaml", 12, 7), List.of()),
                  Verdict.BLOCKED,
                  "DbSg ingress has no rule for tcp/5432 from AppSg")),
          "blocked at the ingress of DbSg");

  private static final ReachResult REACHABLE = new ReachResult(Verdict.REACHABLE, List.of(), "");

  private static final ReachResult UNKNOWN =
      new ReachResult(Verdict.UNKNOWN, List.of(), "DbSg is a parameter");

  private FakeEngine engine(ReachResult result, List<Flow> flows, Finding... findings) {
    return FakeEngine.exploring(
        new Exploration(
            List.of(new Network("network.yaml", model, answering(result), flows)),
            List.of(findings)));
  }

  private int run(Engine engine, String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        engine);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String[] path(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("path", template.toString(), "--from", "Fn", "--to", "Db"));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  @Test
  void aBlockedPathPrintsEachHopWithItsElementAndLineAndExitsOne() {
    int code = run(engine(BLOCKED, List.of()), path("--port", "5432"));

    assertThat(code).isEqualTo(ExitCode.FINDINGS);
    assertThat(out())
        .startsWith("Fn -> Db tcp/5432 in network.yaml: blocked\n")
        .contains("  1.  security-group-egress   AppSg  network.yaml:")
        .contains(
            "  2.  security-group-ingress  DbSg   network.yaml:12:7  blocked    DbSg ingress has no"
                + " rule for tcp/5432 from AppSg\n")
        .endsWith("  blocked at the ingress of DbSg\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void reachableExitsZeroAndUnknownExitsFour() {
    assertThat(run(engine(REACHABLE, List.of()), path("--port", "5432"))).isEqualTo(ExitCode.OK);
    assertThat(out())
        .contains("Fn -> Db tcp/5432 in network.yaml: reachable", "(no hops evaluated)");
    out.reset();

    assertThat(run(engine(UNKNOWN, List.of()), path("--port", "5432"))).isEqualTo(ExitCode.UNKNOWN);
    assertThat(out()).contains(": unknown", "DbSg is a parameter");
  }

  @Test
  void endsAreNamedByConstructPathStackQualifiedIdOrSpecialNames() {
    int code =
        run(
            engine(REACHABLE, List.of()),
            "path",
            template.toString(),
            "--from",
            "network/Fn",
            "--to",
            "internet",
            "--protocol",
            "icmp");

    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(out()).startsWith("Fn -> internet icmp in network.yaml: reachable");
  }

  @Test
  void anEndThatNamesNothingIsAUsageError() {
    int code =
        run(
            engine(REACHABLE, List.of()),
            "path",
            template.toString(),
            "--from",
            "Nope",
            "--to",
            "Db",
            "-p",
            "1");

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("no analyzed template or cloud assembly holds both 'Nope' and 'Db'");
  }

  @Test
  void tcpWithoutAPortAndABadPortAreUsageErrors() {
    FakeEngine engine = engine(REACHABLE, List.of());

    assertThat(run(engine, path())).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("--port is required for tcp");
    assertThat(run(engine, path("--port", "70000"))).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("'70000' is not a port");
    assertThat(run(engine, path("--port", "1", "--protocol", "gre")))
        .isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(engine.inputs).isEmpty();
  }

  @Test
  void unreadableInputStopsThePath() {
    Finding nl001 =
        new Finding(
            "NL001",
            Severity.ERROR,
            "malformed YAML",
            null,
            new SourceLocation("bad.yaml", 3, 1),
            List.of(),
            null,
            null,
            null,
            null,
            Map.of());

    int code = run(engine(REACHABLE, List.of(), nl001), path("--port", "5432"));

    assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err()).contains("bad.yaml:3:1: NL001 malformed YAML", "cannot be traced");
  }

  private static Flow flow(Verdict expected, Flow.Kind kind) {
    return new Flow(
        new Endpoint.Workload(id("Fn")),
        new Endpoint.Workload(id("Db")),
        Protocol.TCP,
        PortRange.of(5432),
        kind,
        expected,
        "Fn gets Db.Endpoint.Address in DB_HOST",
        new Origin(new SourceLocation("network.yaml", 26, 18), List.of()));
  }

  @Test
  void flowsListsEveryFlowWithItsVerdictAndExitsOneOnAViolation() {
    int code =
        run(
            engine(BLOCKED, List.of(flow(Verdict.REACHABLE, Flow.Kind.ADDRESS_REFERENCE))),
            "flows",
            template.toString());

    assertThat(code).isEqualTo(ExitCode.FINDINGS);
    assertThat(out())
        .isEqualTo(
            "network.yaml: 1 flow\n"
                + "  Fn -> Db tcp/5432  address-reference  expect reachable  blocked  VIOLATED\n"
                + "      Fn gets Db.Endpoint.Address in DB_HOST (network.yaml:26:18)\n"
                + "      blocked at security-group-ingress DbSg: DbSg ingress has no rule for"
                + " tcp/5432 from AppSg\n");
  }

  @Test
  void flowsThatHoldOrAreUnknownExitZero() {
    assertThat(
            run(
                engine(BLOCKED, List.of(flow(Verdict.BLOCKED, Flow.Kind.DECLARED))),
                "flows",
                template.toString()))
        .isEqualTo(ExitCode.OK);
    assertThat(
            run(
                engine(UNKNOWN, List.of(flow(Verdict.REACHABLE, Flow.Kind.ADDRESS_REFERENCE))),
                "flows",
                template.toString()))
        .isEqualTo(ExitCode.OK);
    assertThat(out()).contains("expect reachable  unknown\n", "      DbSg is a parameter\n");
  }

  @Test
  void anIsolationCheckFailsWhenSomeOfTheTrafficGetsThroughAndSaysWhatItChecked() {
    ReachResult partly =
        new ReachResult(BLOCKED.verdict(), BLOCKED.hops(), BLOCKED.reason(), Verdict.REACHABLE);

    int code =
        run(
            engine(partly, List.of(flow(Verdict.BLOCKED, Flow.Kind.DECLARED))),
            "flows",
            template.toString());

    assertThat(code).isEqualTo(ExitCode.FINDINGS);
    assertThat(out())
        .isEqualTo(
            "network.yaml: 1 flow\n"
                + "  Fn -> Db tcp/5432  declared  expect blocked  reachable  VIOLATED\n"
                + "      Fn gets Db.Endpoint.Address in DB_HOST (network.yaml:26:18)\n"
                + "      checked that no tcp/5432 gets through from any subnet or address of Fn"
                + " (subnets Subnet): some of it does; the rest is blocked at"
                + " security-group-ingress DbSg: DbSg ingress has no rule for tcp/5432 from"
                + " AppSg\n");
  }

  @Test
  void anIsolationThatHoldsSaysWhatItChecked() {
    int code =
        run(
            engine(BLOCKED, List.of(flow(Verdict.BLOCKED, Flow.Kind.DECLARED))),
            "flows",
            template.toString());

    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(out())
        .contains(
            "  Fn -> Db tcp/5432  declared  expect blocked  blocked\n",
            "      checked that no tcp/5432 gets through from any subnet or address of Fn"
                + " (subnets Subnet): none does\n"
                + "      blocked at security-group-ingress DbSg: DbSg ingress has no rule for"
                + " tcp/5432 from AppSg\n");
  }

  @Test
  void flowsAsJsonNameEndsAsTheCommandLineAcceptsThem() throws IOException {
    int code =
        run(
            engine(BLOCKED, List.of(flow(Verdict.REACHABLE, Flow.Kind.ADDRESS_REFERENCE))),
            "flows",
            "--format",
            "JSON",
            template.toString());

    assertThat(code).isEqualTo(ExitCode.FINDINGS);
    JsonNode root = new ObjectMapper().readTree(out());
    JsonNode f = root.get("networks").get(0).get("flows").get(0);
    assertThat(root.get("networks").get(0).get("name").asText()).isEqualTo("network.yaml");
    assertThat(f.get("source").asText()).isEqualTo("network/Fn");
    assertThat(f.get("destination").asText()).isEqualTo("network/Db");
    assertThat(f.get("fromPort").asInt()).isEqualTo(5432);
    assertThat(f.get("kind").asText()).isEqualTo("address-reference");
    assertThat(f.get("verdict").asText()).isEqualTo("blocked");
    assertThat(f.get("anyTraffic").asText()).isEqualTo("blocked");
    assertThat(f.get("violated").asBoolean()).isTrue();
    assertThat(f.get("origin").get("line").asInt()).isEqualTo(26);
    assertThat(f.get("hops").get(1).get("element").asText()).isEqualTo("network/DbSg");
    assertThat(f.get("hops").get(1).get("location").asText()).isEqualTo("network.yaml:12:7");
    assertThat(out()).endsWith("}\n").doesNotContain("\r");
  }

  @Test
  void theBuiltInEngineInfersFlowsFromTheTemplate() {
    int code =
        Main.run(
            new String[] {"flows", "--base-dir", dir.toString(), template.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isIn(ExitCode.OK, ExitCode.FINDINGS);
    assertThat(out())
        .startsWith("network.yaml: 1 flow\n")
        .contains("  Fn -> Db tcp/5432  address-reference  expect reachable  ")
        .contains("Fn gets Db.Endpoint.Address in DB_HOST (its environment)");
  }

  @Test
  void helpListsThePathAndFlowsCommands() {
    assertThat(run(engine(REACHABLE, List.of()), "--help")).isZero();
    assertThat(out()).contains("path", "flows");
  }
}
