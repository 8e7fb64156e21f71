package dev.netlint.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks of {@code .pre-commit-hooks.yaml} run by real pre-commit ({@code pre-commit try-repo})
 * in a user's git repository, with the unpacked distribution's {@code bin/} on {@code PATH} as
 * docs/install.md tells users to set it up.
 *
 * <p>The hook repository is a fresh git repository holding this checkout's manifest, committed:
 * {@code try-repo} on the checkout itself would see only committed or staged files (an untracked
 * manifest is "not a file"), and a build from a source archive has no git checkout at all. The
 * hooks are {@code language: system}, so the manifest is all of the hook repository they use.
 *
 * <p>Without pre-commit (or git) on {@code PATH} the tests fail when the {@code CI} environment
 * variable is set (.ci/run sets it and installs pre-commit) and are skipped, with a message, on a
 * developer's machine.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "bin/netlint is the POSIX sh launcher")
class PreCommitHooksIT {
  @TempDir static Path temp;

  private static Unpacked netlint;
  private static Path hookRepository;
  private static Map<String, String> environment;

  private static @Nullable String missingTool;

  @BeforeAll
  static void setUp() throws Exception {
    missingTool = missing("pre-commit", "--version");
    if (missingTool == null) {
      missingTool = missing("git", "--version");
    }
    if (missingTool != null) {
      return;
    }
    netlint = Unpacked.into(Files.createDirectory(temp.resolve("opt")));
    environment =
        Map.of(
            "PATH",
            netlint.home.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", ""),
            // pre-commit's clones and logs stay in the test's directory, not in ~/.cache.
            "PRE_COMMIT_HOME",
            temp.resolve("pre-commit-home").toString());
    hookRepository = Files.createDirectory(temp.resolve("netlint-hooks"));
    Files.copy(
        Unpacked.REPO.resolve(".pre-commit-hooks.yaml"),
        hookRepository.resolve(".pre-commit-hooks.yaml"));
    git(hookRepository, "init", "--quiet");
    git(hookRepository, "add", ".pre-commit-hooks.yaml");
    git(
        hookRepository,
        "-c",
        "user.name=netlint test",
        "-c",
        "user.email=test@netlint.invalid",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "--quiet",
        "-m",
        "hooks");
  }

  @Test
  void cloudFormationHookFailsOnABadTemplateWithTheFinding() throws Exception {
    Path user = userRepository("cfn-bad");
    copy("fixtures/cfn/NL301/bad/db-ingress-wrong-port.yaml", user.resolve("cfn/db.yaml"));
    copy("fixtures/cfn/NL301/good/app-instance-to-rds.yaml", user.resolve("cfn/app.yaml"));
    git(user, "add", ".");

    Unpacked.Result result = tryRepo(user, "netlint-cloudformation");

    assertThat(result.code()).as(result.both()).isEqualTo(1);
    assertThat(result.out())
        .contains("netlint (CloudFormation templates)", "Failed", "cfn/db.yaml:", "NL301")
        .doesNotContain("cfn/app.yaml:");
  }

  @Test
  void cloudFormationHookPassesAGoodTemplateAndLeavesOtherYamlAlone() throws Exception {
    Path user = userRepository("cfn-good");
    copy("fixtures/cfn/NL301/good/app-instance-to-rds.yaml", user.resolve("cfn/app.yaml"));
    // Not a template: passed to netlint it would be an input error (NL001).
    Files.writeString(user.resolve("config.yaml"), "settings: {}\n");
    git(user, "add", ".");

    Unpacked.Result result = tryRepo(user, "netlint-cloudformation");

    assertThat(result.code()).as(result.both()).isZero();
    assertThat(result.out()).contains("netlint (CloudFormation templates)", "Passed");
  }

  @Test
  void cdkHookChecksTheGitIgnoredCloudAssembly() throws Exception {
    Path user = userRepository("cdk-bad");
    copy("fixtures/cdk/nat-instance-eth0-al2023/app.js", user.resolve("app.js"));
    Unpacked.copyFromRepo("fixtures/cdk/nat-instance-eth0-al2023/cdk.out", user.resolve("cdk.out"));
    Files.writeString(user.resolve(".gitignore"), "cdk.out/\n");
    git(user, "add", ".");

    Unpacked.Result result = tryRepo(user, "netlint-cdk");

    assertThat(result.code()).as(result.both()).isEqualTo(1);
    assertThat(result.out()).contains("netlint (CDK cloud assembly)", "Failed", "NL101");
  }

  @Test
  void cdkHookPassesACleanCloudAssembly() throws Exception {
    Path user = userRepository("cdk-good");
    copy("fixtures/cdk/nat-gateway-vpc/app.js", user.resolve("app.js"));
    Unpacked.copyFromRepo("fixtures/cdk/nat-gateway-vpc/cdk.out", user.resolve("cdk.out"));
    Files.writeString(user.resolve(".gitignore"), "cdk.out/\n");
    git(user, "add", ".");

    Unpacked.Result result = tryRepo(user, "netlint-cdk");

    assertThat(result.code()).as(result.both()).isZero();
    assertThat(result.out()).contains("netlint (CDK cloud assembly)", "Passed");
  }

  private static Path userRepository(String name) throws Exception {
    Path user = Files.createDirectory(temp.resolve(name));
    git(user, "init", "--quiet");
    return user;
  }

  private static Unpacked.Result tryRepo(Path user, String hook) throws Exception {
    return Unpacked.run(
        user,
        environment,
        "pre-commit",
        "try-repo",
        hookRepository.toString(),
        hook,
        "--all-files",
        "--color",
        "never");
  }

  private static void copy(String fromRepo, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(Unpacked.REPO.resolve(fromRepo), to);
  }

  private static void git(Path directory, String... arguments) throws Exception {
    String[] command = new String[arguments.length + 1];
    command[0] = "git";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    Unpacked.Result result = Unpacked.run(directory, Map.of(), command);
    assertThat(result.code()).as("git %s: %s", String.join(" ", arguments), result.both()).isZero();
  }

  /**
   * Fails under CI, skips elsewhere, when a tool is missing: in each test, so that every skipped
   * test counts as skipped and carries the reason.
   */
  @BeforeEach
  void requireTools() {
    if (missingTool == null) {
      return;
    }
    String ci = System.getenv("CI");
    if (ci != null && !ci.isEmpty()) {
      fail("CI is set but " + missingTool + "; .ci/run installs pre-commit with apt-get");
    }
    String reason =
        "pre-commit hook test skipped: "
            + missingTool
            + ". Install pre-commit (apt-get install pre-commit, or pip install pre-commit) to"
            + " run it; with CI set it fails instead.";
    System.err.println(reason);
    abort(reason);
  }

  /** Why {@code tool} cannot be run, or null when it runs. */
  private static @Nullable String missing(String tool, String versionOption) {
    try {
      Unpacked.Result result = Unpacked.run(temp, Map.of(), tool, versionOption);
      return result.code() == 0
          ? null
          : tool + " " + versionOption + " exited with " + result.code() + ": " + result.err();
    } catch (IOException e) {
      return tool + " is not on PATH (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return tool + " " + versionOption + " was interrupted";
    }
  }
}
