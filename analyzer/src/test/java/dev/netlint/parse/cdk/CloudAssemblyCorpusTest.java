package dev.netlint.parse.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.parse.cfn.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every cloud assembly of the real corpus (CDK integration-test snapshots, manifest schema
 * versions 17 to 36, 42 nested stacks) and checks the result against counts taken with plain
 * Jackson.
 */
class CloudAssemblyCorpusTest {

  static Path sharedDir() {
    String dir = System.getProperty("netlint.shared.dir");
    assertThat(dir).as("system property netlint.shared.dir").isNotNull();
    Path shared = Path.of(dir);
    assertThat(shared.resolve("corpus")).as("the shared corpus").isDirectory();
    return shared;
  }

  static List<Path> assemblyDirs(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.getFileName().toString().equals(CloudAssemblyLoader.MANIFEST_FILE))
          .map(Path::getParent)
          .sorted()
          .toList();
    }
  }

  @Test
  void everyCorpusAssemblyLoadsWithAllItsStacks() throws IOException {
    Path integ = sharedDir().resolve("corpus/aws-cdk-integ");
    List<Path> dirs = assemblyDirs(integ);
    ObjectMapper json = new ObjectMapper();
    CloudAssemblyLoader loader = new CloudAssemblyLoader();
    int stacks = 0;
    int nested = 0;
    int expectedStacks = 0;
    int expectedNested = 0;
    int resourceCount = 0;
    List<String> unnamed = new ArrayList<>();
    List<CloudAssembly.Problem> problems = new ArrayList<>();
    for (Path dir : dirs) {
      JsonNode manifest = json.readTree(dir.resolve("manifest.json").toFile());
      for (JsonNode artifact : manifest.get("artifacts")) {
        if (artifact.path("type").asText().equals("aws:cloudformation:stack")) {
          expectedStacks++;
        }
      }
      try (Stream<Path> files = Files.list(dir)) {
        expectedNested +=
            (int) files.filter(f -> f.toString().endsWith(".nested.template.json")).count();
      }

      CloudAssembly assembly = loader.load(dir, integ.relativize(dir).toString());

      problems.addAll(assembly.problems());
      for (CloudAssembly.AssemblyStack stack : assembly.stacks()) {
        if (stack.nested()) {
          nested++;
          assertThat(stack.source().constructPath()).as(stack.source().stackName()).isNotNull();
          assertThat(stack.source().parameterValues().keySet())
              .as("parameters passed to %s", stack.source().stackName())
              .isSubsetOf(parameterNames(stack));
        } else {
          stacks++;
          assertThat(stack.displayName()).isEqualTo(stack.source().constructPath());
        }
        assertThat(stack.source().constructPaths().values())
            .as("construct paths in %s", stack.source().stackName())
            .allMatch(p -> p.startsWith(stack.source().constructPath() + "/"));
        var resources = stack.source().template().resources();
        if (resources != null) {
          for (String logicalId : resources.entries().keySet()) {
            resourceCount++;
            if (!stack.source().constructPaths().containsKey(logicalId)) {
              unnamed.add(stack.source().stackName() + "/" + logicalId);
            }
          }
        }
      }
    }
    System.out.printf(
        "cloud assemblies: %d, stacks: %d, nested stacks: %d, problems: %d%n",
        dirs.size(), stacks, nested, problems.size());
    problems.forEach(p -> System.out.println("  " + p.location() + ": " + p.message()));
    System.out.printf(
        "resources: %d, without a construct path in the manifest: %s%n", resourceCount, unnamed);
    assertThat(dirs).hasSizeGreaterThan(250);
    assertThat(stacks).isEqualTo(expectedStacks);
    assertThat(nested).isEqualTo(expectedNested).isPositive();
    assertThat(problems).isEmpty();
    // A few snapshots are stale (the manifest names an older logical ID); nearly all must match.
    assertThat(unnamed.size()).isLessThan(resourceCount / 100);
  }

  private static Set<String> parameterNames(CloudAssembly.AssemblyStack stack) {
    var params = stack.source().template().root().get("Parameters");
    return params instanceof Node.MapNode m ? m.entries().keySet() : Set.of();
  }
}
