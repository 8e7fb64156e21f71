package dev.netlint.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.parse.cfn.InputException;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.Template;
import dev.netlint.parse.cfn.TemplateLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Validates every resource of a modeled type in the real-world corpus: nothing may throw. Prints
 * what it found so that false positives show up in the build log.
 */
class CorpusSchemaTest {

  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\\b\\d+\\b");

  @Test
  void everyModeledResourceOfTheCorpusValidatesWithoutException() throws IOException {
    String shared = System.getProperty("netlint.shared.dir");
    assertThat(shared).as("system property netlint.shared.dir (set by surefire)").isNotNull();
    Path corpus = Path.of(shared, "corpus");
    assertThat(corpus).as("the corpus in ../shared").isDirectory();

    ResourceSchemas schemas = ResourceSchemas.bundled();
    TemplateLoader loader = new TemplateLoader();
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    Map<String, int[]> perType = new TreeMap<>();
    Map<String, Integer> messages = new TreeMap<>();
    Map<String, Integer> shapes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int templates = 0;
    int unreadable = 0;
    for (Path file : files) {
      String name = corpus.relativize(file).toString().replace('\\', '/');
      Template template;
      try {
        template = loader.loadIfTemplate(file, name);
      } catch (InputException e) {
        unreadable++;
        continue;
      }
      if (template == null || template.resources() == null) {
        continue;
      }
      templates++;
      for (var e : template.resources().entries().entrySet()) {
        if (!(e.getValue() instanceof Node.MapNode resource)
            || !(resource.get("Type") instanceof Node.ScalarNode typeNode)
            || !schemas.isModeled(typeNode.textOrEmpty())) {
          continue;
        }
        String type = typeNode.textOrEmpty();
        int[] counts = perType.computeIfAbsent(type, t -> new int[3]);
        counts[0]++;
        try {
          List<SchemaProblem> problems =
              schemas.validate(type, resource.get("Properties"), resource.origin());
          if (!problems.isEmpty()) {
            counts[1]++;
          }
          counts[2] += problems.size();
          for (SchemaProblem p : problems) {
            messages.merge(type + " " + p.message(), 1, Integer::sum);
            shapes.merge(
                type + " [" + p.keyword() + "] " + QUOTED.matcher(p.message()).replaceAll("_"),
                1,
                Integer::sum);
          }
        } catch (RuntimeException | StackOverflowError ex) {
          StringWriter trace = new StringWriter();
          ex.printStackTrace(new PrintWriter(trace));
          failures.add(name + " " + e.getKey() + ": " + trace);
        }
      }
    }

    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "corpus: %d files, %d templates, %d unreadable%n",
            files.size(), templates, unreadable));
    report.append(
        String.format("%-45s %9s %9s %9s%n", "type", "resources", "w/problem", "problems"));
    perType.forEach(
        (t, c) -> report.append(String.format("%-45s %9d %9d %9d%n", t, c[0], c[1], c[2])));
    report.append("most common problems:\n");
    top(messages, 10).forEach(m -> report.append("  ").append(m).append('\n'));
    report.append("most common kinds of problem:\n");
    top(shapes, 15).forEach(m -> report.append("  ").append(m).append('\n'));
    System.out.print(report);

    assertThat(templates).as("templates read from the corpus").isGreaterThan(1000);
    assertThat(failures).isEmpty();
  }

  private static List<String> top(Map<String, Integer> counts, int n) {
    return counts.entrySet().stream()
        .sorted(
            Comparator.comparing(Map.Entry<String, Integer>::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .limit(n)
        .map(e -> String.format("%5d  %s", e.getValue(), e.getKey()))
        .toList();
  }
}
