package dev.netlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Schema schema;

  /**
   * Fails, never skips, without the pinned OASIS schema: an unvalidated SARIF test proves little.
   */
  @BeforeAll
  static void loadSchema() throws IOException {
    String shared = System.getProperty("netlint.shared.dir");
    assertThat(shared).as("system property netlint.shared.dir (set by surefire)").isNotNull();
    Path file = Path.of(shared, "sarif", "sarif-schema-2.1.0.json");
    assertThat(file).as("the OASIS SARIF 2.1.0 schema").isRegularFile();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    try (InputStream in = Files.newInputStream(file)) {
      schema = registry.getSchema(in);
    }
  }

  private static List<Error> validate(JsonNode log) {
    return schema.validate(
        log, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
  }

  private static JsonNode sarif(AnalysisResult result) throws IOException {
    return MAPPER.readTree(Samples.render(Format.SARIF, result));
  }

  @Test
  void outputIsValidSarif210() throws IOException {
    for (AnalysisResult result : List.of(Samples.mixed(), Samples.clean(), oddFileNames())) {
      JsonNode log = sarif(result);
      assertThat(validate(log)).as(log.toPrettyString()).isEmpty();
    }
  }

  /** Guards the validation above: a schema that accepted anything would make it pass vacuously. */
  @Test
  void validatorRejectsBrokenSarif() throws IOException {
    ObjectNode log = (ObjectNode) sarif(Samples.mixed());
    ObjectNode result = (ObjectNode) log.at("/runs/0/results/1");
    result.put("level", "fatal");
    result.remove("message");
    ((ObjectNode) log.at("/runs/0/tool/driver")).putNull("version");
    ((ObjectNode) log.at("/runs/0/tool/driver")).put("informationUri", "not a uri");
    List<Error> errors = validate(log);
    assertThat(errors).extracting(Error::getKeyword).contains("enum", "required", "type", "format");
  }

  @Test
  void driverListsEveryRule() throws IOException {
    JsonNode log = sarif(Samples.mixed());
    assertThat(log.get("$schema").asText())
        .isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(log.get("runs")).hasSize(1);
    JsonNode driver = log.at("/runs/0/tool/driver");
    assertThat(driver.get("name").asText()).isEqualTo("netlint");
    assertThat(driver.get("version").asText()).isEqualTo(Samples.VERSION);
    assertThat(driver.get("informationUri").asText()).startsWith("https://");
    List<String> ids = new ArrayList<>();
    driver.get("rules").forEach(r -> ids.add(r.get("id").asText()));
    assertThat(ids).containsExactly("NL001", "NL101", "NL202", "NL301");
    JsonNode nl101 = driver.get("rules").get(1);
    assertThat(nl101.get("name").asText()).isEqualTo("public-subnet-without-igw-route");
    assertThat(nl101.at("/shortDescription/text").asText())
        .isEqualTo("Public subnet has no route to an internet gateway");
    assertThat(nl101.get("helpUri").asText()).endsWith("/docs/rules/NL101.md");
    assertThat(nl101.at("/defaultConfiguration/level").asText()).isEqualTo("error");
    assertThat(nl101.at("/properties/tags"))
        .extracting(JsonNode::asText)
        .containsExactly("AWS::EC2::Subnet", "AWS::EC2::RouteTable");
    assertThat(nl101.at("/properties/source").asText()).contains("VPC_Route_Tables");
    assertThat(driver.get("rules").get(2).at("/defaultConfiguration/level").asText())
        .isEqualTo("warning");
    assertThat(driver.get("rules").get(3).at("/defaultConfiguration/level").asText())
        .isEqualTo("note");
    assertThat(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isFalse();
    assertThat(log.at("/runs/0/artifacts"))
        .extracting(a -> a.at("/location/uri").asText())
        .containsExactly("broken.yaml", "cdk.out/NetStack.template.json", "clean.yaml", "web.yaml");
  }

  @Test
  void resultCarriesLocationResourceAndProperties() throws IOException {
    JsonNode results = sarif(Samples.mixed()).at("/runs/0/results");
    assertThat(results).hasSize(4);
    JsonNode r = results.get(1);
    assertThat(r.get("ruleId").asText()).isEqualTo("NL101");
    assertThat(r.get("ruleIndex").asInt()).isEqualTo(1);
    assertThat(r.get("level").asText()).isEqualTo("error");
    assertThat(r.at("/message/text").asText())
        .isEqualTo(
            "Subnet PublicSubnet routes 0.0.0.0/0 to nothing; "
                + Samples.TRICKY
                + " Add a route to 0.0.0.0/0 through the internet gateway.");
    assertThat(r.get("locations")).hasSize(1);
    JsonNode physical = r.at("/locations/0/physicalLocation");
    assertThat(physical.at("/artifactLocation/uri").asText())
        .isEqualTo("cdk.out/NetStack.template.json");
    assertThat(physical.at("/artifactLocation/index").asInt()).isEqualTo(1);
    assertThat(physical.at("/region/startLine").asInt()).isEqualTo(12);
    assertThat(physical.at("/region/startColumn").asInt()).isEqualTo(7);
    JsonNode logical = r.at("/locations/0/logicalLocations");
    assertThat(logical).hasSize(1);
    assertThat(logical.get(0).get("name").asText()).isEqualTo("PublicSubnet");
    assertThat(logical.get(0).get("fullyQualifiedName").asText())
        .isEqualTo("NetStack/PublicSubnet");
    assertThat(logical.get(0).get("kind").asText()).isEqualTo("resource");
    JsonNode props = r.get("properties");
    assertThat(props.get("constructPath").asText()).isEqualTo("NetStack/Vpc/PublicSubnet/Subnet");
    assertThat(props.get("templatePath"))
        .extracting(JsonNode::asText)
        .containsExactly("Resources", "PublicSubnet", "Properties", "MapPublicIpOnLaunch");
    assertThat(props.get("scriptLine").asText()).isEqualTo("3");
    assertThat(props.get("routeTable").asText()).isEqualTo("PublicRt");
    assertThat(props.get("resourceType").asText()).isEqualTo("AWS::EC2::Subnet");

    JsonNode warning = results.get(2);
    assertThat(warning.get("level").asText())
        .as("a warning keeps its level even though it is SARIF's default")
        .isEqualTo("warning");
    assertThat(warning.at("/message/text").asText())
        .isEqualTo("user data configures eth1, which Nitro instances name ens6");
    assertThat(results.get(3).get("level").asText()).isEqualTo("note");
  }

  @Test
  void wholeFileFindingHasNoRegionAndNoLogicalLocation() throws IOException {
    JsonNode r = sarif(Samples.mixed()).at("/runs/0/results/0");
    assertThat(r.get("ruleId").asText()).isEqualTo("NL001");
    JsonNode location = r.at("/locations/0");
    assertThat(location.at("/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("broken.yaml");
    assertThat(location.at("/physicalLocation").has("region")).isFalse();
    assertThat(location.has("logicalLocations")).isFalse();
    assertThat(r.has("properties")).isFalse();
  }

  @Test
  void cleanRunStillHasAnEmptyResultsArray() throws IOException {
    JsonNode run = sarif(Samples.clean()).at("/runs/0");
    assertThat(run.get("results")).isNotNull();
    assertThat(run.get("results").isArray()).isTrue();
    assertThat(run.get("results")).isEmpty();
    assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
  }

  @Test
  void noNullsAndNoEmptyArraysButResults() throws IOException {
    List<String> bad = new ArrayList<>();
    findEmpty(sarif(Samples.mixed()), "", bad);
    findEmpty(sarif(Samples.clean()), "", bad);
    assertThat(bad).isEmpty();
  }

  private static void findEmpty(JsonNode node, String path, List<String> bad) {
    if (node.isNull()) {
      bad.add(path + " is null");
    } else if (node.isArray() || node.isObject()) {
      if (node.isEmpty() && !path.endsWith("/results")) {
        bad.add(path + " is empty");
      }
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          findEmpty(node.get(i), path + "/" + i, bad);
        }
      } else {
        node.fields().forEachRemaining(e -> findEmpty(e.getValue(), path + "/" + e.getKey(), bad));
      }
    }
  }

  @Test
  void propertyBagKeysAreSorted() throws IOException {
    Finding f =
        new Finding(
            "NL101",
            Severity.ERROR,
            "m",
            null,
            new SourceLocation("t.yaml", 1, 1),
            List.of("Resources"),
            "t",
            "A",
            null,
            null,
            Map.of("zeta", "1", "alpha", "2", "Mid", "3", "beta", "4", "omega", "5"));
    AnalysisResult result =
        new AnalysisResult(List.of(f), List.of(Samples.NL101), List.of("t.yaml"), false);
    List<String> keys = new ArrayList<>();
    sarif(result).at("/runs/0/results/0/properties").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isSorted().contains("zeta", "alpha", "templatePath", "stack");
  }

  @Test
  void fileNamesBecomeUriReferences() {
    assertThat(SarifReport.uri("templates/vpc.yaml")).isEqualTo("templates/vpc.yaml");
    assertThat(SarifReport.uri("dir\\sub\\t.json")).isEqualTo("dir/sub/t.json");
    assertThat(SarifReport.uri("my stack/Größe #1%.yaml"))
        .isEqualTo("my%20stack/Gr%C3%B6%C3%9Fe%20%231%25.yaml");
    assertThat(SarifReport.uri("a:b.yaml")).isEqualTo("a%3Ab.yaml");
    assertThat(SarifReport.uri("/home/ci/t.yaml")).isEqualTo("file:///home/ci/t.yaml");
    assertThat(SarifReport.uri("C:\\work\\t.yaml")).isEqualTo("file:///C:/work/t.yaml");
  }

  private static AnalysisResult oddFileNames() {
    List<Finding> findings = new ArrayList<>();
    for (String file : List.of("/abs/a b.yaml", "C:\\w\\t.yaml", "x:y/Größe.json")) {
      findings.add(
          new Finding(
              "NL999",
              Severity.WARNING,
              "rule not in the list",
              null,
              new SourceLocation(file, 3, 0),
              List.of(),
              null,
              "Lonely",
              null,
              null,
              Map.of()));
    }
    findings.sort(null);
    return new AnalysisResult(findings, List.of(), List.of(), false);
  }

  @Test
  void findingOfUnknownRuleHasNoRuleIndex() throws IOException {
    JsonNode r = sarif(oddFileNames()).at("/runs/0/results/0");
    assertThat(r.has("ruleIndex")).isFalse();
    assertThat(r.at("/locations/0/physicalLocation/region").has("startColumn")).isFalse();
    assertThat(r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("Lonely");
  }
}
