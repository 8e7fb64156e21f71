package dev.netlint.parse.intrinsic;

import static dev.netlint.parse.intrinsic.Templates.clean;
import static dev.netlint.parse.intrinsic.Templates.prop;
import static dev.netlint.parse.intrinsic.Templates.resolve;
import static dev.netlint.parse.intrinsic.Templates.symbolic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.ResourceId;
import dev.netlint.model.Value;
import dev.netlint.model.Value.Symbolic.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubTest {

  private static String template(String props) {
    return """
           Parameters:
             Env: {Type: String, Default: prod}
             Port: {Type: Number, Default: 8080}
             Free: {Type: String}
             Azs: {Type: CommaDelimitedList, Default: "a,b"}
           Resources:
             Vpc:
               Type: AWS::EC2::VPC
             R:
               Type: AWS::Test::Thing
               Properties:
           """
        + props.indent(6);
  }

  private static List<Value> parts(Value v) {
    assertThat(v).isInstanceOf(Value.Concat.class);
    return ((Value.Concat) v).parts();
  }

  @Test
  void literalPlaceholdersMergeIntoText() {
    Resolution r = clean(template("S: !Sub 'app-${Env}-${Port}'\n"));
    Value s = prop(r, "R", "S");
    assertThat(s).isInstanceOf(Value.Text.class);
    assertThat(s.literal()).hasValue("app-prod-8080");
    assertThat(s.origin().location().line()).isEqualTo(12);
  }

  @Test
  void refGetAttAndPseudoPlaceholdersMakeAConcat() {
    Resolution r =
        clean(template("S: !Sub 'arn:${AWS::Partition}:ec2:${Vpc}/${Vpc.CidrBlock}!'\n"));
    List<Value> parts = parts(prop(r, "R", "S"));
    assertThat(parts).hasSize(7);
    assertThat(parts.get(0).literal()).hasValue("arn:");
    assertThat(symbolic(parts.get(1)).description()).isEqualTo("AWS::Partition");
    assertThat(parts.get(2).literal()).hasValue(":ec2:");
    assertThat(parts.get(3)).isInstanceOf(Value.ResourceRef.class);
    assertThat(parts.get(4).literal()).hasValue("/");
    assertThat(parts.get(5)).isInstanceOf(Value.Attribute.class);
    assertThat(((Value.Attribute) parts.get(5)).attribute()).isEqualTo("CidrBlock");
    assertThat(parts.get(6).literal()).hasValue("!");
    assertThat(prop(r, "R", "S").render())
        .isEqualTo("arn:${AWS::Partition}:ec2:${Vpc}/${Vpc.CidrBlock}!");
  }

  @Test
  void aLonePlaceholderIsTheValueItself() {
    Resolution r = clean(template("S: !Sub '${Vpc}'\n"));
    Value s = prop(r, "R", "S");
    assertThat(s).isInstanceOf(Value.ResourceRef.class);
    assertThat(((Value.ResourceRef) s).target()).isEqualTo(new ResourceId("t", "Vpc"));
  }

  @Test
  void exclamationEscapesAreLiteral() {
    Resolution r =
        clean(
            template(
                """
                UserData:
                  Fn::Base64: !Sub |
                    #!/bin/bash
                    REGION=${AWS::Region}
                    echo "${!REGION} $HOME ${!VPC_CIDR:-none}" > /tmp/${Env}
                """));
    Value user = prop(r, "R", "UserData");
    assertThat(user.render())
        .isEqualTo(
            "#!/bin/bash\nREGION=${AWS::Region}\n"
                + "echo \"${REGION} $HOME ${VPC_CIDR:-none}\" > /tmp/prod\n");
  }

  @Test
  void listFormVariablesWinOverTemplateNamesAndResolveRecursively() {
    Resolution r =
        clean(
            template(
                """
                S: !Sub
                  - '${Env}:${Id}:${Joined}:${Env}'
                  - Env: staging
                    Id: !Ref Vpc
                    Joined: !Join ['-', [!Ref Env, !Sub '${AWS::Region}']]
                """));
    assertThat(prop(r, "R", "S").render()).isEqualTo("staging:${Vpc}:prod-${AWS::Region}:staging");
  }

  @Test
  void unterminatedAndLoneDollarsStayLiteral() {
    Resolution r = resolve(template("S: !Sub \"cost $5 ${Env} and ${unterminated\\n${} done\"\n"));
    assertThat(prop(r, "R", "S").literal()).hasValue("cost $5 prod and ${unterminated\n${} done");
    // The value is as cfn-lint reads it, but an unterminated ${ is seldom meant: issue 11.
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("'${unterminated' has no closing }"));
  }

  @Test
  void placeholderNamingNothingIsAProblem() {
    Resolution r = resolve(template("S: !Sub 'a-${Nothing}-${Free}'\n"));
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .isEqualTo(
                      "${Nothing} in Fn::Sub names no parameter, resource or pseudo parameter");
              assertThat(p.origin().location().line()).isEqualTo(12);
            });
    List<Value> parts = parts(prop(r, "R", "S"));
    assertThat(symbolic(parts.get(1)).kind()).isEqualTo(Kind.UNRESOLVED);
    assertThat(symbolic(parts.get(3)).kind()).isEqualTo(Kind.PARAMETER);
  }

  @Test
  void listParameterOrMissingResourceInSubIsAProblem() {
    Resolution r =
        resolve(
            template(
                """
                A: !Sub '${Azs}'
                B: !Sub '${Gone.Arn}'
                C: !Sub '${AWS::NoValue}'
                """));
    assertThat(Templates.problemLines(r)).containsExactly(12, 13, 14);
    assertThat(r.problems().get(0).message())
        .isEqualTo("${Azs} in Fn::Sub is a list, not a string");
    assertThat(r.problems().get(1).message())
        .isEqualTo("${Gone.Arn} in Fn::Sub names Gone, which is not in Resources");
  }

  @Test
  void malformedSubIsAProblem() {
    Resolution r =
        resolve(
            template(
                """
                A: !Sub [only-a-string]
                B: {"Fn::Sub": [x, [not, a, map]]}
                C: {"Fn::Sub": 42}
                """));
    assertThat(Templates.problemLines(r)).containsExactly(12, 13, 14);
    assertThat(symbolic(prop(r, "R", "C")).description()).isEqualTo("Fn::Sub");
  }

  @Test
  void jsonTemplateSubKeepsLineOfTheFunction() {
    var t =
        Templates.json(
            """
            {
              "Resources": {
                "R": {
                  "Type": "AWS::Test::Thing",
                  "Properties": {
                    "Name": {"Fn::Sub": "x-${AWS::StackName}"}
                  }
                }
              }
            }
            """,
            "t.json");
    Resolution r =
        new StackResolver(java.util.Map.of())
            .resolve(dev.netlint.parse.cfn.StackSource.lone("t", t));
    Value name = prop(r, "R", "Name");
    assertThat(name.render()).isEqualTo("x-${AWS::StackName}");
    assertThat(name.origin().location().line()).isEqualTo(6);
  }

  @Test
  void anUnterminatedPlaceholderStaysLiteralWithAProblem() {
    var r =
        resolve(
            "Resources:\n  R:\n    Type: AWS::Test::Thing\n    Properties:\n"
                + "      P: !Sub \"echo ${Vpc\"\n"
                + "      Q: !Sub \"echo ${!Vpc\"\n");
    assertThat(prop(r, "R", "P").literal()).hasValue("echo ${Vpc");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).contains("'${Vpc' has no closing } on its line");
              assertThat(p.origin().location().line()).isEqualTo(5);
            });
  }
}
