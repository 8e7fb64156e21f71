package dev.netlint.parse.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.engine.AnalysisUnit;
import dev.netlint.engine.InputDiscovery;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.parse.intrinsic.Resolution;
import dev.netlint.parse.intrinsic.StackResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Reads every user-data script of the shared corpus of real templates with the shell grammar: none
 * may throw, and every line the grammar cannot read must be one of the lines listed, with the
 * reason it is odd, in {@code corpus-unparsed.txt} beside this test (a line that starts to parse,
 * or a new one that does not, fails the test). Writes the counts and the list to {@code
 * target/userdata-corpus.txt}. Fails, never skips, when the corpus is missing.
 */
class UserDataCorpusTest {

  static Path corpus() {
    String shared = System.getProperty("netlint.shared.dir");
    assertThat(shared).as("system property netlint.shared.dir").isNotNull();
    Path corpus = Path.of(shared).resolve("corpus");
    assertThat(corpus)
        .as("the shared corpus (../shared/corpus beside the repository) must be present")
        .isDirectory();
    return corpus;
  }

  /** Every user data value of the corpus, by "file:line LogicalId" of its UserData key. */
  static Map<String, UserData> corpusUserData() {
    Path corpus = corpus();
    Map<String, UserData> found = new TreeMap<>();
    for (AnalysisUnit unit : new InputDiscovery(corpus).discover(List.of(corpus)).units()) {
      for (Resolution resolution : StackResolver.resolveAll(unit.stacks())) {
        for (Resource r : resolution.stack().resources().values()) {
          Value value = userDataOf(r);
          if (value == null || value instanceof Value.NoValue) {
            continue;
          }
          UserData ud = UserDataReader.read(value, value.origin());
          found.put(
              value.origin().location().file()
                  + ":"
                  + value.origin().location().line()
                  + " "
                  + r.logicalId(),
              ud);
        }
      }
    }
    return found;
  }

  /** Mirrors the engine: where each resource type keeps its user data. */
  private static Value userDataOf(Resource r) {
    return switch (r.type()) {
      case ResourceTypes.INSTANCE, ResourceTypes.LAUNCH_CONFIGURATION -> r.property("UserData");
      case ResourceTypes.LAUNCH_TEMPLATE ->
          r.property("LaunchTemplateData") instanceof Value.MapValue data
              ? data.get("UserData")
              : null;
      default -> null;
    };
  }

  @Test
  void everyCorpusScriptParsesOrNamesItsOddLine() throws IOException {
    Map<String, UserData> all = corpusUserData();
    Map<UserData.Format, Integer> byFormat = new TreeMap<>();
    int read = 0;
    int fullyParsed = 0;
    int withUnparsed = 0;
    int commands = 0;
    List<String> unparsed = new ArrayList<>();
    for (Map.Entry<String, UserData> e : all.entrySet()) {
      UserData ud = e.getValue();
      byFormat.merge(ud.format(), 1, Integer::sum);
      if (ud.format() == UserData.Format.WINDOWS || ud.format() == UserData.Format.OPAQUE) {
        continue;
      }
      read++;
      commands += ud.commands().size();
      if (ud.unparsed().isEmpty()) {
        fullyParsed++;
        continue;
      }
      withUnparsed++;
      for (UserData.UnparsedLine l : ud.unparsed()) {
        unparsed.add(
            e.getKey()
                + " script line "
                + l.line()
                + (l.part().isEmpty() ? "" : " (" + l.part() + ")")
                + ": "
                + l.text().strip());
      }
    }
    StringBuilder report = new StringBuilder();
    report
        .append("user data values: ")
        .append(all.size())
        .append(" by format ")
        .append(byFormat)
        .append('\n');
    report
        .append("scripts read: ")
        .append(read)
        .append(", fully parsed: ")
        .append(fullyParsed)
        .append(", with unparsed lines: ")
        .append(withUnparsed)
        .append(", commands: ")
        .append(commands)
        .append('\n');
    unparsed.forEach(l -> report.append(l).append('\n'));
    Path out = Path.of("target", "userdata-corpus.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    System.out.print(report);

    assertThat(read).as("user-data scripts in the corpus").isGreaterThan(150);
    assertThat(unparsed).as("lines the shell grammar cannot read").isEqualTo(expectedUnparsed());
  }

  /** The odd lines of corpus-unparsed.txt, without their comments. */
  private static List<String> expectedUnparsed() throws IOException {
    try (var in = UserDataCorpusTest.class.getResourceAsStream("corpus-unparsed.txt")) {
      assertThat(in).as("corpus-unparsed.txt beside the test").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    }
  }
}
