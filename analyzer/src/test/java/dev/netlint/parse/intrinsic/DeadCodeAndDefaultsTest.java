package dev.netlint.parse.intrinsic;

import static dev.netlint.parse.intrinsic.Templates.clean;
import static dev.netlint.parse.intrinsic.Templates.problemLines;
import static dev.netlint.parse.intrinsic.Templates.prop;
import static dev.netlint.parse.intrinsic.Templates.resolve;
import static dev.netlint.parse.intrinsic.Templates.resource;
import static dev.netlint.parse.intrinsic.Templates.symbolic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Value.Symbolic.Kind;
import org.junit.jupiter.api.Test;

/**
 * What CloudFormation never evaluates (the other branch of a decided Fn::If, the properties of a
 * resource whose condition is false) and what only fails with the parameter defaults raises no
 * problem; the same mistakes in live code with literal values do.
 */
class DeadCodeAndDefaultsTest {

  private static final String HEAD =
      """
      Parameters:
        Tag: {Type: String, Default: ''}
        Azs: {Type: CommaDelimitedList, Default: a}
        Env: {Type: String, Default: dev}
      Mappings:
        Cidrs:
          prod: {Vpc: 10.0.0.0/16}
      Conditions:
        HasTag: !Not [!Equals [!Ref Tag, '']]
      Resources:
      """;

  @Test
  void theBranchNotTakenIsNotEvaluated() {
    Resolution r =
        clean(
            HEAD
                + """
                    R:
                      Type: AWS::Test::Thing
                      Properties:
                        Tags:
                          - !If
                            - HasTag
                            - Key: !Select [0, !Split ['=', !Ref Tag]]
                              Value: !Select [1, !Split ['=', !Ref Tag]]
                            - !Ref AWS::NoValue
                  """);
    assertThat(Templates.texts(prop(r, "R", "Tags"))).isEmpty();
  }

  @Test
  void propertiesOfAnInactiveResourceRaiseNoProblem() {
    Resolution r =
        clean(
            HEAD
                + """
                    R:
                      Type: AWS::Test::Thing
                      Condition: HasTag
                      Properties:
                        Value: !Select [1, [only]]
                        Ref: !Ref Missing
                  """);
    assertThat(resource(r, "R").active()).isFalse();
    assertThat(symbolic(prop(r, "R", "Value")).kind()).isEqualTo(Kind.UNRESOLVED);
  }

  @Test
  void failuresThatRestOnDefaultsAreUnresolvedWithoutProblem() {
    Resolution r =
        clean(
            HEAD
                + """
                    R:
                      Type: AWS::Test::Thing
                      Properties:
                        Az: !Select [1, !Ref Azs]
                        Cidr: !FindInMap [Cidrs, !Ref Env, Vpc]
                  """);
    assertThat(symbolic(prop(r, "R", "Az")).description()).isEqualTo("Fn::Select(1, [a])");
    assertThat(symbolic(prop(r, "R", "Cidr")).description())
        .isEqualTo("Fn::FindInMap(Cidrs, dev, Vpc)");
  }

  @Test
  void theSameFailuresWithLiteralValuesAreProblems() {
    Resolution r =
        resolve(
            HEAD
                + """
                    R:
                      Type: AWS::Test::Thing
                      Properties:
                        Az: !Select [1, [a]]
                        Cidr: !FindInMap [Cidrs, dev, Vpc]
                  """);
    assertThat(problemLines(r)).containsExactly(14, 15);
  }

  @Test
  void problemsOfParametersAndConditionsComeFirstAndOnceEvenWhenOnlyDeadCodeUsesThem() {
    Resolution r =
        resolve(
            """
            Parameters:
              Port: {Type: Number, Default: x}
            Conditions:
              Never: !Equals [a, b]
              Broken: !Equals [a]
              Fn::ForEach::Many: [X, [a], {Cond: !Equals [a, a]}]
            Resources:
              R:
                Type: AWS::Test::Thing
                Condition: Never
                Properties:
                  Port: !Ref Port
            """);
    assertThat(problemLines(r)).containsExactly(2, 5, 6);
  }

  @Test
  void getStackOutputIsAnImportByStackAndOutputName() {
    Resolution r =
        resolve(
            """
            Resources:
              R:
                Type: AWS::Test::Thing
                Properties:
                  A:
                    Fn::GetStackOutput: {StackName: network, OutputName: VpcId}
                  B:
                    Fn::GetStackOutput:
                      StackName: !Sub '${AWS::StackName}-network'
                      OutputName: VpcId
                      Region: eu-west-1
                      RoleArn: arn:aws:iam::123456789012:role/reader
                  C:
                    Fn::GetStackOutput: {StackName: network}
            """);
    var a = symbolic(prop(r, "R", "A"));
    assertThat(a.kind()).isEqualTo(Kind.IMPORT);
    assertThat(a.description()).isEqualTo("network.VpcId");
    assertThat(symbolic(prop(r, "R", "B")).description())
        .isEqualTo("eu-west-1:${AWS::StackName}-network.VpcId");
    assertThat(problemLines(r)).containsExactly(14);
  }

  @Test
  void emptyPropertiesAreNoProblem() {
    Resolution r = clean("Resources:\n  R:\n    Type: AWS::Test::Thing\n    Properties:\n");
    assertThat(resource(r, "R").properties()).isEmpty();
  }
}
