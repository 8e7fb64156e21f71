package dev.netlint.benchmarks;

import dev.netlint.engine.AnalysisUnit;
import dev.netlint.engine.InputDiscovery;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.parse.intrinsic.Resolution;
import dev.netlint.parse.intrinsic.StackResolver;
import dev.netlint.parse.userdata.UserDataReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading real user data as the engine does ({@link UserDataReader#read}: format detection, the
 * shell grammar with its error recovery, cloud-init and MIME parts), one script per operation,
 * round robin over every user-data script of the shared corpus ({@code ../shared/corpus}), or of
 * the shipped fixtures when the corpus is not there. The score is scripts per second; the {@code
 * bytes} counter is the script bytes (UTF-8) read per second. Run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UserDataParsingBenchmark {

  /** The corpus of real templates; used when it exists. */
  @Param({"../shared/corpus"})
  public String corpus;

  /** The template directories read when the corpus is missing. */
  @Param({"fixtures/cfn,fixtures/cdk"})
  public String fixtures;

  private List<Script> scripts = List.of();

  /** One user-data value, resolved, with where it stands and its size. */
  private record Script(Value value, Origin at, int bytes) {}

  /** Which script a thread reads next, and how many bytes it has read in this iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Progress {
    /** Script bytes read; JMH reports it per second. */
    public long bytes;

    private int next;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  /**
   * Loads the scripts. Fails the run when there are none, rather than timing nothing, and prints
   * how many there are and their total size, so the bytes per second can be checked.
   */
  @Setup
  public void load() {
    Path corpusDir = Path.of(corpus).toAbsolutePath().normalize();
    List<Path> inputs =
        Files.isDirectory(corpusDir)
            ? List.of(corpusDir)
            : List.of(fixtures.split(",")).stream()
                .map(p -> Path.of(p).toAbsolutePath().normalize())
                .toList();
    List<Script> found = new ArrayList<>();
    Path base = Path.of("").toAbsolutePath();
    for (AnalysisUnit unit : new InputDiscovery(base).discover(inputs).units()) {
      for (Resolution resolution : StackResolver.resolveAll(unit.stacks())) {
        for (Resource r : resolution.stack().resources().values()) {
          Value value = userDataOf(r);
          if (value == null || value instanceof Value.NoValue) {
            continue;
          }
          UserData read = UserDataReader.read(value, value.origin());
          if (read.format() == UserData.Format.WINDOWS || read.format() == UserData.Format.OPAQUE) {
            continue;
          }
          found.add(
              new Script(
                  value, value.origin(), read.text().getBytes(StandardCharsets.UTF_8).length));
        }
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "no user-data scripts under " + inputs + ": run from the repository root");
    }
    scripts = List.copyOf(found);
    long total = scripts.stream().mapToLong(Script::bytes).sum();
    System.out.printf(
        "%nuser-data scripts: %d from %s, %d bytes in all, %d bytes on average%n",
        scripts.size(), inputs, total, total / scripts.size());
  }

  /** Mirrors the engine: where each resource type keeps its user data. */
  private static @Nullable Value userDataOf(Resource r) {
    return switch (r.type()) {
      case ResourceTypes.INSTANCE, ResourceTypes.LAUNCH_CONFIGURATION -> r.property("UserData");
      case ResourceTypes.LAUNCH_TEMPLATE ->
          r.property("LaunchTemplateData") instanceof Value.MapValue data
              ? data.get("UserData")
              : null;
      default -> null;
    };
  }

  /** Reads the next script. */
  @Benchmark
  public UserData read(Progress progress) {
    Script s = scripts.get(progress.next);
    progress.next = (progress.next + 1) % scripts.size();
    progress.bytes += s.bytes();
    return UserDataReader.read(s.value(), s.at());
  }
}
