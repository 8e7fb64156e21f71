package dev.netlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.Severity;
import dev.netlint.engine.InputRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rule metadata has one source, the {@code @RuleInfo} annotation, and one page per rule, {@code
 * docs/rules/<ID>.md}, that must agree with it: every rule and input finding has a page and every
 * page a rule; a page's title, metadata table and summary say what the annotation says; its
 * examples are verbatim excerpts of the fixtures they name, a bad one with the rule's marker and a
 * good one from {@code fixtures/cfn/<ID>/good/}; and {@code docs/rules.md} indexes the pages.
 */
class RuleDocsTest {

  private static final Path REPO = Path.of(System.getProperty("netlint.repo.dir", ".."));
  private static final Path PAGES = REPO.resolve("docs/rules");
  private static final Pattern ROW = Pattern.compile("^\\| ([A-Za-z ]+) \\| (.*) \\|$");
  private static final Pattern EXAMPLE = Pattern.compile("^### (Bad|Good): `([^`]+)`$");
  private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*(NL\\d{3})\\b");
  private static final String INDEX_START = "<!-- rule index: checked by RuleDocsTest -->\n";
  private static final String INDEX_END = "<!-- end of rule index -->\n";

  private static List<RuleDescriptor> documented() {
    List<RuleDescriptor> all = new ArrayList<>(InputRules.all());
    all.addAll(InputRules.suppressionRules());
    all.addAll(BuiltInRules.descriptors());
    return all;
  }

  private static Set<String> builtInIds() {
    return BuiltInRules.descriptors().stream().map(RuleDescriptor::id).collect(Collectors.toSet());
  }

