package dev.netlint.report;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.Severity;
import dev.netlint.model.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Small analysis results that exercise every corner the reports have to handle. */
final class Samples {
  static final String VERSION = "0.1.0-test";

  /** Markup characters and non-ASCII text that every format must carry through unchanged. */
  static final String TRICKY = "<&\"'> Größe → 日本";

  static final RuleDescriptor NL001 =
      rule("NL001", "unreadable-template", "File cannot be read as a template", Severity.ERROR);
  static final RuleDescriptor NL101 =
      new RuleDescriptor(
          "NL101",
          "public-subnet-without-igw-route",
          "Public subnet has no route to an internet gateway",
          Severity.ERROR,
          List.of("AWS::EC2::Subnet", "AWS::EC2::RouteTable"),
          "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
          RuleDescriptor.helpUri("NL101"));
  static final RuleDescriptor NL202 =
      rule(
          "NL202",
          "hardcoded-interface-name",
          "User data names a network interface",
          Severity.WARNING);
  static final RuleDescriptor NL301 =
      rule(
          "NL301", "unused-security-group", "Security group is attached to nothing", Severity.INFO);

  private Samples() {}

  private static RuleDescriptor rule(String id, String name, String summary, Severity severity) {
    return new RuleDescriptor(
        id,
        name,
        summary,
        severity,
        List.of(),
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/",
        RuleDescriptor.helpUri(id));
  }

  /** A whole-file input finding: no line, no stack, no resource. */
  static Finding unreadable() {
    return new Finding(
        "NL001",
        Severity.ERROR,
        "cannot parse " + TRICKY + ": unexpected end of stream",
        null,
        SourceLocation.ofFile("broken.yaml"),
        List.of(),
        null,
        null,
        null,
        null,
        Map.of());
  }

  /** A finding from a CDK app with every optional field set. */
  static Finding noIgwRoute() {
    return new Finding(
        "NL101",
        Severity.ERROR,
        "Subnet PublicSubnet routes 0.0.0.0/0 to nothing; " + TRICKY,
        "Add a route to 0.0.0.0/0 through the internet gateway.",
        new SourceLocation("cdk.out/NetStack.template.json", 12, 7),
        List.of("Resources", "PublicSubnet", "Properties", "MapPublicIpOnLaunch"),
        "NetStack",
        "PublicSubnet",
        "AWS::EC2::Subnet",
        "NetStack/Vpc/PublicSubnet/Subnet",
        Map.of("scriptLine", "3", "routeTable", "PublicRt"));
  }

  static Finding interfaceName() {
    return new Finding(
        "NL202",
        Severity.WARNING,
        "user data configures eth1, which Nitro instances name ens6",
        null,
        new SourceLocation("cdk.out/NetStack.template.json", 40, 9),
        List.of("Resources", "Nat", "Properties", "UserData"),
        "NetStack",
        "Nat",
        "AWS::EC2::Instance",
        null,
        Map.of());
  }

  static Finding unusedGroup() {
    return new Finding(
        "NL301",
        Severity.INFO,
        "security group SpareSg is attached to nothing",
        "Delete SpareSg or attach it.",
        new SourceLocation("web.yaml", 5, 3),
        List.of("Resources", "SpareSg"),
        "web",
        "SpareSg",
        "AWS::EC2::SecurityGroup",
        null,
        Map.of());
  }

  /**
   * Four findings in three files, plus {@code clean.yaml} without findings; sorted as the engine
   * sorts them.
   */
  static AnalysisResult mixed() {
    return new AnalysisResult(
        List.of(unreadable(), noIgwRoute(), interfaceName(), unusedGroup()),
        List.of(NL001, NL101, NL202, NL301),
        List.of("broken.yaml", "cdk.out/NetStack.template.json", "clean.yaml", "web.yaml"),
        true);
  }

  static AnalysisResult clean() {
    return new AnalysisResult(
        List.of(), List.of(NL001, NL101), List.of("a.yaml", "b/c.json"), false);
  }

  static byte[] render(Format format, AnalysisResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Reports.write(format, result, VERSION, out);
    return out.toByteArray();
  }

  static String renderText(Format format, AnalysisResult result) throws IOException {
    return new String(render(format, result), java.nio.charset.StandardCharsets.UTF_8);
  }
}
