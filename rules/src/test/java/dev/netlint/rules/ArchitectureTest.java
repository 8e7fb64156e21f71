package dev.netlint.rules;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.netlint.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The data flow of ../shared/STYLE.md as tests: files → parse → model → flows + graph → rules →
 * findings → report, written as whitelists (what each layer may use), so that a new package or
 * library is refused until someone decides where it belongs.
 */
class ArchitectureTest {

  static final JavaClasses NETLINT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.netlint");

  /** What every layer may use besides netlint itself: the JDK and the nullness annotations. */
  private static final String[] PLATFORM = {"java..", "org.jspecify.."};

  private static String[] allowed(String... packages) {
    String[] all = new String[packages.length + PLATFORM.length];
    System.arraycopy(packages, 0, all, 0, packages.length);
    System.arraycopy(PLATFORM, 0, all, packages.length, PLATFORM.length);
    return all;
  }

  @Test
  void layersUseOnlyTheLayersBelowThem() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("dev.netlint..")
        .layer("Model")
        .definedBy("dev.netlint.model..")
        .layer("Parse")
        .definedBy("dev.netlint.parse..")
        .layer("Schema")
        .definedBy("dev.netlint.schema..")
        .layer("Api")
        .definedBy("dev.netlint.api..")
        .layer("Flows")
        .definedBy("dev.netlint.flows..")
        .layer("Graph")
        .definedBy("dev.netlint.graph..")
        .layer("Rules")
        .definedBy("dev.netlint.rules..")
        .layer("Report")
        .definedBy("dev.netlint.report..")
        .layer("Engine")
        .definedBy("dev.netlint.engine..")
        .whereLayer("Engine")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Report")
        .mayOnlyBeAccessedByLayers("Engine")
        .whereLayer("Rules")
        .mayOnlyBeAccessedByLayers("Engine")
        .whereLayer("Graph")
        .mayOnlyBeAccessedByLayers("Engine")
        .whereLayer("Flows")
        .mayOnlyBeAccessedByLayers("Engine")
        .whereLayer("Schema")
        .mayOnlyBeAccessedByLayers("Engine")
        .whereLayer("Parse")
        .mayOnlyBeAccessedByLayers("Schema", "Flows", "Engine")
        .whereLayer("Api")
        .mayOnlyBeAccessedByLayers("Flows", "Graph", "Rules", "Report", "Engine")
        .whereLayer("Model")
        .mayOnlyBeAccessedByLayers(
            "Parse", "Schema", "Api", "Flows", "Graph", "Rules", "Report", "Engine")
        .check(NETLINT);
  }

  @Test
  void rulesSeeOnlyTheApiAndTheModel() {
    classes()
        .that()
        .resideInAPackage("dev.netlint.rules..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            allowed("dev.netlint.rules..", "dev.netlint.api..", "dev.netlint.model.."))
        .check(NETLINT);
  }

  @Test
  void theModelUsesNothingButItself() {
    classes()
        .that()
        .resideInAPackage("dev.netlint.model..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(allowed("dev.netlint.model..", "inet.ipaddr.."))
        .check(NETLINT);
  }

  @Test
  void flowInferenceAndTheGraphSeeTheModelAndTheQueryApiOnly() {
    classes()
        .that()
        .resideInAPackage("dev.netlint.flows..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            allowed(
                "dev.netlint.flows..",
                "dev.netlint.api..",
                "dev.netlint.model..",
                // .netlint.yaml is read as located YAML, as templates are.
                "dev.netlint.parse.cfn.."))
        .check(NETLINT);
    classes()
        .that()
        .resideInAPackage("dev.netlint.graph..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            allowed(
                "dev.netlint.graph..", "dev.netlint.api..", "dev.netlint.model..", "org.jgrapht.."))
        .check(NETLINT);
  }

  /**
   * Raw CloudFormation properties are read by the model's converters: rules, flow inference and the
   * graph read typed records (STYLE.md, "One fact, one place"). The parser and the schema checks of
   * the engine (NL002, NL003) read them because what they check is the raw template.
   */
  @Test
  void onlyTheModelReadsRawProperties() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage("dev.netlint.rules..", "dev.netlint.graph..", "dev.netlint.flows..")
            .should()
            .callMethodWhere(
                describe(
                    "Resource.property or Resource.properties",
                    (JavaAccess<?> access) ->
                        access.getTargetOwner().isEquivalentTo(Resource.class)
                            && (access.getName().equals("property")
                                || access.getName().equals("properties"))));
    rule.check(NETLINT);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.netlint.(**)").should().beFreeOfCycles().check(NETLINT);
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
