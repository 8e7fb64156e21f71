package dev.netlint.parse.intrinsic;

import static dev.netlint.parse.intrinsic.Templates.clean;
import static dev.netlint.parse.intrinsic.Templates.problemLines;
import static dev.netlint.parse.intrinsic.Templates.prop;
import static dev.netlint.parse.intrinsic.Templates.resolve;
import static dev.netlint.parse.intrinsic.Templates.resource;
import static dev.netlint.parse.intrinsic.Templates.symbolic;
import static dev.netlint.parse.intrinsic.Templates.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Resource;
import dev.netlint.model.Value;
import dev.netlint.model.Value.Symbolic.Kind;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private static final String HEAD =
      """
      Parameters:
        Env: {Type: String, Default: dev}
        Free: {Type: String}
        Count: {Type: Number, Default: 2}
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
        IsDev: !Equals [dev, !Ref Env]
        InUsEast: !Equals [!Ref AWS::Region, us-east-1]
        FreeSet: !Not [!Equals [!Ref Free, '']]
        NotProd: !Not [!Condition IsProd]
        DevOrUnknown: !Or [!Condition IsDev, !Condition InUsEast]
        ProdOrUnknown: !Or [!Condition IsProd, !Condition InUsEast]
        DevAndUnknown: !And [!Condition IsDev, !Condition InUsEast]
        ProdAndUnknown: !And [!Condition IsProd, !Condition InUsEast]
        TwoCount: !Equals [!Ref Count, 2]
        SameRegion: !Equals [!Ref AWS::Region, !Ref AWS::Region]
      """;

  private static String template(String resources) {
    return HEAD + "Resources:\n" + resources.indent(2);
  }

  @Test
  void conditionFalseOnDefaultsMakesTheResourceInactiveButKeepsIt() {
    Resolution r =
        clean(
            template(
                """
                ProdNat:
                  Type: AWS::EC2::NatGateway
                  Condition: IsProd
                DevNat:
                  Type: AWS::EC2::NatGateway
                  Condition: IsDev
                MaybeNat:
                  Type: AWS::EC2::NatGateway
                  Condition: InUsEast
                """));
    Resource prod = resource(r, "ProdNat");
    assertThat(prod.active()).isFalse();
    assertThat(prod.condition()).isEqualTo("IsProd");
    assertThat(resource(r, "DevNat").active()).isTrue();
    assertThat(resource(r, "MaybeNat").active()).as("unknown counts as active").isTrue();
  }

  @Test
  void threeValuedLogic() {
    StringBuilder resources = new StringBuilder();
    for (String c :
        new String[] {
          "NotProd",
          "DevOrUnknown",
          "ProdOrUnknown",
          "DevAndUnknown",
          "ProdAndUnknown",
          "FreeSet",
          "TwoCount",
          "SameRegion"
        }) {
      resources.append(c).append(":\n  Type: AWS::Test::Thing\n  Properties:\n");
      resources.append("    V: !If [").append(c).append(", 'yes', 'no']\n");
    }
    Resolution r = clean(template(resources.toString()));
    assertThat(prop(r, "NotProd", "V").literal()).hasValue("yes");
    assertThat(prop(r, "DevOrUnknown", "V").literal()).hasValue("yes");
    assertThat(symbolic(prop(r, "ProdOrUnknown", "V")).description())
        .isEqualTo("Fn::If(ProdOrUnknown)");
    assertThat(symbolic(prop(r, "DevAndUnknown", "V")).kind()).isEqualTo(Kind.UNRESOLVED);
    assertThat(prop(r, "ProdAndUnknown", "V").literal()).hasValue("no");
    assertThat(symbolic(prop(r, "FreeSet", "V")).kind()).isEqualTo(Kind.UNRESOLVED);
    assertThat(prop(r, "TwoCount", "V").literal()).hasValue("yes");
    assertThat(prop(r, "SameRegion", "V").literal()).hasValue("yes");
  }

  @Test
  void ifChoosesABranchAndNoValueDropsPropertiesAndItems() {
    Resolution r =
        clean(
            template(
                """
                R:
                  Type: AWS::Test::Thing
                  Properties:
                    Chosen: !If [IsDev, !Ref AWS::Region, other]
                    Dropped: !If [IsDev, !Ref AWS::NoValue, kept]
                    List: [a, !If [IsProd, b, !Ref AWS::NoValue], c]
                    Same: !If [InUsEast, 10.0.0.0/16, 10.0.0.0/16]
                    Unknown: !If [InUsEast, a, !Ref AWS::NoValue]
                """));
    assertThat(symbolic(prop(r, "R", "Chosen")).kind()).isEqualTo(Kind.PSEUDO_PARAMETER);
    assertThat(resource(r, "R").properties()).doesNotContainKey("Dropped");
    assertThat(texts(prop(r, "R", "List"))).containsExactly("a", "c");
    assertThat(prop(r, "R", "Same").literal()).hasValue("10.0.0.0/16");
    assertThat(symbolic(prop(r, "R", "Unknown")).description()).isEqualTo("Fn::If(InUsEast)");
  }

  @Test
  void ifAtThePropertiesLevelAndConditionAsAValue() {
    Resolution r =
        clean(
            template(
                """
                R:
                  Type: AWS::Test::Thing
                  Properties: !If
                    - IsDev
                    - {Size: small, Dev: {Condition: IsDev}, Unknown: {Condition: InUsEast}}
                    - {Size: large}
                  Metadata:
                    Policy: {Condition: {StringEquals: {a: b}}}
                """));
    assertThat(resource(r, "R").properties()).containsOnlyKeys("Size", "Dev", "Unknown");
    assertThat(prop(r, "R", "Size").literal()).hasValue("small");
    assertThat(prop(r, "R", "Dev")).isInstanceOf(Value.Bool.class);
    assertThat(((Value.Bool) prop(r, "R", "Dev")).value()).isTrue();
    assertThat(symbolic(prop(r, "R", "Unknown")).description()).isEqualTo("Condition InUsEast");
  }

  @Test
  void iamConditionBlocksStayMappings() {
    Resolution r =
        clean(
            template(
                """
                R:
                  Type: AWS::Test::Thing
                  Properties:
                    Statement: {Condition: {StringEquals: {"aws:SourceVpc": vpc-1}}}
                    Named: {Condition: NotAConditionName}
                """));
    assertThat(prop(r, "R", "Statement")).isInstanceOf(Value.MapValue.class);
    assertThat(prop(r, "R", "Named")).isInstanceOf(Value.MapValue.class);
  }

  @Test
  void cyclesAndMissingConditionsAreProblemsAndUnknown() {
    Resolution r =
        resolve(
            """
            Conditions:
              A: !Condition B
              B: !And [!Condition A, !Equals [x, x]]
            Resources:
              R:
                Type: AWS::Test::Thing
                Condition: A
                Properties:
                  V: !If [Missing, a, b]
            """);
    assertThat(problemLines(r)).containsExactly(2, 9);
    assertThat(r.problems().get(0).message())
        .isEqualTo("condition A depends on itself through Condition references");
    assertThat(r.problems().get(1).message()).isEqualTo("condition Missing is not in Conditions");
    assertThat(resource(r, "R").active()).isTrue();
  }

  @Test
  void malformedConditionsAreProblems() {
    Resolution r =
        resolve(
            """
            Conditions:
              A: !Equals [x]
              B: !And [!Equals [a, a]]
              C: true
              D: !If [A, x, y]
              E: !Not [!Equals [a, a], !Equals [b, b]]
            Resources:
              R:
                Type: AWS::Test::Thing
                Properties:
                  A: !If [A, x, y]
                  B: !If [B, x, y]
                  C: !If [C, x, y]
                  D: !If [D, x, y]
                  E: !If [E, x, y]
                  F: !If [A, x]
                  G: !Equals [a, a]
            """);
    assertThat(problemLines(r)).containsExactly(2, 3, 4, 5, 6, 16, 17);
    assertThat(prop(r, "R", "B").literal())
        .as("an And of one true condition is true")
        .hasValue("x");
  }
}
