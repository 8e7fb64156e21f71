package dev.netlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.parse.cfn.StackSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Discovers the whole real corpus (4,000+ templates, cdk.out snapshots, deliberately broken files,
 * non-template JSON and YAML) in one run, as {@code netlint corpus/} would.
 */
class InputDiscoveryCorpusTest {

  @Test
  void theWholeCorpusIsDiscoveredWithEverySnapshotAsOneUnit() throws IOException {
    String shared = System.getProperty("netlint.shared.dir");
    assertThat(shared).as("system property netlint.shared.dir").isNotNull();
    Path corpus = Path.of(shared).resolve("corpus");
    assertThat(corpus).as("the shared corpus").isDirectory();
    long manifests;
    try (Stream<Path> files = Files.walk(corpus)) {
      manifests = files.filter(f -> f.getFileName().toString().equals("manifest.json")).count();
    }

    Discovery d = new InputDiscovery(corpus).discover(List.of(Path.of(".")));

    List<AnalysisUnit> assemblies =
        d.units().stream().filter(u -> u.stacks().get(0).constructPath() != null).toList();
    long stacks = d.units().stream().mapToLong(u -> u.stacks().size()).sum();
    Map<InputProblem.Kind, Long> kinds =
        d.problems().stream()
            .collect(Collectors.groupingBy(InputProblem::kind, Collectors.counting()));
    System.out.printf(
        "units: %d (%d cloud assemblies), stacks: %d, files: %d, problems: %d %s%n",
        d.units().size(), assemblies.size(), stacks, d.files().size(), d.problems().size(), kinds);

    assertThat(assemblies).hasSize((int) manifests);
    assertThat(assemblies).allSatisfy(u -> assertThat(u.name()).endsWith(".snapshot"));
    assertThat(d.units())
        .as("no file inside a snapshot is a lone template")
        .filteredOn(u -> u.stacks().get(0).constructPath() == null)
        .allSatisfy(u -> assertThat(u.name()).doesNotContain(".snapshot/"))
        .hasSizeGreaterThan(1000);
    assertThat(d.units()).allSatisfy(u -> assertThat(u.stacks()).isNotEmpty());
    assertThat(d.units()).extracting(AnalysisUnit::name).isSorted().doesNotHaveDuplicates();
    assertThat(d.units().stream().flatMap(u -> u.stacks().stream()).map(StackSource::template))
        .allSatisfy(t -> assertThat(d.files()).contains(t.displayName()));
    assertThat(d.files()).isSorted().doesNotHaveDuplicates();
    assertThat(d.problems()).isSorted();
    // Broken files, and keys written twice (read past with the last value, as REFUSED).
    assertThat(kinds).containsOnlyKeys(InputProblem.Kind.UNREADABLE, InputProblem.Kind.REFUSED);
    // cfn-lint's bad/ fixtures are broken on purpose: each must surface with its file.
    assertThat(d.problems())
        .extracting(p -> p.location().file())
        .contains(
            "cfn-lint/test/fixtures/templates/bad/json_parse.json",
            "cfn-lint/test/fixtures/templates/bad/duplicate.json");
  }
}
