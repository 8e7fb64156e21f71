package dev.netlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.netlint.api.Rule;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.engine.InputRules;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltInRulesTest {

  private static final JavaClasses RULE_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.netlint.rules");

  @Test
  void everyRuleClassIsListedOnce() {
    Set<String> declared =
        RULE_CLASSES.stream()
            .filter(c -> c.isAssignableTo(Rule.class) && !c.isInterface())
            .map(JavaClass::getName)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    List<String> listed = BuiltInRules.all().stream().map(r -> r.getClass().getName()).toList();
    assertThat(listed).doesNotHaveDuplicates();
    assertThat(Set.copyOf(listed)).isEqualTo(declared);
  }

  @Test
  void listIsSortedByIdAndIdsAreUniqueAndWellFormed() {
    List<RuleDescriptor> rules =
        BuiltInRules.all().stream().map(r -> RuleDescriptor.of(r.getClass())).toList();
    List<String> ids = rules.stream().map(RuleDescriptor::id).toList();
    assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id.matches("NL[1-9]\\d\\d"));
    for (RuleDescriptor d : rules) {
      assertThat(d.name()).as(d.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(d.summary()).as(d.id()).isNotBlank().doesNotEndWith(".");
      assertThat(d.source()).as(d.id()).startsWith("https://docs.aws.amazon.com/");
      assertThat(d.resourceTypes())
          .as(d.id())
          .isNotEmpty()
          .allMatch(t -> t.matches("AWS::\\w+::\\w+"));
    }
  }

  @Test
  void rulesAreFinalAndStateless() {
    for (Rule r : BuiltInRules.all()) {
      Class<?> c = r.getClass();
      assertThat(Modifier.isFinal(c.getModifiers())).as(c.getName()).isTrue();
      assertThat(c.getAnnotation(RuleInfo.class)).as(c.getName()).isNotNull();
      for (Field f : c.getDeclaredFields()) {
        assertThat(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()))
            .as(c.getName() + "." + f.getName() + " must be a constant")
            .isTrue();
      }
    }
  }

  @Test
  void aliasesAreWellFormedAndNoIdOrAliasIsClaimedTwice() {
    List<String> claimed = new ArrayList<>();
    InputRules.all().forEach(d -> claimed.add(d.id()));
    InputRules.suppressionRules().forEach(d -> claimed.add(d.id()));
    for (RuleDescriptor d : BuiltInRules.descriptors()) {
      claimed.add(d.id());
      assertThat(d.aliases()).as(d.id()).allMatch(a -> a.matches("NL\\d{3}"));
      claimed.addAll(d.aliases());
    }
    assertThat(claimed).doesNotHaveDuplicates();
  }

  @Test
  void lookupFindsEveryRuleByItsId() {
    for (RuleDescriptor d : BuiltInRules.descriptors()) {
      assertThat(BuiltInRules.byId(d.id())).contains(d);
    }
    assertThat(BuiltInRules.byId("NL999")).isEmpty();
  }

  @Test
  void lookupHonoursAliases() {
    RuleDescriptor renamed = descriptor("NL105", List.of("NL100"));
    RuleDescriptor other = descriptor("NL106", List.of("NL105"));
    var index = BuiltInRules.index(List.of(renamed, other));
    assertThat(index.get("NL100")).isEqualTo(renamed);
    assertThat(index.get("NL105")).as("an ID wins over another rule's alias").isEqualTo(renamed);
    assertThat(index.get("NL106")).isEqualTo(other);
    assertThat(index).hasSize(3);
  }

  private static RuleDescriptor descriptor(String id, List<String> aliases) {
    return new RuleDescriptor(
        id,
        "renamed-rule",
        "A rule",
        Severity.ERROR,
        List.of("AWS::EC2::Instance"),
        "https://docs.aws.amazon.com/",
        RuleDescriptor.helpUri(id),
        aliases);
  }
}
