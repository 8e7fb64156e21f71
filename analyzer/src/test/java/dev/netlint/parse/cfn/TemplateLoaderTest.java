package dev.netlint.parse.cfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateLoaderTest {
  private final TemplateLoader loader = new TemplateLoader();

  private Node.MapNode yaml(String text) throws InputException {
    return loader.parse(text.getBytes(StandardCharsets.UTF_8), TemplateLoader.Format.YAML, "t.yaml");
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
        (Node.MapNode) ((Node.MapNode) ((Node.MapNode) root.get("Resources")).get("Nat")).get("Properties");
    Node.MapNode ref = (Node.MapNode) props.get("SubnetId");
    assertThat(ref.intrinsicName()).isEqualTo("Ref");
    assertThat(((Node.ScalarNode) ref.get("Ref")).text()).isEqualTo("PublicSubnet");
    Node.MapNode b64 = (Node.MapNode) props.get("UserData");
    assertThat(b64.intrinsicName()).isEqualTo("Fn::Base64");
    assertThat(((Node.MapNode) b64.get("Fn::Base64")).intrinsicName()).isEqualTo("Fn::Sub");
    Node.ListNode getAtt = (Node.ListNode) ((Node.MapNode) props.get("PrivateIp")).get("Fn::GetAtt");
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
        yaml("Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n");
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
        ((Node.MapNode) ((Node.MapNode) ((Node.MapNode) root.get("Resources")).get("R")).get("Properties"))
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
  void aliasBombsAreNotExpanded() throws Exception {
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
    // The streaming parser never expands aliases, so a billion-laughs file stays its own size.
    Node.MapNode root = yaml(sb.toString());
    Node.ListNode k = (Node.ListNode) root.get("k");
    assertThat(k.items()).hasSize(9);
    assertThat(((Node.ScalarNode) k.items().get(0)).text()).isEqualTo("j");
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
