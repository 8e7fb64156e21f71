package dev.netlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.api.AnalysisResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(AnalysisResult result) throws IOException {
    return MAPPER.readTree(Samples.render(Format.JSON, result));
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void topLevelShapeIsFixed() throws IOException {
    JsonNode root = json(Samples.mixed());
    assertThat(keys(root))
        .containsExactly("tool", "files", "inputErrors", "rules", "findings", "summary");
    assertThat(root.at("/tool/name").asText()).isEqualTo("netlint");
    assertThat(root.at("/tool/version").asText()).isEqualTo(Samples.VERSION);
    assertThat(root.get("files"))
        .extracting(JsonNode::asText)
        .containsExactly("broken.yaml", "cdk.out/NetStack.template.json", "clean.yaml", "web.yaml");
    assertThat(root.get("inputErrors").isBoolean()).isTrue();
    assertThat(root.get("inputErrors").asBoolean()).isTrue();
    assertThat(root.at("/summary/error").asInt()).isEqualTo(2);
    assertThat(root.at("/summary/warning").asInt()).isEqualTo(1);
    assertThat(root.at("/summary/info").asInt()).isEqualTo(1);
    assertThat(keys(root.get("summary"))).containsExactly("error", "warning", "info");
  }

  @Test
  void rulesCarryTheirMetadata() throws IOException {
    JsonNode rules = json(Samples.mixed()).get("rules");
    assertThat(rules).hasSize(4);
    JsonNode nl101 = rules.get(1);
    assertThat(keys(nl101))
        .containsExactly(
            "id", "name", "summary", "defaultSeverity", "resourceTypes", "source", "helpUri");
    assertThat(nl101.get("id").asText()).isEqualTo("NL101");
    assertThat(nl101.get("name").asText()).isEqualTo("public-subnet-without-igw-route");
    assertThat(nl101.get("defaultSeverity").asText()).isEqualTo("error");
    assertThat(nl101.get("resourceTypes"))
        .extracting(JsonNode::asText)
        .containsExactly("AWS::EC2::Subnet", "AWS::EC2::RouteTable");
    assertThat(nl101.get("helpUri").asText()).endsWith("/docs/rules/NL101.md");
    assertThat(rules.get(3).get("defaultSeverity").asText()).isEqualTo("info");
  }

  @Test
  void findingsKeepEveryFieldInOrder() throws IOException {
    JsonNode findings = json(Samples.mixed()).get("findings");
    assertThat(findings).hasSize(4);
    for (JsonNode f : findings) {
      assertThat(keys(f))
          .containsExactly(
              "ruleId",
              "ruleName",
              "severity",
              "message",
              "fix",
              "file",
              "line",
              "column",
              "templatePath",
              "stack",
              "logicalId",
              "resourceType",
              "constructPath",
              "properties");
    }
    JsonNode full = findings.get(1);
    assertThat(full.get("ruleId").asText()).isEqualTo("NL101");
    assertThat(full.get("ruleName").asText()).isEqualTo("public-subnet-without-igw-route");
    assertThat(full.get("severity").asText()).isEqualTo("error");
    assertThat(full.get("message").asText()).endsWith(Samples.TRICKY);
    assertThat(full.get("fix").asText()).startsWith("Add a route");
    assertThat(full.get("file").asText()).isEqualTo("cdk.out/NetStack.template.json");
    assertThat(full.get("line").asInt()).isEqualTo(12);
    assertThat(full.get("column").asInt()).isEqualTo(7);
    assertThat(full.get("templatePath"))
        .extracting(JsonNode::asText)
        .containsExactly("Resources", "PublicSubnet", "Properties", "MapPublicIpOnLaunch");
    assertThat(full.get("stack").asText()).isEqualTo("NetStack");
    assertThat(full.get("logicalId").asText()).isEqualTo("PublicSubnet");
    assertThat(full.get("resourceType").asText()).isEqualTo("AWS::EC2::Subnet");
    assertThat(full.get("constructPath").asText()).isEqualTo("NetStack/Vpc/PublicSubnet/Subnet");
    assertThat(keys(full.get("properties"))).containsExactly("routeTable", "scriptLine");
    assertThat(full.at("/properties/scriptLine").asText()).isEqualTo("3");
    assertThat(findings.get(3).get("severity").asText()).isEqualTo("info");
  }

  @Test
  void missingValuesAreNullNotAbsent() throws IOException {
    JsonNode f = json(Samples.mixed()).at("/findings/0");
    assertThat(f.get("ruleId").asText()).isEqualTo("NL001");
    assertThat(f.get("message").asText()).contains(Samples.TRICKY);
    for (String key : List.of("fix", "stack", "logicalId", "resourceType", "constructPath")) {
      assertThat(f.get(key)).as(key).isNotNull();
      assertThat(f.get(key).isNull()).as(key).isTrue();
    }
    assertThat(f.get("line").asInt()).isZero();
    assertThat(f.get("column").asInt()).isZero();
    assertThat(f.get("templatePath").isArray()).isTrue();
    assertThat(f.get("templatePath")).isEmpty();
    assertThat(f.get("properties").isObject()).isTrue();
    assertThat(f.get("properties")).isEmpty();
  }

  @Test
  void cleanRunHasEmptyFindingsAndZeroSummary() throws IOException {
    JsonNode root = json(Samples.clean());
    assertThat(root.get("findings").isArray()).isTrue();
    assertThat(root.get("findings")).isEmpty();
    assertThat(root.get("inputErrors").asBoolean()).isFalse();
    assertThat(root.at("/summary/error").asInt()).isZero();
    assertThat(root.at("/summary/warning").asInt()).isZero();
    assertThat(root.at("/summary/info").asInt()).isZero();
  }

  @Test
  void layoutIsTwoSpacesWithUnixLineEnds() throws IOException {
    String text = Samples.renderText(Format.JSON, Samples.clean());
    assertThat(text).startsWith("{\n  \"tool\": {\n    \"name\": \"netlint\",");
    assertThat(text).contains("\"findings\": [],").endsWith("}\n").doesNotContain("\r");
  }
}
