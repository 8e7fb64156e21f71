package dev.netlint.parse.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.parse.intrinsic.SubTemplate.Segment;
import org.junit.jupiter.api.Test;

class SubTemplateTest {

  private static Segment lit(String s) {
    return new Segment(s, false);
  }

  private static Segment var(String s) {
    return new Segment(s, true);
  }

  @Test
  void placeholdersAndText() {
    assertThat(SubTemplate.parse("a${B}c${D.E}"))
        .containsExactly(lit("a"), var("B"), lit("c"), var("D.E"));
  }

  @Test
  void escapesBecomeLiteralDollarBrace() {
    assertThat(SubTemplate.parse("${!A}-${B}")).containsExactly(lit("${A}-"), var("B"));
  }

  @Test
  void strayDollarsAndBraces() {
    assertThat(SubTemplate.parse("$")).containsExactly(lit("$"));
    assertThat(SubTemplate.parse("$$x}")).containsExactly(lit("$$x}"));
    assertThat(SubTemplate.parse("${")).containsExactly(lit("${"));
    assertThat(SubTemplate.parse("${}")).containsExactly(lit("${}"));
    assertThat(SubTemplate.parse("${!")).containsExactly(lit("${"));
    assertThat(SubTemplate.parse("${a\n}${b}")).containsExactly(lit("${a\n}"), var("b"));
    assertThat(SubTemplate.parse("")).isEmpty();
  }

  @Test
  void placeholderEndsAtFirstClosingBraceAndIsTrimmed() {
    assertThat(SubTemplate.parse("${ A }}")).containsExactly(var("A"), lit("}"));
    assertThat(SubTemplate.parse("${${A}}")).containsExactly(var("${A"), lit("}"));
  }
}
