package dev.netlint.parse.intrinsic;

import static dev.netlint.parse.intrinsic.Templates.clean;
import static dev.netlint.parse.intrinsic.Templates.problemLines;
import static dev.netlint.parse.intrinsic.Templates.prop;
import static dev.netlint.parse.intrinsic.Templates.resolve;
import static dev.netlint.parse.intrinsic.Templates.symbolic;
import static dev.netlint.parse.intrinsic.Templates.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.ResourceId;
import dev.netlint.model.Value;
import dev.netlint.model.Value.Symbolic.Kind;
import org.junit.jupiter.api.Test;

/** Fn::Join, Fn::Select, Fn::Split, Fn::GetAZs, Fn::Cidr, Fn::Length, Fn::ToJsonString. */
class ListFunctionsTest {

  private static String template(String props) {
    return """
           Parameters:
             Azs: {Type: CommaDelimitedList, Default: "eu-west-1a,eu-west-1b"}
             Subnets: {Type: List<AWS::EC2::Subnet::Id>}
             Index: {Type: Number, Default: 1}
             Block: {Type: String, Default: 10.20.0.0/16}
           Resources:
             Vpc:
               Type: AWS::EC2::VPC
             A:
               Type: AWS::EC2::Subnet
             B:
               Type: AWS::EC2::Subnet
             R:
               Type: AWS::Test::Thing
               Properties:
           """
        + props.indent(6);
  }

  private static final int FIRST = 16;

  @Test
  void joinOfLiteralsAndOfAListParameterIsText() {
    Resolution r =
        clean(
            template(
                """
                J1: !Join [',', [a, 1, true]]
                J2: !Join ['|', !Ref Azs]
                J3: !Join ['', []]
                """));
    assertThat(prop(r, "R", "J1")).isInstanceOf(Value.Text.class);
    assertThat(prop(r, "R", "J1").literal()).hasValue("a,1,true");
    assertThat(prop(r, "R", "J2").literal()).hasValue("eu-west-1a|eu-west-1b");
    assertThat(prop(r, "R", "J3").literal()).hasValue("");
  }

  @Test
  void joinWithSymbolicPartsIsAConcatAndOfASymbolicListIsUnresolved() {
    Resolution r =
        clean(
            template(
                """
                J1: !Join ['', ['arn:', !Ref AWS::Partition, ':x:', !Ref A]]
                J2: !Join [',', !Ref Subnets]
                """));
    Value j1 = prop(r, "R", "J1");
    assertThat(j1).isInstanceOf(Value.Concat.class);
    assertThat(((Value.Concat) j1).parts()).hasSize(4);
    assertThat(j1.render()).isEqualTo("arn:${AWS::Partition}:x:${A}");
    Value.Symbolic j2 = symbolic(prop(r, "R", "J2"));
    assertThat(j2.kind()).isEqualTo(Kind.UNRESOLVED);
    assertThat(j2.description()).isEqualTo("Fn::Join(',', Subnets)");
  }

  @Test
  void selectFromLiteralListsAndListParameters() {
    Resolution r =
        clean(
            template(
                """
                S1: !Select [1, [x, y, z]]
                S2: !Select [!Ref Index, !Ref Azs]
                S3: !Select ['0', !Ref Azs]
                """));
    assertThat(prop(r, "R", "S1").literal()).hasValue("y");
    assertThat(prop(r, "R", "S1").origin().location().line()).isEqualTo(FIRST);
    assertThat(prop(r, "R", "S2").literal()).hasValue("eu-west-1b");
    assertThat(prop(r, "R", "S3").literal()).hasValue("eu-west-1a");
  }

