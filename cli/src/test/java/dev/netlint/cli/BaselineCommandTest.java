package dev.netlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netlint baseline} and {@code netlint check --baseline} with the built-in rules. */
class BaselineCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static final String OPAQUE_USER_DATA =
      """
      Parameters:
        AmiId: {Type: 'AWS::EC2::Image::Id'}
        Script: {Type: String}
      Resources:
        WorkerTemplate:
          Type: AWS::EC2::LaunchTemplate
          Properties:
            LaunchTemplateData:
              ImageId: !Ref AmiId
              UserData: !Ref Script
      """;

  private int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Engine.builtIn());
  }

  @Test
  void baselineThenCheckReportsOnlyNewFindingsAndFixedEntries() throws IOException {
    Path template = Files.writeString(dir.resolve("t.yaml"), OPAQUE_USER_DATA);
    Path baseline = dir.resolve("netlint-baseline.json");
    String base = dir.toString();

    assertThat(run("baseline", template.toString(), "-o", baseline.toString(), "--base-dir", base))
        .isZero();
    assertThat(Files.readString(baseline)).contains("\"ruleId\": \"NL004\"");

    Files.writeString(template, "# moved\n" + OPAQUE_USER_DATA);
    int code =
        run(
            "check",
            template.toString(),
            "--base-dir",
            base,
            "--fail-on",
            "info",
            "--baseline",
            baseline.toString());
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("no findings in 1 file, 1 suppressed\n");

    Files.writeString(template, OPAQUE_USER_DATA.replace("WorkerTemplate", "BatchTemplate"));
    code =
        run(
            "check",
            template.toString(),
            "--base-dir",
            base,
            "--fail-on",
            "info",
            "--baseline",
            baseline.toString());
    assertThat(code).isEqualTo(ExitCode.FINDINGS);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("BatchTemplate");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("1 baseline entry no longer occurs")
        .contains("NL004 t/WorkerTemplate (t.yaml)");
  }

  @Test
  void aMissingBaselineIsAUsageError() throws IOException {
    Path template = Files.writeString(dir.resolve("t.yaml"), OPAQUE_USER_DATA);
    assertThat(run("check", template.toString(), "--baseline", dir.resolve("nope.json").toString()))
        .isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--baseline")
        .contains("no such file");
  }
}
