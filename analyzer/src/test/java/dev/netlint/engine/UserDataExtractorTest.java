package dev.netlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.model.HostFacts;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.ScriptLine;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Stack;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.parse.userdata.UserDataReader;
import dev.netlint.parse.userdata.facts.HostFactsExtractor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** NL004: what of the user data netlint does not analyze, reported at the UserData key. */
class UserDataExtractorTest {

  private static final SourceLocation KEY = new SourceLocation("t.yaml", 12, 7);
  private static final Origin AT =
      new Origin(KEY, List.of("Resources", "Nat", "Properties", "UserData"));
  private static final ResourceId NAT = new ResourceId("S", "Nat");
  private static final Stack STACK =
      new Stack(
          "S",
          "t.yaml",
          null,
          Map.of(
              "Nat",
              new Resource(
                  NAT,
                  ResourceTypes.INSTANCE,
                  Map.of(),
                  new Origin(new SourceLocation("t.yaml", 8, 3), List.of("Resources", "Nat")),
                  "S/Nat",
                  null,
                  true,
                  List.of())),
          Map.of());

  private static List<Finding> findings(UserData ud) {
    return UserDataExtractor.notAnalyzed(STACK, Map.of(NAT, ud));
  }

  private static UserData read(String script) {
    return UserDataReader.read(new Value.Text(script, AT), AT);
  }

  @Test
  void eachUnparsedLineIsAnInfoFindingAtTheUserDataKey() {
    List<Finding> found =
        findings(read("#!/bin/bash\necho 'unterminated\niptables -o eth0 -j MASQUERADE\n"));
    assertThat(found).hasSize(1);
    Finding f = found.get(0);
    assertThat(f.ruleId()).isEqualTo("NL004");
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.location()).isEqualTo(KEY);
    assertThat(f.templatePath()).isEqualTo(AT.templatePath());
    assertThat(f.logicalId()).isEqualTo("Nat");
    assertThat(f.resourceType()).isEqualTo(ResourceTypes.INSTANCE);
    assertThat(f.constructPath()).isEqualTo("S/Nat");
    assertThat(f.message())
        .isEqualTo(
            "user data of Nat: script line 2 cannot be read as shell and is not analyzed:"
                + " echo 'unterminated");
    assertThat(f.properties()).containsExactly(Map.entry("scriptLine", "2"));
  }

  @Test
  void theLineOfAMultipartArchiveNamesItsPart() {
    String mime =
        "Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n--B\n"
            + "Content-Type: text/x-shellscript\n\n#!/bin/bash\nfi\necho ok\n--B--\n";
    Finding f = findings(read(mime)).get(0);
    assertThat(f.properties()).containsEntry("scriptLine", "8").containsEntry("part", "part 1");
    assertThat(f.message()).contains("script line 8 (part 1)");
  }

  @Test
  void aCleanScriptHasNone() {
    assertThat(findings(read("#!/bin/bash\nsysctl -w net.ipv4.ip_forward=1\n"))).isEmpty();
  }

  @Test
  void windowsAndDeployTimeUserDataAreReportedOnce() {
    assertThat(findings(read("<powershell>\nGet-Date\n</powershell>")))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("Windows <powershell> block"))
        .satisfies(f -> assertThat(f.properties()).containsEntry("format", "windows"));
    UserData opaque =
        UserDataReader.read(new Value.Symbolic(Value.Symbolic.Kind.PARAMETER, "Script", AT), AT);
    assertThat(findings(opaque))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("is not known before deploy"))
        .satisfies(f -> assertThat(f.properties()).containsEntry("format", "opaque"));
  }

  @Test
  void manyUnparsedLinesEndInOneFindingForTheRest() {
    String script =
        String.join("\n", IntStream.rangeClosed(1, 25).mapToObj(i -> "fi").toList()) + "\n";
    List<Finding> found = findings(read(script));
    assertThat(found).hasSize(UserDataExtractor.MAX_LINE_FINDINGS + 1);
    Finding rest = found.get(found.size() - 1);
    assertThat(rest.message())
        .isEqualTo(
            "user data of Nat: 5 more script lines from line 21 cannot be read as shell and are"
                + " not analyzed");
    assertThat(rest.properties()).containsEntry("scriptLine", "21");
  }

  /** Issue 7: a failure of host-fact extraction was silent; it is an NL004 naming the line. */
  @Test
  void aHostFactsFailureIsAnInfoFindingNamingTheScriptLine() {
    UserData ud = read("#!/bin/bash\necho hi\niptables -F\n");
    Map<ResourceId, HostFacts> facts = new TreeMap<>();
    HostFacts unread =
        new HostFacts(
            List.of(),
            List.of(),
            HostFacts.Forwarding.NOT_SET,
            List.of(),
            Set.of(HostFacts.Topic.values()));

    List<Finding> found =
        UserDataExtractor.hostFacts(
            List.of(STACK),
            Map.of(NAT, ud),
            facts,
            data ->
                new HostFactsExtractor.Extraction(
                    unread,
                    new HostFactsExtractor.Failure(
                        new ScriptLine(3, ""), "IllegalStateException: injected")));

    assertThat(facts).containsEntry(NAT, unread);
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("NL004");
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.location()).isEqualTo(KEY);
              assertThat(f.message())
                  .contains("user data of Nat: netlint failed at script line 3")
                  .contains("IllegalStateException: injected");
              assertThat(f.properties()).containsEntry("scriptLine", "3");
            });
  }

  @Test
  void hostFactsThatReadCleanlyGiveNoFinding() {
    Map<ResourceId, HostFacts> facts = new TreeMap<>();
    List<Finding> found =
        UserDataExtractor.hostFacts(
            List.of(STACK),
            Map.of(NAT, read("#!/bin/bash\nsysctl -w net.ipv4.ip_forward=1\n")),
            facts);
    assertThat(found).isEmpty();
    assertThat(facts.get(NAT).ipv4Forwarding().state())
        .isEqualTo(HostFacts.Forwarding.State.ENABLED);
  }
}
