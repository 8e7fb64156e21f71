package dev.netlint.parse.intrinsic;

import static dev.netlint.parse.intrinsic.Templates.clean;
import static dev.netlint.parse.intrinsic.Templates.prop;
import static dev.netlint.parse.intrinsic.Templates.resolve;
import static dev.netlint.parse.intrinsic.Templates.symbolic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.ResourceId;
import dev.netlint.model.Value;
import dev.netlint.model.Value.Symbolic.Kind;
import org.junit.jupiter.api.Test;

class GetAttTest {

  private static String template(String props) {
    return """
           Parameters:
             Attr: {Type: String, Default: Endpoint.Port}
             Unknown: {Type: String}
           Resources:
             Db:
               Type: AWS::RDS::DBInstance
             R:
               Type: AWS::Test::Thing
               Properties:
           """
        + props.indent(6);
  }

  private static Value.Attribute attribute(Value v) {
    assertThat(v).isInstanceOf(Value.Attribute.class);
    return (Value.Attribute) v;
  }

  @Test
  void shortFormWithNestedAttributeName() {
    Resolution r = clean(template("A: !GetAtt Db.Endpoint.Address\n"));
    Value.Attribute a = attribute(prop(r, "R", "A"));
    assertThat(a.target()).isEqualTo(new ResourceId("t", "Db"));
    assertThat(a.attribute()).isEqualTo("Endpoint.Address");
    assertThat(a.origin().location().line()).isEqualTo(10);
    assertThat(a.render()).isEqualTo("${Db.Endpoint.Address}");
  }

  @Test
  void longListFormAndLongStringForm() {
    Resolution r =
        clean(
            template(
                """
                A:
                  Fn::GetAtt: [Db, Endpoint.Port]
                B:
                  Fn::GetAtt: Db.Endpoint.Address
                """));
    assertThat(attribute(prop(r, "R", "A")).attribute()).isEqualTo("Endpoint.Port");
    assertThat(attribute(prop(r, "R", "B")).attribute()).isEqualTo("Endpoint.Address");
  }

  @Test
  void attributeNameFromARefOfAParameter() {
    Resolution r =
        clean(
            template(
                """
                A: {"Fn::GetAtt": [Db, !Ref Attr]}
                B: {"Fn::GetAtt": [Db, !Ref Unknown]}
                """));
    assertThat(attribute(prop(r, "R", "A")).attribute()).isEqualTo("Endpoint.Port");
    Value.Symbolic b = symbolic(prop(r, "R", "B"));
    assertThat(b.kind()).isEqualTo(Kind.UNRESOLVED);
    assertThat(b.description()).isEqualTo("Fn::GetAtt Db.Unknown");
  }

  @Test
  void getAttOfAMissingResourceIsAProblemAtTheFunction() {
    Resolution r = resolve(template("A: !GetAtt Missing.Arn\n"));
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .isEqualTo("Fn::GetAtt names Missing, which is not in Resources");
              assertThat(p.origin().location().line()).isEqualTo(10);
            });
    assertThat(symbolic(prop(r, "R", "A")).kind()).isEqualTo(Kind.UNRESOLVED);
  }

  @Test
  void malformedGetAttsAreProblems() {
    Resolution r =
        resolve(
            template(
                """
                A: !GetAtt Db
                B: {"Fn::GetAtt": [Db, Endpoint, Port]}
                C: {"Fn::GetAtt": {Db: Arn}}
                """));
    assertThat(Templates.problemLines(r)).containsExactly(10, 11, 12);
    assertThat(r.problems())
        .allSatisfy(p -> assertThat(p.message()).startsWith("Fn::GetAtt needs"));
  }
}
