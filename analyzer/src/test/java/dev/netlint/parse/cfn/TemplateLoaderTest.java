package dev.netlint.parse.cfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLoaderTest {
  private final TemplateLoader loader = new TemplateLoader();

  private Node.MapNode json(String text) throws InputException {
    return loader.parse(
        text.getBytes(StandardCharsets.UTF_8), TemplateLoader.Format.JSON, "t.json");
  }

  private Node.MapNode yaml(String text) throws InputException {
    return loader.parse(
        text.getBytes(StandardCharsets.UTF_8), TemplateLoader.Format.YAML, "t.yaml");
  }

  @Test
  void shortFormsBecomeLongFormsAsCfnLintDoes() throws Exception {
    Node.MapNode root =
        yaml(
            """
            Resources:
              Nat:
                Type: AWS::EC2::Instance
                Properties:
                  SubnetId: !Ref PublicSubnet
                  UserData: !Base64
                    Fn::Sub: "echo ${Vpc.CidrBlock}"
                  PrivateIp: !GetAtt Eni.PrimaryPrivateIpAddress
                  Az: !Select [0, !GetAZs '']
                  Cond: !Condition IsProd
            """);
    Node.MapNode props =
        (Node.MapNode)
            ((Node.MapNode) ((Node.MapNode) root.get("Resources")).get("Nat")).get("Properties");
    Node.MapNode ref = (Node.MapNode) props.get("SubnetId");
    assertThat(ref.intrinsicName()).isEqualTo("Ref");
    assertThat(((Node.ScalarNode) ref.get("Ref")).text()).isEqualTo("PublicSubnet");
    Node.MapNode b64 = (Node.MapNode) props.get("UserData");
    assertThat(b64.intrinsicName()).isEqualTo("Fn::Base64");
    assertThat(((Node.MapNode) b64.get("Fn::Base64")).intrinsicName()).isEqualTo("Fn::Sub");
    Node.ListNode getAtt =
        (Node.ListNode) ((Node.MapNode) props.get("PrivateIp")).get("Fn::GetAtt");
    assertThat(getAtt.items())
        .extracting(n -> ((Node.ScalarNode) n).text())
        .containsExactly("Eni", "PrimaryPrivateIpAddress");
    Node.ListNode select = (Node.ListNode) ((Node.MapNode) props.get("Az")).get("Fn::Select");
    assertThat(((Node.MapNode) select.items().get(1)).intrinsicName()).isEqualTo("Fn::GetAZs");
    assertThat(((Node.MapNode) props.get("Cond")).intrinsicName()).isEqualTo("Condition");
  }

  @Test
  void nodesKeepLineColumnAndTemplatePath() throws Exception {
    Node.MapNode root =
        yaml(
            "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n");
    Node.MapNode vpc = (Node.MapNode) ((Node.MapNode) root.get("Resources")).get("Vpc");
    Node cidr = ((Node.MapNode) vpc.get("Properties")).get("CidrBlock");
    assertThat(cidr.origin().location().line()).isEqualTo(5);
    assertThat(cidr.origin().location().column()).isEqualTo(18);
    assertThat(cidr.origin().templatePath())
        .isEqualTo(List.of("Resources", "Vpc", "Properties", "CidrBlock"));
    assertThat(((Node.MapNode) root.get("Resources")).keyLocation("Vpc").line()).isEqualTo(2);
  }

  @Test
  void jsonKeepsNumbersAsWritten() throws Exception {
    Node.MapNode root =
        loader.parse(
            "{\"Resources\": {\"R\": {\"Type\": \"X\", \"Properties\": {\"Port\": 0443}}}}"
                .replace("0443", "443")
                .getBytes(StandardCharsets.UTF_8),
            TemplateLoader.Format.JSON,
            "t.json");
    Node port =
        ((Node.MapNode)
                ((Node.MapNode) ((Node.MapNode) root.get("Resources")).get("R")).get("Properties"))
            .get("Port");
    assertThat(port).isInstanceOf(Node.ScalarNode.class);
    assertThat(((Node.ScalarNode) port).kind()).isEqualTo(Node.ScalarNode.Kind.NUMBER);
    assertThat(((Node.ScalarNode) port).text()).isEqualTo("443");
  }

  @Test
  void malformedYamlIsAnInputErrorWithALine() {
    assertThatThrownBy(() -> yaml("Resources:\n  A: [1, 2\n  B: x\n"))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).location().line()).isGreaterThan(0));
  }

  @Test
  void aliasBombsAreRefusedAtTheFirstAlias() {
    StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      sb.append("]\n");
      prev = c;
    }
    assertThatThrownBy(() -> yaml(sb.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("YAML aliases are not allowed in CloudFormation templates")
        .satisfies(e -> assertThat(((InputException) e).location().line()).isEqualTo(2));
  }

  @Test
  void anAliasIsNotReadAsItsAnchorsName() {
    assertThatThrownBy(
            () ->
                yaml(
                    """
                    Mappings:
                      M: {a: {c: &cidr 10.0.0.0/16}}
                    Resources:
                      Vpc:
                        Type: AWS::EC2::VPC
                        Properties:
                          CidrBlock: *cidr
                    """))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("YAML alias *cidr")
        .satisfies(e -> assertThat(((InputException) e).location().line()).isEqualTo(7));
  }

  @Test
  void aDuplicateKeyIsRefusedWithBothLines() {
    assertThatThrownBy(
            () ->
                yaml(
                    """
                    Resources:
                      Sg:
                        Type: AWS::EC2::SecurityGroup
                        Properties: {GroupDescription: open, SecurityGroupIngress: [{CidrIp: 0.0.0.0/0, IpProtocol: "-1"}]}
                      Sg:
                        Type: AWS::EC2::SecurityGroup
                        Properties: {GroupDescription: closed}
                    """))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("duplicate key 'Sg' (first at line 2)")
        .satisfies(e -> assertThat(((InputException) e).location().line()).isEqualTo(5));
    assertThatThrownBy(() -> json("{\"Resources\": {},\n \"Resources\": {}}"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("duplicate key 'Resources'")
        .satisfies(e -> assertThat(((InputException) e).location().line()).isEqualTo(2));
  }

  @Test
  void aTemplateWithADuplicateKeyIsStillReadWithTheLastValue(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("dup.json"),
            "{\"Resources\": {\"R\": {\"DependsOn\": [\"A\"],\n"
                + " \"Type\": \"AWS::EC2::Route\", \"DependsOn\": [\"B\"]}}}");
    Template template = new TemplateLoader().load(file, "dup.json");
    assertThat(template.refusals())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getMessage()).contains("duplicate key 'DependsOn' (first at line 1)");
              assertThat(e.location().line()).isEqualTo(2);
            });
    Node.MapNode resource = (Node.MapNode) template.resources().get("R");
    assertThat(((Node.ListNode) resource.get("DependsOn")).items())
        .singleElement()
        .satisfies(n -> assertThat(((Node.ScalarNode) n).text()).isEqualTo("B"));
  }

  @Test
  void textAfterTheJsonValueIsRefused() {
    assertThatThrownBy(() -> json("{\"Resources\": {}}\n ]]] garbage"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("text after the end of the template")
        .satisfies(e -> assertThat(((InputException) e).location().line()).isEqualTo(2));
    assertThatThrownBy(() -> json("{\"Resources\": {}}\n{\"Resources\": {}}"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("text after the end of the template");
  }

  @Test
  void aSecondYamlDocumentIsRefused() {
    assertThatThrownBy(() -> yaml("Resources: {}\n---\nResources:\n  X: {Type: Y}\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("a second YAML document")
        .satisfies(e -> assertThat(((InputException) e).location().line()).isEqualTo(3));
  }

  @Test
  void aLongYamlNumberIsRefusedAsInJson() {
    String digits = "1".repeat(2000);
    assertThatThrownBy(() -> yaml("Resources: {}\nX: " + digits + "\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("a number of 2000 characters")
        .satisfies(e -> assertThat(((InputException) e).location().line()).isEqualTo(2));
    assertThatThrownBy(() -> json("{\"Resources\": {}, \"X\": " + digits + "}"))
        .isInstanceOf(InputException.class);
  }

  @Test
  void aLongQuotedStringOfDigitsIsAString() throws Exception {
    String digits = "1".repeat(2000);
    Node.MapNode root = yaml("Resources: {}\nX: [\"1\", \"" + digits + "\", '" + digits + "']\n");
    assertThat(((Node.ListNode) root.get("X")).items())
        .extracting(n -> ((Node.ScalarNode) n).kind())
        .containsOnly(Node.ScalarNode.Kind.STRING);
  }

  @Test
  void aNulOrABadByteInYamlIsNamedAndPlaced() {
    byte[] nul = "Resources:\n  A: x\u0000y\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> loader.parse(nul, TemplateLoader.Format.YAML, "t.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("character U+0000 at line 2, column 7")
        .satisfies(e -> assertThat(((InputException) e).location().line()).isEqualTo(2));
    byte[] bad = "Resources:\n\n  A: xy\n".getBytes(StandardCharsets.UTF_8);
    bad[bad.length - 3] = (byte) 0xFF;
    assertThatThrownBy(() -> loader.parse(bad, TemplateLoader.Format.YAML, "t.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("byte 0xFF at line 3, column 6 is not UTF-8");
  }

  @Test
  void resourcesThatIsNotAMappingIsPlaced(@TempDir Path dir) throws Exception {
    Path five = Files.writeString(dir.resolve("five.yaml"), "Description: x\nResources: 5\n");
    assertThatThrownBy(() -> loader.load(five, "five.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Resources is a number, not a mapping")
        .satisfies(e -> assertThat(((InputException) e).location().line()).isEqualTo(2));
    Path list =
        Files.writeString(
            dir.resolve("list.yaml"),
            "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  - A\n");
    assertThatThrownBy(() -> loader.loadIfTemplate(list, "list.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Resources is a list, not a mapping");
  }

  @Test
  void onlyRegularFilesAreRead(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> loader.parse(dir, "dir.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a regular file (a directory)");
    Path fifo = dir.resolve("pipe.json");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available");
    // Opening a FIFO for reading blocks until a writer comes: the loader must not try.
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> loader.parse(fifo, "pipe.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("a FIFO, socket or device"));
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> loader.loadIfTemplate(fifo, "pipe.json"))
                .isInstanceOf(InputException.class));
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThatThrownBy(
            () ->
                loader.parse(
                    ("{\"a\": " + deep + "}").getBytes(StandardCharsets.UTF_8),
                    TemplateLoader.Format.JSON,
                    "deep.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("malformed JSON");
  }
}
