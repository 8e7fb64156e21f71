package dev.netlint.parse.intrinsic;

import static dev.netlint.parse.intrinsic.Templates.clean;
import static dev.netlint.parse.intrinsic.Templates.prop;
import static dev.netlint.parse.intrinsic.Templates.symbolic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Value;
import dev.netlint.model.Value.Symbolic.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicReferencesTest {

  private static String template(String props) {
    return """
           Parameters:
             Env: {Type: String}
           Resources:
             R:
               Type: AWS::Test::Thing
               Properties:
           """
        + props.indent(6);
  }

  @Test
  void ssmReferencesAreSsmParametersWithoutVersion() {
    Resolution r =
        clean(
            template(
                """
                A: '{{resolve:ssm:/app/ami-id}}'
                B: '{{resolve:ssm:/app/ami-id:12}}'
                C: '{{resolve:ssm-secure:DbPassword:1}}'
                D: '{{resolve:ssm:arn:aws:ssm:us-east-1:123456789012:parameter/x}}'
                """));
    Value.Symbolic a = symbolic(prop(r, "R", "A"));
    assertThat(a.kind()).isEqualTo(Kind.SSM_PARAMETER);
    assertThat(a.description()).isEqualTo("/app/ami-id");
    assertThat(a.origin().location().line()).isEqualTo(7);
    assertThat(symbolic(prop(r, "R", "B")).description()).isEqualTo("/app/ami-id");
    assertThat(symbolic(prop(r, "R", "C")).description()).isEqualTo("DbPassword");
    assertThat(symbolic(prop(r, "R", "D")).description())
        .isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/x");
  }

  @Test
  void secretsManagerReferencesStayUnresolved() {
    Resolution r =
        clean(template("S: '{{resolve:secretsmanager:MySecret:SecretString:password}}'\n"));
    Value.Symbolic s = symbolic(prop(r, "R", "S"));
    assertThat(s.kind()).isEqualTo(Kind.UNRESOLVED);
    assertThat(s.description())
        .isEqualTo("{{resolve:secretsmanager:MySecret:SecretString:password}}");
  }

  @Test
  void referencesInsideTextAndBuiltBySub() {
    Resolution r =
        clean(
            template(
                """
                Text: 'ami={{resolve:ssm:/a}} and {{resolve:ssm:/b:2}}.'
                Built: !Sub '{{resolve:ssm:/app/${Env}/ami}}'
                Joined: !Join ['', ['{{resolve:ssm:', /x/y, '}}']]
                Unterminated: 'x {{resolve:ssm:/a'
                """));
    Value text = prop(r, "R", "Text");
    assertThat(text).isInstanceOf(Value.Concat.class);
    List<Value> parts = ((Value.Concat) text).parts();
    assertThat(parts).hasSize(5);
    assertThat(parts.get(0).literal()).hasValue("ami=");
    assertThat(symbolic(parts.get(1)).description()).isEqualTo("/a");
    assertThat(parts.get(2).literal()).hasValue(" and ");
    assertThat(symbolic(parts.get(3)).description()).isEqualTo("/b");
    assertThat(parts.get(4).literal()).hasValue(".");
    Value.Symbolic built = symbolic(prop(r, "R", "Built"));
    assertThat(built.kind()).isEqualTo(Kind.SSM_PARAMETER);
    assertThat(built.description()).isEqualTo("/app/${Env}/ami");
    assertThat(symbolic(prop(r, "R", "Joined")).description()).isEqualTo("/x/y");
    assertThat(prop(r, "R", "Unterminated").literal()).hasValue("x {{resolve:ssm:/a");
  }
}
