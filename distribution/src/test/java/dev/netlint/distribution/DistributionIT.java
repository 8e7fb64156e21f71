package dev.netlint.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archives as a user gets them: unpacked into a temporary directory far from the checkout,
 * {@code bin/netlint} runs a CDK fixture copied next to it.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "bin/netlint is the POSIX sh launcher")
class DistributionIT {
  @TempDir static Path temp;

  private static Unpacked netlint;
  private static Path work;

  @BeforeAll
  static void unpack() throws Exception {
    netlint = Unpacked.into(Files.createDirectory(temp.resolve("opt")));
    work = Files.createDirectory(temp.resolve("work"));
    Unpacked.copyFromRepo("fixtures/cdk/nat-instance-eth0-al2023/cdk.out", work.resolve("cdk.out"));
  }

  @Test
  void checkFindsTheHardcodedInterfaceInACopiedCloudAssembly() throws Exception {
    Unpacked.Result result =
        Unpacked.run(work, Map.of(), netlint.launcher().toString(), "check", "cdk.out");

    assertThat(result.code()).as(result.both()).isEqualTo(1);
    assertThat(result.out()).contains("NL101", "NL103", "NatInstanceEth0Al2023.template.json");
  }

  @Test
  void versionNamesTheVersionAndTheCommit() throws Exception {
    Unpacked.Result result =
        Unpacked.run(work, Map.of(), netlint.launcher().toString(), "--version");

    assertThat(result.code()).as(result.both()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "netlint %s (commit %s)%n", System.getProperty("netlint.version"), checkoutCommit());
  }

  /** The commit the checkout is at, or "unknown" when it is not a git checkout. */
  private static String checkoutCommit() throws Exception {
    Unpacked.Result head = Unpacked.run(Unpacked.REPO, Map.of(), "git", "rev-parse", "HEAD");
    return head.code() == 0 ? head.out().strip() : "unknown";
  }

  @Test
  void launcherFindsItsJarsThroughARelativeSymlinkChain() throws Exception {
    Path links = Files.createDirectories(temp.resolve("links/bin"));
    Path first = links.resolve("netlint-link");
    Files.createSymbolicLink(first, links.relativize(netlint.launcher()));
    Path second = Files.createSymbolicLink(temp.resolve("netlint"), temp.relativize(first));

    Unpacked.Result result = Unpacked.run(work, Map.of(), second.toString(), "rules");

    assertThat(result.code()).as(result.both()).isZero();
    assertThat(result.out()).contains("NL101", "NL301");
  }

  @Test
  void launcherPassesNetlintJavaOptsToTheJvm() throws Exception {
    Unpacked.Result result =
        Unpacked.run(
            work,
            Map.of("NETLINT_JAVA_OPTS", "-XshowSettings:properties -Dnetlint.probe=passed"),
            netlint.launcher().toString(),
            "--version");

    assertThat(result.code()).as(result.both()).isZero();
    assertThat(result.err()).contains("netlint.probe = passed");
  }

  @Test
  void launcherUsesJavaHomeWhenSet() throws Exception {
    Path notAJdk = Files.createDirectories(temp.resolve("not-a-jdk"));

    Unpacked.Result result =
        Unpacked.run(
            work,
            Map.of("JAVA_HOME", notAJdk.toString()),
            netlint.launcher().toString(),
            "--version");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err()).contains("JAVA_HOME", notAJdk.toString());
  }

  @Test
  void launcherIsExecutableAndTheBatchFileHasWindowsLineEnds() throws IOException {
    assertThat(Files.getPosixFilePermissions(netlint.launcher()))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    String bat = Files.readString(netlint.home.resolve("bin/netlint.bat"));
    assertThat(bat).contains("dev.netlint.cli.Main").contains("\r\n");
    assertThat(bat.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void zipHoldsTheSameFilesAsTheTarballAtTheBuildTimestamp() throws IOException {
    Set<String> unpacked = new TreeSet<>();
    try (var files = Files.walk(netlint.home.getParent())) {
      files
          .filter(Files::isRegularFile)
          .forEach(file -> unpacked.add(netlint.home.getParent().relativize(file).toString()));
    }
    Set<String> zipped = new TreeSet<>();
    FileTime buildTime =
        FileTime.from(Instant.parse(System.getProperty("netlint.outputTimestamp")));
    try (ZipFile zip = new ZipFile(Unpacked.TARGET.resolve(Unpacked.NAME + ".zip").toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        assertThat(entry.getLastModifiedTime()).as(entry.getName()).isEqualTo(buildTime);
        if (!entry.isDirectory()) {
          zipped.add(entry.getName());
        }
      }
    }

    assertThat(zipped).isEqualTo(unpacked);
    assertThat(zipped)
        .contains(
            Unpacked.NAME + "/bin/netlint",
            Unpacked.NAME + "/bin/netlint.bat",
            Unpacked.NAME + "/README.md")
        .anyMatch(name -> name.matches(".*/lib/netlint-cli-[^/]+\\.jar"))
        .anyMatch(name -> name.matches(".*/lib/netlint-analyzer-[^/]+\\.jar"))
        .anyMatch(name -> name.matches(".*/lib/netlint-rules-[^/]+\\.jar"))
        .noneMatch(name -> name.matches(".*-all\\.jar"));
  }
}
