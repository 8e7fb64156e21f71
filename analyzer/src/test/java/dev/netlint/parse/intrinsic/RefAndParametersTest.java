package dev.netlint.parse.intrinsic;

import static dev.netlint.parse.intrinsic.Templates.clean;
import static dev.netlint.parse.intrinsic.Templates.prop;
import static dev.netlint.parse.intrinsic.Templates.resolve;
import static dev.netlint.parse.intrinsic.Templates.symbolic;
import static dev.netlint.parse.intrinsic.Templates.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.ResourceId;
import dev.netlint.model.Value;
import dev.netlint.model.Value.Symbolic.Kind;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.StackSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefAndParametersTest {

  private static final String PARAMETERS =
      """
      Parameters:
        Cidr:
          Type: String
          Default: 10.0.0.0/16
        Port:
          Type: Number
          Default: 443
        Azs:
          Type: CommaDelimitedList
          Default: "a, b ,c"
        Ports:
          Type: List<Number>
          Default: 80,443
        Subnets:
          Type: List<AWS::EC2::Subnet::Id>
        Ami:
          Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
          Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
        AmiNoDefault:
          Type: AWS::SSM::Parameter::Value<String>
        KeyName:
          Type: AWS::EC2::KeyPair::KeyName
      """;

  private static String withProps(String props) {
    return PARAMETERS
        + """
          Resources:
            Vpc:
              Type: AWS::EC2::VPC
            R:
              Type: AWS::Test::Thing
              Properties:
          """
        + props.indent(6);
  }

  @Test
  void refOfResourceIsItsPhysicalIdAtTheRef() {
    Resolution r = clean(withProps("VpcId: !Ref Vpc\n"));
    Value v = prop(r, "R", "VpcId");
    assertThat(v).isInstanceOf(Value.ResourceRef.class);
    assertThat(((Value.ResourceRef) v).target()).isEqualTo(new ResourceId("t", "Vpc"));
    assertThat(v.origin().location().line()).isEqualTo(29);
    assertThat(v.origin().templatePath()).containsExactly("Resources", "R", "Properties", "VpcId");
  }

  @Test
  void parameterDefaultsAreTypedAndStandAtTheRef() {
    Resolution r =
        clean(
            withProps(
                """
                Cidr: !Ref Cidr
                Port: {Ref: Port}
                Azs: !Ref Azs
                Ports: !Ref Ports
                """));
    Value cidr = prop(r, "R", "Cidr");
    assertThat(cidr).isInstanceOf(Value.Text.class);
    assertThat(cidr.literal()).hasValue("10.0.0.0/16");
    assertThat(cidr.origin().location().line()).isEqualTo(29);
    Value port = prop(r, "R", "Port");
    assertThat(port).isInstanceOf(Value.Num.class);
    assertThat(port.literal()).hasValue("443");
    assertThat(port.origin().location().line()).isEqualTo(30);
    assertThat(texts(prop(r, "R", "Azs"))).containsExactly("a", "b", "c");
    Value ports = prop(r, "R", "Ports");
    assertThat(((Value.ListValue) ports).items())
        .allSatisfy(i -> assertThat(i).isInstanceOf(Value.Num.class));
    assertThat(texts(ports)).containsExactly("80", "443");
  }

  @Test
  void parameterWithoutDefaultIsSymbolic() {
    Resolution r = clean(withProps("Subnets: !Ref Subnets\nKey: !Ref KeyName\n"));
    Value.Symbolic subnets = symbolic(prop(r, "R", "Subnets"));
    assertThat(subnets.kind()).isEqualTo(Kind.PARAMETER);
    assertThat(subnets.description()).isEqualTo("Subnets");
    assertThat(symbolic(prop(r, "R", "Key")).description()).isEqualTo("KeyName");
  }

  @Test
  void ssmParameterTypesAreSsmSymbolicWithTheirPath() {
    Resolution r = clean(withProps("Ami: !Ref Ami\nOther: !Ref AmiNoDefault\n"));
    Value.Symbolic ami = symbolic(prop(r, "R", "Ami"));
    assertThat(ami.kind()).isEqualTo(Kind.SSM_PARAMETER);
    assertThat(ami.description())
        .isEqualTo("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
    Value.Symbolic other = symbolic(prop(r, "R", "Other"));
    assertThat(other.kind()).isEqualTo(Kind.PARAMETER);
    assertThat(other.description()).isEqualTo("AmiNoDefault");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AWS::AccountId",
        "AWS::Region",
        "AWS::StackName",
        "AWS::StackId",
        "AWS::Partition",
        "AWS::URLSuffix",
        "AWS::NotificationARNs"
      })
  void pseudoParametersAreNeverGuessed(String pseudo) {
    Resolution r = clean(withProps("P: !Ref " + pseudo + "\n"));
    Value.Symbolic p = symbolic(prop(r, "R", "P"));
    assertThat(p.kind()).isEqualTo(Kind.PSEUDO_PARAMETER);
    assertThat(p.description()).isEqualTo(pseudo);
    assertThat(p.render()).isEqualTo("${" + pseudo + "}");
  }

  @Test
  void noValueDropsTheKeyOfAMapAndTheItemOfAList() {
    Resolution r =
        clean(
            withProps(
                """
                Gone: !Ref AWS::NoValue
                List: [a, !Ref AWS::NoValue, b]
                Nested: {Keep: 1, Drop: !Ref AWS::NoValue}
                """));
    assertThat(Templates.resource(r, "R").properties()).containsOnlyKeys("List", "Nested");
    assertThat(texts(prop(r, "R", "List"))).containsExactly("a", "b");
    assertThat(((Value.MapValue) prop(r, "R", "Nested")).entries()).containsOnlyKeys("Keep");
  }

  @Test
  void scalarsKeepTheirKind() {
    Resolution r = clean(withProps("S: text\nN: 0.5\nB: true\nZ: null\n"));
    assertThat(prop(r, "R", "S")).isEqualTo(new Value.Text("text", prop(r, "R", "S").origin()));
    assertThat(prop(r, "R", "N")).isInstanceOf(Value.Num.class);
    assertThat(prop(r, "R", "N").literal()).hasValue("0.5");
    assertThat(prop(r, "R", "B")).isInstanceOf(Value.Bool.class);
    assertThat(((Value.Bool) prop(r, "R", "B")).value()).isTrue();
    assertThat(prop(r, "R", "Z")).isInstanceOf(Value.Null.class);
  }

  @Test
  void numberParameterWithTextDefaultIsAProblemAtTheDefault() {
    Resolution r =
        resolve(
            """
            Parameters:
              Port:
                Type: Number
                Default: https
            Resources:
              R:
                Type: AWS::Test::Thing
                Properties:
                  Port: !Ref Port
            """);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).contains("Port").contains("not a number");
              assertThat(p.origin().location().line()).isEqualTo(4);
            });
    assertThat(prop(r, "R", "Port").literal()).hasValue("https");
  }

  @Test
  void nestedStackParametersComeFromTheParentWhenLiteralElseSymbolic() {
    var parent =
        Templates.template(
            """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
              Child:
                Type: AWS::CloudFormation::Stack
                Properties:
                  Parameters:
                    Cidr: 10.1.0.0/16
                    Azs: [a, b]
                    VpcId: !Ref Vpc
                    VpcCidr: !GetAtt Vpc.CidrBlock
                    Region: !Ref AWS::Region
                    Skipped: !Ref AWS::NoValue
                    Joined: !Join ['', [a, b]]
            """,
            "parent.yaml");
    Node.MapNode passed =
        (Node.MapNode)
            ((Node.MapNode)
                ((Node.MapNode) ((Node.MapNode) parent.resources().get("Child")).get("Properties"))
                    .get("Parameters"));
    var child =
        Templates.template(
            """
            Parameters:
              Cidr: {Type: String, Default: 10.0.0.0/16}
              Azs: {Type: CommaDelimitedList}
              VpcId: {Type: AWS::EC2::VPC::Id}
              VpcCidr: {Type: String}
              Region: {Type: String}
              Skipped: {Type: String, Default: kept}
              Joined: {Type: String}
            Resources:
              R:
                Type: AWS::Test::Thing
                Properties:
                  Cidr: !Ref Cidr
                  Azs: !Ref Azs
                  VpcId: !Ref VpcId
                  VpcCidr: !Ref VpcCidr
                  Region: !Ref Region
                  Skipped: !Ref Skipped
                  Joined: !Ref Joined
            """,
            "child.yaml");
    Resolution r =
        new StackResolver(Map.of())
            .resolve(new StackSource("App/Child", child, null, Map.of(), passed.entries()));
    assertThat(r.problems()).isEmpty();
    assertThat(prop(r, "R", "Cidr").literal()).hasValue("10.1.0.0/16");
    assertThat(texts(prop(r, "R", "Azs"))).containsExactly("a", "b");
    Value.Symbolic vpcId = symbolic(prop(r, "R", "VpcId"));
    assertThat(vpcId.kind()).isEqualTo(Kind.PARAMETER);
    assertThat(vpcId.description()).isEqualTo("App.Vpc");
    assertThat(symbolic(prop(r, "R", "VpcCidr")).description()).isEqualTo("App.Vpc.CidrBlock");
    assertThat(symbolic(prop(r, "R", "Region")).kind()).isEqualTo(Kind.PSEUDO_PARAMETER);
    assertThat(prop(r, "R", "Skipped").literal()).hasValue("kept");
    assertThat(symbolic(prop(r, "R", "Joined")).description()).isEqualTo("App.Fn::Join");
    assertThat(prop(r, "R", "VpcId").origin().location().file()).isEqualTo("child.yaml");
  }

  @Test
  void refInsideAListKeepsTheListOrder() {
    Resolution r = clean(withProps("Ids: [!Ref Vpc, literal, !Ref AWS::Region]\n"));
    Value ids = prop(r, "R", "Ids");
    assertThat(texts(ids)).containsExactly("${Vpc}", "literal", "${AWS::Region}");
    assertThat(((Value.ListValue) ids).items().get(0).origin().templatePath())
        .isEqualTo(List.of("Resources", "R", "Properties", "Ids", "0"));
  }
}
