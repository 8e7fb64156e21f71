package dev.netlint.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CloudFormation's reading of types, formats and patterns. */
class CfnRulesTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0/16",
        "0.0.0.0/0",
        "255.255.255.255/32",
        "10.0.0.1/24",
        "010.000.000.000/08"
      })
  void ipv4Networks(String cidr) {
    assertThat(CfnFormats.isIpv4Network(cidr)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "foo",
        "10.0.0.0",
        "10.0.0.0/33",
        "256.0.0.0/8",
        "10.0.0/8",
        "10.0.0.0/16 ",
        " 10.0.0.0/16",
        "10.0.0.0/016",
        "10.0.0.0/255.255.0.0",
        "::/0"
      })
  void notIpv4Networks(String cidr) {
    assertThat(CfnFormats.isIpv4Network(cidr)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "::/0",
        "2001:db8::/56",
        "2001:0db8:0000:0000:0000:0000:0000:0000/64",
        "2001:DB8::/32",
        "::ffff:10.0.0.0/120"
      })
  void ipv6Networks(String cidr) {
    assertThat(CfnFormats.isIpv6Network(cidr)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2001:db8::",
        "2001:db8::/129",
        "10.0.0.0/8",
        "example.com/8",
        "g::/8",
        "::/0/1",
        "::-1/0",
        "fe80::1%eth0/64",
        "1:2:3:4:5:6:7:8:9/64",
        "::1.2.3/96",
        " ::/0"
      })
  void notIpv6Networks(String cidr) {
    assertThat(CfnFormats.isIpv6Network(cidr)).isFalse();
  }

  @Test
  void typesAreReadAsCloudFormationConvertsThem() {
    assertThat(CfnKeywords.isOfType("integer", JSON.textNode("443"))).isTrue();
    assertThat(CfnKeywords.isOfType("integer", JSON.textNode("4a"))).isFalse();
    assertThat(CfnKeywords.isOfType("number", JSON.textNode("1.5e3"))).isTrue();
    assertThat(CfnKeywords.isOfType("boolean", JSON.textNode("True"))).isTrue();
    assertThat(CfnKeywords.isOfType("boolean", JSON.textNode("yes"))).isFalse();
    assertThat(CfnKeywords.isOfType("boolean", JSON.numberNode(1))).isFalse();
    assertThat(CfnKeywords.isOfType("string", JSON.numberNode(443))).isTrue();
    assertThat(CfnKeywords.isOfType("string", JSON.booleanNode(true))).isTrue();
    assertThat(CfnKeywords.isOfType("string", JSON.arrayNode())).isFalse();
    assertThat(CfnKeywords.isOfType("string", JSON.nullNode())).isFalse();
    assertThat(CfnKeywords.isOfType("integer", JSON.booleanNode(false))).isFalse();
    assertThat(CfnKeywords.isOfType("object", JSON.textNode("{}"))).isFalse();
  }

  @Test
  void valuesThatMayBeAbsentAtDeployTime() {
    JsonNode noValue = JSON.objectNode().put("Ref", "AWS::NoValue");
    JsonNode ref = JSON.objectNode().put("Ref", "Vpc");
    JsonNode fnIf = JSON.objectNode().set("Fn::If", JSON.arrayNode());
    assertThat(CfnKeywords.mayBeAbsent(noValue)).isTrue();
    assertThat(CfnKeywords.mayBeAbsent(fnIf)).isTrue();
    assertThat(CfnKeywords.mayBeAbsent(ref)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // ECMAScript reads '[' and '&' in a class as literals; the JDK would not compile this.
        "^([a-z,A-Z,0-9,. _\\-:/()#,@[\\]+=&;\\{\\}!$*])*$|a[b]&c|true",
        "^([a-z,A-Z,0-9,. _\\-:/()#,@[\\]+=&;\\{\\}!$*])*$|a~b|false",
        "[a-zA-Z0-9-_]+|-|true",
      })
  void ecmaPatternsMatchAsInEcmaScript(String ecma, String value, boolean matches) {
    Pattern p = EcmaRegularExpressionFactory.compile(ecma);
    assertThat(p).isNotNull();
    assertThat(EcmaRegularExpressionFactory.INSTANCE.getRegularExpression(ecma).matches(value))
        .isEqualTo(matches);
  }

  @Test
  void dollarEndsTheInputAsInEcmaScript() {
    assertThat(
            EcmaRegularExpressionFactory.INSTANCE.getRegularExpression("^[0-9]+$").matches("123\n"))
        .isFalse();
  }

  @Test
  void hugeValuesAreNotMatchedAgainstPatterns() {
    String huge = "x".repeat(EcmaRegularExpressionFactory.MAX_INPUT_CHARS + 1) + "!";
    assertThat(EcmaRegularExpressionFactory.INSTANCE.getRegularExpression("^[a-z]+$").matches(huge))
        .isTrue();
    assertThat(EcmaRegularExpressionFactory.INSTANCE.getRegularExpression("^[a-z]+$").matches("x!"))
        .isFalse();
  }
}
