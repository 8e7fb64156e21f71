package dev.netlint.parse.intrinsic;

import static dev.netlint.parse.intrinsic.Templates.clean;
import static dev.netlint.parse.intrinsic.Templates.problemLines;
import static dev.netlint.parse.intrinsic.Templates.prop;
import static dev.netlint.parse.intrinsic.Templates.resolve;
import static dev.netlint.parse.intrinsic.Templates.symbolic;
import static dev.netlint.parse.intrinsic.Templates.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Value.Symbolic.Kind;
import org.junit.jupiter.api.Test;

class FindInMapTest {

  private static String template(String props) {
    return """
           Parameters:
             Env: {Type: String, Default: prod}
             Free: {Type: String}
           Mappings:
             EnvToCidr:
               prod: {Vpc: 10.0.0.0/16, Azs: [a, b]}
               dev: {Vpc: 10.1.0.0/16, Azs: [a]}
             RegionToAmi:
               us-east-1: {Ami: ami-1, Port: 22}
               eu-west-1: {Ami: ami-2, Port: 22}
           Resources:
             R:
               Type: AWS::Test::Thing
               Properties:
           """
        + props.indent(6);
  }

  private static final int FIRST = 15;

  @Test
  void literalKeysAndKeysFromParameterDefaults() {
    Resolution r =
        clean(
            template(
                """
                A: !FindInMap [EnvToCidr, dev, Vpc]
                B: !FindInMap [EnvToCidr, !Ref Env, Vpc]
                C: !FindInMap [EnvToCidr, !Ref Env, Azs]
                """));
    assertThat(prop(r, "R", "A").literal()).hasValue("10.1.0.0/16");
    assertThat(prop(r, "R", "A").origin().location().line()).isEqualTo(FIRST);
    assertThat(prop(r, "R", "B").literal()).hasValue("10.0.0.0/16");
    assertThat(texts(prop(r, "R", "C"))).containsExactly("a", "b");
  }

  @Test
  void regionKeyIsSymbolicUnlessEveryRegionAgrees() {
    Resolution r =
        clean(
            template(
                """
                Ami: !FindInMap [RegionToAmi, !Ref AWS::Region, Ami]
                Port: !FindInMap [RegionToAmi, !Ref AWS::Region, Port]
                Free: !FindInMap [EnvToCidr, !Ref Free, Vpc]
                """));
    var ami = symbolic(prop(r, "R", "Ami"));
    assertThat(ami.kind()).isEqualTo(Kind.UNRESOLVED);
    assertThat(ami.description()).isEqualTo("Fn::FindInMap(RegionToAmi, AWS::Region, Ami)");
    assertThat(prop(r, "R", "Port").literal()).hasValue("22");
    assertThat(symbolic(prop(r, "R", "Free")).description())
        .isEqualTo("Fn::FindInMap(EnvToCidr, Free, Vpc)");
  }

  @Test
  void defaultValueIsUsedForMissingKeys() {
    Resolution r =
        clean(
            template(
                """
                A: !FindInMap [EnvToCidr, test, Vpc, {DefaultValue: 10.9.0.0/16}]
                B: !FindInMap [Nowhere, x, y, {DefaultValue: fallback}]
                C: !FindInMap [EnvToCidr, prod, Vpc, {DefaultValue: unused}]
                """));
    assertThat(prop(r, "R", "A").literal()).hasValue("10.9.0.0/16");
    assertThat(prop(r, "R", "B").literal()).hasValue("fallback");
    assertThat(prop(r, "R", "C").literal()).hasValue("10.0.0.0/16");
  }

  @Test
  void missingKeysAndMappingsAreProblems() {
    Resolution r =
        resolve(
            template(
                """
                A: !FindInMap [EnvToCidr, test, Vpc]
                B: !FindInMap [EnvToCidr, prod, Subnet]
                C: !FindInMap [Nowhere, prod, Vpc]
                D: !FindInMap [EnvToCidr, prod]
                E: !FindInMap [EnvToCidr, prod, Vpc, fallback]
                F: !FindInMap [EnvToCidr, test, !Ref Free]
                """));
    assertThat(problemLines(r))
        .containsExactly(FIRST, FIRST + 1, FIRST + 2, FIRST + 3, FIRST + 4, FIRST + 5);
    assertThat(r.problems().get(0).message())
        .isEqualTo("mapping EnvToCidr has no test / Vpc for Fn::FindInMap");
    assertThat(r.problems().get(2).message())
        .isEqualTo("Fn::FindInMap names mapping Nowhere, which is not in Mappings");
  }
}