  @Test
  void everyRuleHasAPageAndEveryPageARule() throws IOException {
    Set<String> pages;
    try (Stream<Path> list = Files.list(PAGES)) {
      pages =
          list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> expected =
        documented().stream()
            .map(d -> d.id() + ".md")
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(pages).as("pages in docs/rules/ (one <ID>.md per rule)").isEqualTo(expected);
  }

  @Test
  void everyPageSaysWhatTheAnnotationSays() throws IOException {
    for (RuleDescriptor d : documented()) {
      Page page = Page.read(PAGES.resolve(d.id() + ".md"));
      assertThat(page.lines.get(0)).as(d.id() + " title").isEqualTo("# " + d.id() + " " + d.name());
      assertThat(page.lines.get(2)).as(d.id() + " summary").isEqualTo(d.summary());
      Map<String, String> table = page.table();
      assertThat(table.get("ID")).as(d.id()).isEqualTo("`" + d.id() + "`");
      assertThat(table.get("Name")).as(d.id()).isEqualTo("`" + d.name() + "`");
      assertThat(table.get("Default severity")).as(d.id()).isEqualTo(d.defaultSeverity().label());
      assertThat(table.get("Resource types")).as(d.id()).isEqualTo(resourceTypes(d));
      assertThat(table.get("Aliases")).as(d.id()).isEqualTo(aliases(d));
      assertThat(table.get("Source")).as(d.id()).isEqualTo(d.source());
      List<String> severities = List.of(table.getOrDefault("Severities", "").split(", "));
      assertThat(severities)
          .as(d.id() + " severities: the default first, then the others it can report")
          .startsWith(d.defaultSeverity().label())
          .doesNotHaveDuplicates()
          .isSubsetOf(Stream.of(Severity.values()).map(Severity::label).toList());
      assertThat(table.get("Fixture marker")).as(d.id() + " fixture marker").isNotBlank();
      assertThat(page.section("Why")).as(d.id() + " ## Why").isNotBlank();
      assertThat(page.section("How to fix")).as(d.id() + " ## How to fix").isNotBlank();
    }
  }

  @Test
  void examplesAreExcerptsOfTheirFixturesBadAndGood() throws IOException {
    for (RuleDescriptor d : documented()) {
      Page page = Page.read(PAGES.resolve(d.id() + ".md"));
      boolean bad = false;
      boolean good = false;
      for (Example example : page.examples()) {
        Path file = REPO.resolve(example.file);
        assertThat(file).as(d.id() + " example file " + example.file).isRegularFile();
        String text = "\n" + Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertThat(example.blocks).as(d.id() + " code blocks under " + example.file).isNotEmpty();
        boolean marked = false;
        for (String block : example.blocks) {
          assertThat(text)
              .as("%s: this example is not a verbatim excerpt of %s", d.id(), example.file)
              .contains("\n" + block + "\n");
          Matcher m = MARKER.matcher(block);
          while (m.find()) {
            marked |= m.group(1).equals(d.id());
          }
        }
        bad |= example.bad && marked;
        good |=
            !example.bad
                && example.file.startsWith("fixtures/cfn/" + d.id() + "/good/")
                && !MARKER.matcher(text).find();
      }
      if (builtInIds().contains(d.id())) {
        assertThat(bad)
            .as(
                d.id() + ": a `### Bad:` example whose excerpt holds the `# expect: %s` marker",
                d.id())
            .isTrue();
        assertThat(good)
            .as(d.id() + ": a `### Good:` example from fixtures/cfn/%s/good/", d.id())
            .isTrue();
      }
    }
  }

  @Test
  void theIndexListsEveryPage() throws IOException {
    String index = Files.readString(REPO.resolve("docs/rules.md"), StandardCharsets.UTF_8);
    int start = index.indexOf(INDEX_START);
    int end = index.indexOf(INDEX_END);
    assertThat(start).as("docs/rules.md: " + INDEX_START.strip()).isNotNegative();
    assertThat(end).as("docs/rules.md: " + INDEX_END.strip()).isGreaterThan(start);
    StringBuilder expected = new StringBuilder();
    expected.append("| ID | name | default severity | summary |\n| --- | --- | --- | --- |\n");
    for (RuleDescriptor d : documented()) {
      expected.append(
          String.format(
              Locale.ROOT,
              "| [%1$s](rules/%1$s.md) | `%2$s` | %3$s | %4$s |%n",
              d.id(),
              d.name(),
              d.defaultSeverity().label(),
              d.summary()));
    }
    assertThat(index.substring(start + INDEX_START.length(), end))
        .isEqualTo(expected.toString().replace(System.lineSeparator(), "\n"));
  }

  private static String resourceTypes(RuleDescriptor d) {
    return d.resourceTypes().isEmpty()
        ? "none (input finding)"
        : d.resourceTypes().stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "));
  }

  private static String aliases(RuleDescriptor d) {
    return d.aliases().isEmpty()
        ? "none"
        : d.aliases().stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "));
  }

  private record Example(boolean bad, String file, List<String> blocks) {}

  private record Page(Path path, List<String> lines) {

    static Page read(Path path) throws IOException {
      assertThat(path).isRegularFile();
      return new Page(path, Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    /** The rows of the metadata table, the first table of the page. */
    Map<String, String> table() {
      Map<String, String> rows = new LinkedHashMap<>();
      for (String line : lines) {
        if (line.startsWith("## ")) {
          break;
        }
        Matcher m = ROW.matcher(line);
        if (m.matches()) {
          rows.put(m.group(1), m.group(2));
        }
      }
      return rows;
    }

    String section(String title) {
      int start = lines.indexOf("## " + title);
      if (start < 0) {
        return "";
      }
      StringBuilder sb = new StringBuilder();
      for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
        sb.append(lines.get(i)).append('\n');
      }
      return sb.toString();
    }

    List<Example> examples() {
      List<Example> examples = new ArrayList<>();
      Example current = null;
      List<String> block = null;
      for (String line : lines) {
        Matcher m = EXAMPLE.matcher(line);
        if (block != null) {
          if (line.equals("```")) {
            current.blocks.add(String.join("\n", block));
            block = null;
          } else {
            block.add(line);
          }
        } else if (m.matches()) {
          current = new Example(m.group(1).equals("Bad"), m.group(2), new ArrayList<>());
          examples.add(current);
        } else if (line.startsWith("#")) {
          current = null;
        } else if (line.startsWith("```") && current != null) {
          block = new ArrayList<>();
        }
      }
      return examples;
    }
  }
}
