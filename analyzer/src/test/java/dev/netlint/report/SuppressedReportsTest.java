package dev.netlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Suppressed;
import dev.netlint.model.SourceLocation;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suppressed findings in every format: kept, counted, never mixed with the findings. */
class SuppressedReportsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** {@link Samples#mixed()} with NL202 accepted in the template and NL301 in .netlint.yaml. */
  static AnalysisResult withSuppressed() {
    AnalysisResult mixed = Samples.mixed();
    return new AnalysisResult(
        List.of(Samples.unreadable(), Samples.noIgwRoute()),
        mixed.rules(),
        mixed.files(),
        true,
        List.of(
            new Suppressed(
                Samples.interfaceName(),
                Suppressed.Kind.IN_SOURCE,
                "AMI pinned to Xen " + Samples.TRICKY,
                new SourceLocation("cdk.out/NetStack.template.json", 35, 13)),
            new Suppressed(
                Samples.unusedGroup(),
                Suppressed.Kind.EXTERNAL,
                "kept for the blue/green switch",
                new SourceLocation(".netlint.yaml", 3, 5))));
  }

  @Test
  void sarifMarksSuppressedResultsWithKindAndJustification() throws IOException {
    JsonNode results =
        MAPPER.readTree(Samples.render(Format.SARIF, withSuppressed())).at("/runs/0/results");
    assertThat(results).hasSize(4);
    assertThat(results.get(0).has("suppressions")).isFalse();
    assertThat(results.get(1).has("suppressions")).isFalse();
    JsonNode inSource = results.get(2);
    assertThat(inSource.get("ruleId").asText()).isEqualTo("NL202");
    assertThat(inSource.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
    assertThat(inSource.at("/suppressions/0/justification").asText())
        .isEqualTo("AMI pinned to Xen " + Samples.TRICKY);
    assertThat(inSource.at("/suppressions/0/location/physicalLocation/region/startLine").asInt())
        .isEqualTo(35);
    JsonNode external = results.get(3);
    assertThat(external.get("ruleId").asText()).isEqualTo("NL301");
    assertThat(external.at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(
            external.at("/suppressions/0/location/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo(".netlint.yaml");
  }

  @Test
  void sarifResultsCarryNetlintsFingerprint() throws IOException {
    JsonNode results =
        MAPPER.readTree(Samples.render(Format.SARIF, withSuppressed())).at("/runs/0/results");
    assertThat(results.at("/1/partialFingerprints/netlintFingerprint~1v1").asText())
        .isEqualTo(dev.netlint.api.Fingerprint.of(Samples.noIgwRoute()))
        .matches("[0-9a-f]{32}");
    assertThat(results.at("/3/partialFingerprints/netlintFingerprint~1v1").asText())
        .isEqualTo(dev.netlint.api.Fingerprint.of(Samples.unusedGroup()));
  }

  @Test
  void jsonListsSuppressedApartAndCountsThem() throws IOException {
    JsonNode root = MAPPER.readTree(Samples.render(Format.JSON, withSuppressed()));
    assertThat(root.get("findings"))
        .extracting(f -> f.get("ruleId").asText())
        .containsExactly("NL001", "NL101");
    assertThat(root.get("suppressed"))
        .extracting(f -> f.get("ruleId").asText())
        .containsExactly("NL202", "NL301");
    assertThat(root.at("/suppressed/1/suppression/kind").asText()).isEqualTo("external");
    assertThat(root.at("/suppressed/1/suppression/justification").asText())
        .isEqualTo("kept for the blue/green switch");
    assertThat(root.at("/summary/suppressed").asInt()).isEqualTo(2);
    assertThat(root.at("/summary/warning").asInt()).isZero();
  }

  @Test
  void withoutSuppressionsTheJsonHasNoSuppressedKeys() throws IOException {
    JsonNode root = MAPPER.readTree(Samples.render(Format.JSON, Samples.mixed()));
    assertThat(root.has("suppressed")).isFalse();
    assertThat(root.get("summary").has("suppressed")).isFalse();
  }

  @Test
  void textAndJunitCountSuppressed() throws IOException {
    assertThat(Samples.renderText(Format.TEXT, withSuppressed()))
        .endsWith("2 findings (2 errors) in 4 files, 2 suppressed\n")
        .doesNotContain("SpareSg");
    assertThat(Samples.renderText(Format.TEXT, Samples.mixed())).doesNotContain("suppressed");
    assertThat(Samples.renderText(Format.JUNIT, withSuppressed()))
        .contains("<property name=\"netlint.suppressed\" value=\"2\"/>")
        .doesNotContain("SpareSg");
    assertThat(withSuppressed().summary()).endsWith("2 suppressed in 4 files");
  }

  @Test
  void sameResultSameBytes() throws IOException {
    for (Format format : Format.values()) {
      assertThat(Samples.render(format, withSuppressed()))
          .as(format.name())
          .isEqualTo(Samples.render(format, withSuppressed()));
    }
  }
}
