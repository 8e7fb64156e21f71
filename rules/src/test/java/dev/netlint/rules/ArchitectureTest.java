package dev.netlint.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The data flow of ../shared/STYLE.md as tests: files, parse, model, graph, rules, findings,
 * report; rules see only the api and the model.
 */
class ArchitectureTest {

  private static final JavaClasses NETLINT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.netlint");

  @Test
  void rulesDependOnlyOnApiAndModel() {
    noClasses()
        .that()
        .resideInAPackage("dev.netlint.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.netlint.parse..",
            "dev.netlint.engine..",
            "dev.netlint.report..",
            "dev.netlint.schema..",
            "com.fasterxml..",
            "org.antlr..",
            "org.jgrapht..")
        .check(NETLINT);
  }

  @Test
  void modelHasNoDependencies() {
    noClasses()
        .that()
        .resideInAPackage("dev.netlint.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.netlint.api..",
            "dev.netlint.parse..",
            "dev.netlint.engine..",
            "dev.netlint.report..",
            "dev.netlint.rules..",
            "com.fasterxml..",
            "org.antlr..",
            "org.jgrapht..")
        .check(NETLINT);
  }

  @Test
  void nothingUpstreamReachesDownstream() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.netlint.parse..", "dev.netlint.model..", "dev.netlint.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.netlint.engine..", "dev.netlint.report..", "dev.netlint.rules..")
        .check(NETLINT);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.netlint.(*)..").should().beFreeOfCycles().check(NETLINT);
  }

  @Test
  void noSystemOutOutsideTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.netlint.cli..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(NETLINT);
  }
}
