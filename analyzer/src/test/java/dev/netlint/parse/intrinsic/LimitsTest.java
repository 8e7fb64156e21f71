package dev.netlint.parse.intrinsic;

import static dev.netlint.parse.intrinsic.Templates.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Origin;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Value;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.StackSource;
import dev.netlint.parse.cfn.Template;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile templates end in problems, never in an exception or a hang. */
class LimitsTest {

  @Test
  void longConditionChainsStopAtTheDepthLimit() {
    StringBuilder yaml = new StringBuilder("Conditions:\n");
    for (int i = 0; i < 1000; i++) {
      yaml.append("  C").append(i).append(": !Condition C").append(i + 1).append('\n');
    }
    yaml.append("  C1000: !Equals [a, a]\n");
    yaml.append("Resources:\n  R:\n    Type: AWS::Test::Thing\n    Condition: C0\n");
    Resolution r = Templates.resolve(yaml.toString());
    // Each chain of 300 conditions that the limit cuts is reported where it is cut.
    assertThat(r.problems())
        .hasSize(3)
        .allSatisfy(p -> assertThat(p.message()).contains("nest deeper than 300 levels"));
    assertThat(resource(r, "R").active()).isTrue();
  }

  @Test
  void deepButLegalNestingResolves() {
    String nested = "[".repeat(240) + "x" + "]".repeat(240);
    StringBuilder select = new StringBuilder("x");
    for (int i = 0; i < 80; i++) {
      select.insert(0, "{\"Fn::Select\": [0, [").append("]]}");
    }
    Resolution r =
        Templates.resolve(
            "Resources:\n  R:\n    Type: AWS::Test::Thing\n    Properties:\n"
                + "      Deep: "
                + nested
                + "\n      Select: "
                + select
                + "\n");
    assertThat(r.problems()).isEmpty();
    assertThat(Templates.prop(r, "R", "Select").literal()).hasValue("x");
  }

  @Test
  void exponentialSharingStopsAtTheWorkLimit() {
    Origin o = new Origin(new SourceLocation("t.yaml", 1, 1), List.of());
    Node node = new Node.ScalarNode("x", Node.ScalarNode.Kind.STRING, o);
    for (int i = 0; i < 40; i++) {
      node = new Node.ListNode(List.of(node, node), o);
    }
    Node.MapNode resource =
        new Node.MapNode(
            Map.of(
                "Type", new Node.ScalarNode("AWS::Test::Thing", Node.ScalarNode.Kind.STRING, o),
                "Properties", new Node.MapNode(Map.of("P", node), Map.of(), o)),
            Map.of(),
            o);
    Node.MapNode root =
        new Node.MapNode(
            Map.of("Resources", new Node.MapNode(Map.of("R", resource), Map.of(), o)), Map.of(), o);
    Template t = new Template(Path.of("t.yaml"), "t.yaml", root);
    Resolution r = new StackResolver(Map.of()).resolve(StackSource.lone("t", t));
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("stopped resolving"));
    assertThat(resource(r, "R").properties().get("P")).isInstanceOf(Value.ListValue.class);
  }

  /** Issue 11 defect 3: eight nested Fn::Sub levels, each inserting the next sixteen times. */
  static String nestedSubs(int levels, int copies, String innermost) {
    String value = innermost;
    for (int level = levels; level >= 1; level--) {
      String name = "v" + level;
      value =
          "{\"Fn::Sub\": [\""
              + ("${" + name + "}").repeat(copies)
              + "\", {\""
              + name
              + "\": "
              + value
              + "}]}";
    }
    return value;
  }

  @Test
  void nestedSubsStopAtTheStringLengthLimit() {
    Resolution r =
        Templates.resolve(
            "Resources:\n  R:\n    Type: AWS::Test::Thing\n    Properties:\n      P: "
                + nestedSubs(8, 16, "\"abcd\"")
                + "\n      Q: small\n");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .contains("Fn::Sub builds a string of more than 1048576 characters");
              assertThat(p.origin().location().line()).isEqualTo(5);
            });
    assertThat(Templates.prop(r, "R", "P").literal()).isEmpty();
    assertThat(Templates.prop(r, "R", "P").toString()).contains("Fn::Sub (too long)");
    assertThat(Templates.prop(r, "R", "Q").literal()).hasValue("small");
  }

  @Test
  void nestedSubsOfDeployTimeValuesStopToo() {
    Resolution r =
        Templates.resolve(
            "Resources:\n  R:\n    Type: AWS::Test::Thing\n    Properties:\n      P: "
                + nestedSubs(8, 16, "{\"Ref\": \"AWS::Region\"}")
                + "\n");
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("more than 1048576 characters"));
  }

  @Test
  void stringsJustUnderTheLimitResolve() {
    Resolution r =
        Templates.resolve(
            "Resources:\n  R:\n    Type: AWS::Test::Thing\n    Properties:\n      P: "
                + nestedSubs(4, 16, "\"abcd\"")
                + "\n");
    assertThat(r.problems()).isEmpty();
    assertThat(Templates.prop(r, "R", "P").literal())
        .hasValueSatisfying(v -> assertThat(v).hasSize(4 * 16 * 16 * 16 * 16));
  }

  @Test
  void manyLongStringsStopAtTheStackBudget() {
    StringBuilder yaml = new StringBuilder("Resources:\n");
    for (int i = 0; i < 70; i++) {
      yaml.append("  R")
          .append(i)
          .append(":\n    Type: AWS::Test::Thing\n    Properties:\n")
          .append("      P: ")
          .append(nestedSubs(2, 16, "\"" + "x".repeat(4000) + "\""))
          .append('\n');
    }
    Resolution r = Templates.resolve(yaml.toString());
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("after building 67108864 characters"));
  }
}
