package dev.netlint.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The build bundles the schemas the index lists, and the index and the pom agree. */
class BundledSchemasTest {

  @Test
  void everyIndexedTypeHasItsSchemaOnTheClasspath() {
    Set<String> types = ResourceSchemas.bundled().modeledTypes();
    assertThat(types).contains("AWS::EC2::VPC", "AWS::EC2::Route", "AWS::RDS::DBInstance");
    for (String type : types) {
      assertThat(
              getClass()
                  .getClassLoader()
                  .getResource(ResourceSchemas.SCHEMA_DIR + ResourceSchemas.fileName(type)))
          .as(ResourceSchemas.NOT_BUNDLED + " (" + type + ")")
          .isNotNull();
    }
  }

  @Test
  void theIndexListsWhatThePomBundles() throws IOException {
    String repo = System.getProperty("netlint.repo.dir");
    assertThat(repo).as("system property netlint.repo.dir (set by surefire)").isNotNull();
    String pom = Files.readString(Path.of(repo, "analyzer", "pom.xml"));
    int start = pom.indexOf("<id>bundle-cfn-lint-schemas</id>");
    assertThat(start).as("execution bundle-cfn-lint-schemas in analyzer/pom.xml").isPositive();
    String execution = pom.substring(start, pom.indexOf("</execution>", start));
    Set<String> included = new TreeSet<>();
    Matcher m = Pattern.compile("<include>([^<]+)</include>").matcher(execution);
    while (m.find()) {
      included.add(m.group(1));
    }
    Set<String> indexed = new TreeSet<>();
    for (String type : ResourceSchemas.bundled().modeledTypes()) {
      indexed.add(ResourceSchemas.fileName(type));
    }
    assertThat(included).isEqualTo(indexed);
  }

  @Test
  void everyBundledSchemaCompilesWithAllItsPatterns() {
    ResourceSchemas schemas = ResourceSchemas.bundled();
    for (String type : schemas.modeledTypes()) {
      JsonNode raw = schemas.rawSchema(type);
      assertThat(raw).isNotNull();
      assertThat(raw.path("typeName").asText()).isEqualTo(type);
      List<String> patterns = new ArrayList<>();
      collectPatterns(raw, patterns);
      for (String p : patterns) {
        assertThat(EcmaRegularExpressionFactory.compile(p)).as(type + " pattern " + p).isNotNull();
      }
      assertThat(schemas.validate(type, null)).isNotNull();
    }
  }

  @Test
  void aJarBuiltWithoutTheSchemasFailsClearly() {
    ClassLoader withoutSchemas =
        new ClassLoader(getClass().getClassLoader()) {
          @Override
          public URL getResource(String name) {
            return name.startsWith(ResourceSchemas.SCHEMA_DIR) ? null : super.getResource(name);
          }

          @Override
          public InputStream getResourceAsStream(String name) {
            return name.startsWith(ResourceSchemas.SCHEMA_DIR)
                ? null
                : super.getResourceAsStream(name);
          }
        };
    assertThatThrownBy(() -> new ResourceSchemas(withoutSchemas))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(ResourceSchemas.NOT_BUNDLED);
  }

  private static void collectPatterns(JsonNode node, List<String> out) {
    if (node.isObject()) {
      for (var e : node.properties()) {
        if (e.getKey().equals("pattern") && e.getValue().isTextual()) {
          out.add(e.getValue().textValue());
        } else if (e.getKey().equals("patternProperties")) {
          e.getValue().fieldNames().forEachRemaining(out::add);
        }
        collectPatterns(e.getValue(), out);
      }
    } else if (node.isArray()) {
      node.forEach(n -> collectPatterns(n, out));
    }
  }
}