  @Test
  void selectOfGetAzsSaysWhichAzOfTheRegion() {
    Resolution r =
        clean(
            template(
                """
                Az0: !Select [0, !GetAZs '']
                Az1: !Select [1, {"Fn::GetAZs": !Ref AWS::Region}]
                Az0Again: !Select [0, !GetAZs ""]
                Other: !Select [0, !GetAZs eu-central-1]
                FromParam: !Select [0, !Ref Subnets]
                """));
    Value.Symbolic az0 = symbolic(prop(r, "R", "Az0"));
    assertThat(az0.kind()).isEqualTo(Kind.UNRESOLVED);
    assertThat(az0.description()).isEqualTo("Fn::Select(0, Fn::GetAZs)");
    assertThat(symbolic(prop(r, "R", "Az1")).description()).isEqualTo("Fn::Select(1, Fn::GetAZs)");
    assertThat(ValueOps.same(az0, prop(r, "R", "Az0Again"))).isTrue();
    assertThat(ValueOps.same(az0, prop(r, "R", "Az1"))).isFalse();
    assertThat(symbolic(prop(r, "R", "Other")).description())
        .isEqualTo("Fn::Select(0, Fn::GetAZs(eu-central-1))");
    assertThat(symbolic(prop(r, "R", "FromParam")).description())
        .isEqualTo("Fn::Select(0, Subnets)");
  }

  @Test
  void getAzsAloneIsUnresolved() {
    Resolution r = clean(template("Azs: !GetAZs ''\n"));
    assertThat(symbolic(prop(r, "R", "Azs")).description()).isEqualTo("Fn::GetAZs");
  }

