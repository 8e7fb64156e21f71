package dev.netlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.model.SourceLocation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReportTest {

  @Test
  void findingsAreGroupedByFileWithDetailsAndSummary() throws IOException {
    assertThat(Samples.renderText(Format.TEXT, Samples.mixed()))
        .isEqualTo(
            """
            broken.yaml
            broken.yaml  NL001  error  cannot parse <&"'> Größe → 日本: unexpected end of stream

            cdk.out/NetStack.template.json
            cdk.out/NetStack.template.json:12:7  NL101  error  Subnet PublicSubnet routes \
            0.0.0.0/0 to nothing; <&"'> Größe → 日本
                PublicSubnet (NetStack/PublicSubnet)  construct: NetStack/Vpc/PublicSubnet/Subnet  \
            routeTable=PublicRt, scriptLine=3
                fix: Add a route to 0.0.0.0/0 through the internet gateway.
            cdk.out/NetStack.template.json:40:9  NL202  warning  user data configures eth1, which \
            Nitro instances name ens6
                Nat (NetStack/Nat)

            web.yaml
            web.yaml:5:3  NL301  info  security group SpareSg is attached to nothing
                SpareSg (web/SpareSg)
                fix: Delete SpareSg or attach it.

            4 findings (2 errors, 1 warning, 1 info) in 4 files
            """);
  }

  @Test
  void cleanRunSaysNoFindings() throws IOException {
    assertThat(Samples.renderText(Format.TEXT, Samples.clean()))
        .isEqualTo("no findings in 2 files\n");
  }

  @Test
  void summaryUsesSingularAndLeavesOutZeroCounts() {
    Finding f = finding("m", Map.of());
    AnalysisResult one = new AnalysisResult(List.of(f), List.of(), List.of("t.yaml"), false);
    assertThat(TextReport.summary(one)).isEqualTo("1 finding (1 warning) in 1 file");
  }

  @Test
  void propertiesWithoutResourceGetTheirOwnLine() throws IOException {
    Finding f =
        new Finding(
            "NL003",
            Severity.INFO,
            "cannot resolve Fn::ImportValue",
            null,
            new SourceLocation("t.yaml", 4, 2),
            List.of(),
            null,
            null,
            null,
            null,
            Map.of("function", "Fn::ImportValue"));
    String text =
        Samples.renderText(
            Format.TEXT, new AnalysisResult(List.of(f), List.of(), List.of("t.yaml"), false));
    assertThat(text)
        .contains(
            "t.yaml:4:2  NL003  info  cannot resolve Fn::ImportValue\n"
                + "    function=Fn::ImportValue\n\n");
  }

  @Test
  void templateTextCannotDriveTheTerminal() throws IOException {
    Finding f = finding("red \u001b[31mALERT\u001b[0m\nsecond line \u202eevil", Map.of());
    String text =
        Samples.renderText(
            Format.TEXT, new AnalysisResult(List.of(f), List.of(), List.of("t.yaml"), false));
    assertThat(text)
        .contains("red \\u001b[31mALERT\\u001b[0m\n    second line \\u202eevil\n")
        .doesNotContain("\u001b")
        .doesNotContain("\u202e");
  }

  private static Finding finding(String message, Map<String, String> properties) {
    return new Finding(
        "NL202",
        Severity.WARNING,
        message,
        null,
        new SourceLocation("t.yaml", 1, 1),
        List.of(),
        null,
        null,
        null,
        null,
        properties);
  }
}
