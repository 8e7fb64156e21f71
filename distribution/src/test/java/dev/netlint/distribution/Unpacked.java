package dev.netlint.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The distribution this build made, unpacked with the system's {@code tar} (as a user would, so
 * that file modes are the archive's) into a directory with no netlint checkout beside it, and the
 * commands run from there.
 */
final class Unpacked {
  private static final long TIMEOUT_SECONDS = 120;

  /** The build's target directory, which holds the archives. */
  static final Path TARGET = Path.of(required("netlint.distribution.dir"));

  /** {@code netlint-VERSION}: the archives' base name and their top directory. */
  static final String NAME = required("netlint.distribution.name");

  /** The root of the netlint checkout, only to copy fixtures out of it. */
  static final Path REPO = Path.of(required("netlint.repo.dir"));

  /** The unpacked {@code netlint-VERSION} directory. */
  final Path home;

  private Unpacked(Path home) {
    this.home = home;
  }

  /** Unpacks {@code netlint-VERSION.tar.gz} into {@code directory}. */
  static Unpacked into(Path directory) throws IOException, InterruptedException {
    Path archive = TARGET.resolve(NAME + ".tar.gz");
    assertThat(archive).as("the archive the package phase built").isRegularFile();
    Result tar = run(directory, Map.of(), "tar", "xzf", archive.toString());
    assertThat(tar.code()).as("tar: %s", tar.err()).isZero();
    return new Unpacked(directory.resolve(NAME));
  }

  Path launcher() {
    return home.resolve("bin/netlint");
  }

  /** Copies a directory of the checkout (a fixture) to {@code target}. */
  static void copyFromRepo(String relative, Path target) throws IOException {
    Path source = REPO.resolve(relative);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** What a process printed and how it ended. */
  record Result(int code, String out, String err) {
    String both() {
      return out + err;
    }
  }

  /**
   * Runs {@code command} in {@code directory} with this JVM's environment, minus the variables the
   * launcher reads, plus {@code environment}.
   */
  static Result run(Path directory, Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("netlint-dist-out", ".txt");
    Path err = Files.createTempFile("netlint-dist-err", ".txt");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(List.of(command))
              .directory(directory.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().remove("NETLINT_JAVA_OPTS");
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not end in time");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(
          property + " is not set: run this test through Maven (failsafe sets it)");
    }
    return value;
  }
}
