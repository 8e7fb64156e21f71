package dev.netlint.parse.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.parse.cfn.InputException;
import dev.netlint.parse.cfn.StackSource;
import dev.netlint.parse.cfn.Template;
import dev.netlint.parse.cfn.TemplateLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Resolves every template of the shared real-world corpus, the templates of one folder together
 * (the stacks of one cloud assembly), and checks that nothing escapes as an exception.
 */
class CorpusResolutionTest {

  @Test
  void everyCorpusTemplateResolvesWithoutException() throws IOException {
    String shared = System.getProperty("netlint.shared.dir");
    assertThat(shared).as("system property netlint.shared.dir").isNotNull();
    Path corpus = Path.of(shared, "corpus");
    assertThat(corpus).as("the shared corpus").isDirectory();

    TemplateLoader loader = new TemplateLoader();
    Map<Path, List<StackSource>> byFolder = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(CorpusResolutionTest::isCandidate)
              .sorted()
              .toList();
    }
    int unreadable = 0;
    for (Path file : files) {
      String name = corpus.relativize(file).toString().replace('\\', '/');
      Template t;
      try {
        t = loader.loadIfTemplate(file, name);
      } catch (InputException e) {
        unreadable++;
        continue;
      }
      if (t != null) {
        String stack = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        byFolder
            .computeIfAbsent(file.getParent(), k -> new ArrayList<>())
            .add(StackSource.lone(stack, t));
      }
    }

    int stacks = 0;
    int resources = 0;
    int inactive = 0;
    int problems = 0;
    Map<String, Integer> byKind = new TreeMap<>();
    List<String> internal = new ArrayList<>();
    for (List<StackSource> folder : byFolder.values()) {
      List<Resolution> resolutions = StackResolver.resolveAll(folder);
      assertThat(resolutions).hasSameSizeAs(folder);
      for (Resolution r : resolutions) {
        stacks++;
        resources += r.stack().resources().size();
        inactive += (int) r.stack().resources().values().stream().filter(x -> !x.active()).count();
        problems += r.problems().size();
        for (Problem p : r.problems()) {
          byKind.merge(kind(p.message()), 1, Integer::sum);
          if (System.getProperty("corpus.dump") != null) {
            System.out.println("PROBLEM " + p.origin().location() + " " + p.message());
          }
          if (p.message().startsWith("netlint failed")) {
            internal.add(p.origin().location() + ": " + p.message());
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "corpus: %d candidate files, %d unreadable, %d stacks, %d resources (%d inactive),"
            + " %d problems%n",
        files.size(),
        unreadable,
        stacks,
        resources,
        inactive,
        problems);
    byKind.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(25)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));

    assertThat(internal).as("resources that tripped a netlint bug").isEmpty();
    assertThat(stacks).as("templates found in the corpus").isGreaterThan(1000);
    assertThat(resources).isGreaterThan(10_000);
  }

  private static boolean isCandidate(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".json")
        || n.endsWith(".yaml")
        || n.endsWith(".yml")
        || n.endsWith(".template");
  }

  /** A problem message with its concrete names removed, to count problems by kind. */
  private static String kind(String message) {
    return message
        .replaceAll("\\$\\{[^}]*\\}", "\\${…}")
        .replaceAll("\\b(Ref|resource|condition|mapping|names|parameter|output) [^ ,]+", "$1 …")
        .replaceAll("'[^']*'", "'…'")
        .replaceAll("\\d+", "N");
  }
}