  @Test
  void selectOutOfRangeIsAProblem() {
    Resolution r = resolve(template("S: !Select [2, [a, b]]\n"));
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .isEqualTo("Fn::Select index 2 is out of range for a list of 2 items");
              assertThat(p.origin().location().line()).isEqualTo(FIRST);
            });
    assertThat(symbolic(prop(r, "R", "S")).kind()).isEqualTo(Kind.UNRESOLVED);
  }

  @Test
  void splitOfLiteralsKeepsEmptyPieces() {
    Resolution r = clean(template("S: !Split [',', 'a,,b,']\nT: !Split ['::', 'x::y']\n"));
    assertThat(texts(prop(r, "R", "S"))).containsExactly("a", "", "b", "");
    assertThat(texts(prop(r, "R", "T"))).containsExactly("x", "y");
  }

  @Test
  void splitOfSymbolicStringIsUnresolved() {
    Resolution r = clean(template("S: !Split [',', !GetAtt Vpc.CidrBlockAssociations]\n"));
    assertThat(symbolic(prop(r, "R", "S")).description())
        .isEqualTo("Fn::Split(',', Vpc.CidrBlockAssociations)");
  }

  @Test
  void splitOfAJoinOfResourceIdsGivesTheResourcesBack() {
    Resolution r =
        clean(
            template(
                """
                S: !Select [1, !Split [',', !Join [',', [!Ref A, !Ref B]]]]
                All: !Split [',', !Join [',', [!Ref A, !GetAtt B.Arn, lit]]]
                """));
    Value s = prop(r, "R", "S");
    assertThat(s).isInstanceOf(Value.ResourceRef.class);
    assertThat(((Value.ResourceRef) s).target()).isEqualTo(new ResourceId("t", "B"));
    assertThat(texts(prop(r, "R", "All"))).containsExactly("${A}", "${B.Arn}", "lit");
  }

  @Test
  void cidrOfALiteralIpv4Block() {
    Resolution r =
        clean(
            template(
                """
                All: !Cidr [10.0.0.0/16, 3, 8]
                Second: !Select [1, !Cidr [!Ref Block, 4, 12]]
                """));
    assertThat(texts(prop(r, "R", "All")))
        .containsExactly("10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24");
    assertThat(prop(r, "R", "Second").literal()).hasValue("10.20.16.0/20");
  }

  @Test
  void cidrOfALiteralIpv6Block() {
    Resolution r = clean(template("All: !Cidr ['2001:db8:1::/56', 3, 64]\n"));
    assertThat(texts(prop(r, "R", "All")))
        .containsExactly("2001:db8:1::/64", "2001:db8:1:1::/64", "2001:db8:1:2::/64");
  }

  @Test
  void cidrOfASymbolicBlockIsUnresolved() {
    Resolution r =
        clean(
            template(
                """
                V6: !Select [0, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 256, 64]]
                """));
    assertThat(symbolic(prop(r, "R", "V6")).description())
        .isEqualTo("Fn::Select(0, Fn::Cidr(Fn::Select(0, Vpc.Ipv6CidrBlocks), 256, 64))");
  }

  @Test
  void cidrOfAnAttributeKeepsATypedComputationForTheModel() {
    Resolution r =
        clean(
            template(
                """
                Third: !Select [2, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
                Count: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, !Ref Block, 8]]
                """));
    Value.Symbolic third = symbolic(prop(r, "R", "Third"));
    assertThat(third.computation()).isInstanceOf(Value.Symbolic.CidrBlock.class);
    Value.Symbolic.CidrBlock block = (Value.Symbolic.CidrBlock) third.computation();
    assertThat(block.index()).isEqualTo(2);
    assertThat(block.blocks().count()).isEqualTo(4);
    assertThat(block.blocks().cidrBits()).isEqualTo(8);
    assertThat(block.blocks().ipBlock())
        .isInstanceOfSatisfying(
            Value.Attribute.class, a -> assertThat(a.attribute()).isEqualTo("CidrBlock"));
    assertThat(symbolic(prop(r, "R", "Count")).computation()).isNull();
  }

  @Test
  void cidrThatDoesNotFitIsAProblem() {
    Resolution r =
        resolve(
            template(
                """
                TooMany: !Cidr [10.0.0.0/24, 5, 6]
                TooBig: !Cidr [10.0.0.0/24, 1, 9]
                NotABlock: !Cidr [10.0.0.300/24, 1, 4]
                NotANumber: !Cidr [10.0.0.0/24, two, 4]
                """));
    assertThat(problemLines(r)).containsExactly(FIRST, FIRST + 1, FIRST + 2, FIRST + 3);
    assertThat(r.problems().get(0).message())
        .isEqualTo("Fn::Cidr: 10.0.0.0/24 has room for 4 subnets of /26, not 5");
    assertThat(r.problems().get(1).message())
        .isEqualTo("Fn::Cidr: a /23 subnet (cidrBits 9) is larger than 10.0.0.0/24");
  }

  @Test
  void lengthAndToJsonString() {
    Resolution r =
        clean(
            template(
                """
                N: {"Fn::Length": !Ref Azs}
                U: {"Fn::Length": !Ref Subnets}
                J: {"Fn::ToJsonString": {a: [1, "x", true], b: {c: null}}}
                K: {"Fn::ToJsonString": {a: !Ref Vpc}}
                """));
    assertThat(prop(r, "R", "N")).isInstanceOf(Value.Num.class);
    assertThat(prop(r, "R", "N").literal()).hasValue("2");
    assertThat(symbolic(prop(r, "R", "U")).description()).isEqualTo("Fn::Length(Subnets)");
    assertThat(prop(r, "R", "J").literal()).hasValue("{\"a\":[1,\"x\",true],\"b\":{\"c\":null}}");
    assertThat(symbolic(prop(r, "R", "K")).kind()).isEqualTo(Kind.UNRESOLVED);
  }

  @Test
  void base64KeepsItsArgumentReadable() {
    Resolution r = clean(template("U: !Base64 'echo hi'\nV: !Base64 {Ref: Vpc}\n"));
    assertThat(prop(r, "R", "U").literal()).hasValue("echo hi");
    assertThat(prop(r, "R", "V")).isInstanceOf(Value.ResourceRef.class);
  }

  @Test
  void malformedListFunctionsAreProblems() {
    Resolution r =
        resolve(
            template(
                """
                A: !Join [',']
                B: !Join [!Ref Vpc, [a]]
                C: !Select [x, [a]]
                D: !Select [-1, [a]]
                E: !Split ['', abc]
                F: !Join [',', [[nested]]]
                G: !Select [0, plain]
                """));
    assertThat(problemLines(r))
        .containsExactly(FIRST, FIRST + 1, FIRST + 2, FIRST + 3, FIRST + 4, FIRST + 5, FIRST + 6);
    assertThat(r.problems().get(5).message())
        .isEqualTo("item 0 of Fn::Join is a list, not a string");
  }
}
