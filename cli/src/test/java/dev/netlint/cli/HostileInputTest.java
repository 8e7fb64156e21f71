package dev.netlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input suite of issue 11: each directory under {@code src/test/resources/hostile}
 * holds input files (or names a generator for inputs that cannot be checked in: a FIFO, a thousand
 * nested directories, a link to itself) and an {@code expected.txt} with the exit code and the
 * message substrings the real command line must give. A case may ask for a good template beside the
 * hostile file ({@code good-template: true}): its finding must still be reported.
 *
 * <p>{@code expected.txt} lines: {@code exit: N}, {@code message: substring} (any number), {@code
 * args: path ...} (relative to the case, default {@code .}; {@code ""} is an empty argument),
 * {@code generate: name}, {@code good-template: true}; {@code #} starts a comment.
 */
class HostileInputTest {
  private static final Path CASES = Path.of("src/test/resources/hostile");

  /** A real template with exactly one finding, NL203, from the fixtures. */
  private static final Path GOOD_TEMPLATE =
      Path.of("../fixtures/cfn/NL203/bad/routing-igw-not-attached.yaml");

  @TempDir Path tmp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  /** What {@code expected.txt} says. */
  private record Expected(
      int exit, List<String> messages, List<String> args, String generate, boolean goodTemplate) {

    static Expected read(Path file) throws IOException {
      int exit = -1;
      List<String> messages = new ArrayList<>();
      List<String> args = new ArrayList<>();
      String generate = "";
      boolean good = false;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        String key = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        switch (key) {
          case "exit" -> exit = Integer.parseInt(value);
          case "message" -> messages.add(value);
          case "args" -> {
            for (String a : value.split(" ")) {
              args.add(a.equals("\"\"") ? "" : a);
            }
          }
          case "generate" -> generate = value;
          case "good-template" -> good = Boolean.parseBoolean(value);
          default -> throw new IllegalArgumentException(file + ": unknown key " + key);
        }
      }
      if (exit < 0 || messages.isEmpty()) {
        throw new IllegalArgumentException(file + ": needs an exit code and a message");
      }
      return new Expected(exit, messages, args.isEmpty() ? List.of(".") : args, generate, good);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void endsWithTheExpectedExitCodeAndMessage(String name) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve(name));
    Expected expected = Expected.read(CASES.resolve(name).resolve("expected.txt"));
    copyInputs(CASES.resolve(name), dir);
    if (expected.goodTemplate()) {
      Files.copy(GOOD_TEMPLATE, dir.resolve("good.yaml"));
    }
    generate(expected.generate(), dir);

    List<String> args = new ArrayList<>(List.of("check", "--base-dir", dir.toString()));
    for (String a : expected.args()) {
      // Inputs are resolved against the working directory; --base-dir only names them.
      args.add(a.isEmpty() ? a : dir.resolve(a).toString());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);

    assertThat(exit).as(output).isNotEqualTo(ExitCode.INTERNAL).isEqualTo(expected.exit());
    for (String message : expected.messages()) {
      assertThat(output).contains(message);
    }
  }

  private static void copyInputs(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (f.getFileName().toString().equals("expected.txt")) {
          continue;
        }
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  /** Inputs that cannot be checked in, made in {@code dir}. */
  private static void generate(String generator, Path dir) throws IOException {
    switch (generator) {
      case "" -> {}
      case "nestedStackFanOut" -> nestedStackFanOut(dir, 16, 4);
      case "fifoStackTemplate" -> fifoStackTemplate(dir);
      case "deepDirectories" -> deepDirectories(dir, 1000);
      case "selfLoopingLink" ->
          Files.createSymbolicLink(dir.resolve("loop.yaml"), dir.resolve("loop.yaml"));
      default -> throw new IllegalArgumentException("unknown generator " + generator);
    }
  }

  private static String manifest(String... stacks) {
    StringBuilder m = new StringBuilder("{\"version\": \"36.0.0\", \"artifacts\": {");
    for (int i = 0; i < stacks.length; i++) {
      m.append(i == 0 ? "" : ", ")
          .append("\"")
          .append(stacks[i])
          .append("\": {\"type\": \"aws:cloudformation:stack\", \"properties\": {")
          .append("\"templateFile\": \"")
          .append(stacks[i])
          .append(stacks[i].equals("Good") ? ".template.yaml\"}}" : ".template.json\"}}");
    }
    return m.append("}}\n").toString();
  }

  /**
   * A cloud assembly whose stack nests {@code width} stacks of the next template, {@code depth}
   * deep.
   */
  private static void nestedStackFanOut(Path dir, int depth, int width) throws IOException {
    Path out = Files.createDirectory(dir.resolve("cdk.out"));
    Files.writeString(out.resolve("manifest.json"), manifest("T0"));
    Files.writeString(out.resolve("cdk.out"), "{\"version\":\"36.0.0\"}");
    for (int level = 0; level <= depth; level++) {
      StringBuilder t =
          new StringBuilder("{\"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\"}");
      for (int i = 0; level < depth && i < width; i++) {
        t.append(", \"Child")
            .append(i)
            .append("\": {\"Type\": \"AWS::CloudFormation::Stack\", \"Metadata\": {")
            .append("\"aws:asset:path\": \"T")
            .append(level + 1)
            .append(".template.json\"}, \"Properties\": {\"TemplateURL\": \"https://x\"}}");
      }
      Files.writeString(out.resolve("T" + level + ".template.json"), t.append("}}\n").toString());
    }
  }

  /**
   * A cloud assembly with a good stack and one whose template is a FIFO (a directory without
   * mkfifo).
   */
  private static void fifoStackTemplate(Path dir) throws IOException {
    Path out = Files.createDirectory(dir.resolve("cdk.out"));
    Files.writeString(out.resolve("manifest.json"), manifest("Good", "Pipe"));
    Files.writeString(out.resolve("cdk.out"), "{\"version\":\"36.0.0\"}");
    Files.copy(GOOD_TEMPLATE, out.resolve("Good.template.yaml"));
    Path pipe = out.resolve("Pipe.template.json");
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
      if (mkfifo.waitFor() != 0) {
        Files.createDirectory(pipe);
      }
    } catch (IOException e) {
      Files.createDirectory(pipe);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException(e));
    }
  }

  private static void deepDirectories(Path dir, int depth) throws IOException {
    Path deep = dir;
    for (int i = 0; i < depth; i++) {
      deep = deep.resolve("d");
    }
    Files.createDirectories(deep);
    Files.copy(GOOD_TEMPLATE, deep.resolve("good.yaml"));
  }
}
