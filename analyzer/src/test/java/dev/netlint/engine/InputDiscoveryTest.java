package dev.netlint.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.StackSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class InputDiscoveryTest {
  private static final String VPC_YAML =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties:
            CidrBlock: 10.0.0.0/16
      """;

  @TempDir Path tmp;
  private InputDiscovery discovery;

  @BeforeEach
  void setUp() {
    discovery = new InputDiscovery(tmp);
  }

  private Path write(String relative, String text) throws IOException {
    Path file = tmp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private Discovery discover(String... inputs) {
    return discovery.discover(List.of(inputs).stream().map(Path::of).toList());
  }

  private static List<String> unitNames(Discovery d) {
    return d.units().stream().map(AnalysisUnit::name).toList();
  }

  /** A one-stack cloud assembly as {@code cdk synth} writes it. */
  private void assembly(String dir, String stack) throws IOException {
    write(
        dir + "/manifest.json",
        """
        {
          "version": "36.0.0",
          "artifacts": {
            "%s": {
              "type": "aws:cloudformation:stack",
              "environment": "aws://unknown-account/unknown-region",
              "properties": {"templateFile": "%s.template.json"},
              "metadata": {
                "/%s/Vpc/Resource": [{"type": "aws:cdk:logicalId", "data": "Vpc8378EB38"}]
              },
              "displayName": "%s"
            },
            "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}
          }
        }
        """
            .formatted(stack, stack, stack, stack));
    write(dir + "/cdk.out", "{\"version\":\"36.0.0\"}");
    write(
        dir + "/tree.json",
        "{\"version\": \"tree-0.1\", \"tree\": {\"id\": \"App\", \"path\": \"\"}}");
    write(
        dir + "/" + stack + ".template.json",
        """
        {"Resources": {"Vpc8378EB38": {"Type": "AWS::EC2::VPC",
          "Properties": {"CidrBlock": "10.0.0.0/16"}}}}
        """);
    write(dir + "/" + stack + ".assets.json", "{\"version\": \"36.0.0\", \"files\": {}}");
  }

  @Test
  void aLoneTemplateIsOneUnitNamedRelativeToTheBase() throws IOException {
    write("infra/vpc.template.yaml", VPC_YAML);

    Discovery d = discover("infra/vpc.template.yaml");

    assertThat(d.problems()).isEmpty();
    assertThat(d.units())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.name()).isEqualTo("infra/vpc.template.yaml");
              assertThat(u.stacks()).extracting(StackSource::stackName).containsExactly("vpc");
              assertThat(u.stacks().get(0).constructPath()).isNull();
              assertThat(u.stacks().get(0).template().displayName())
                  .isEqualTo("infra/vpc.template.yaml");
            });
    assertThat(d.files()).containsExactly("infra/vpc.template.yaml");
  }

  @Test
  void aDirectoryScanKeepsTemplatesAndQuietlySkipsOtherJsonAndYaml() throws IOException {
    write("repo/network/vpc.yaml", VPC_YAML);
    write(
        "repo/network/legacy.template",
        "{\"Resources\": {\"Sg\": {\"Type\": \"AWS::EC2::SecurityGroup\"}}}");
    write(
        "repo/package.json", "{\"name\": \"infra\", \"version\": \"1.0.0\", \"dependencies\": {}}");
    write(
        "repo/tsconfig.json",
        "{\n  // comments make this invalid JSON\n  \"compilerOptions\": {\"strict\": true}\n}\n");
    write(
        "repo/k8s/deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        """);
    write(
        "repo/chart/templates/service.yaml",
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ include "chart.fullname" . }}
          labels:
            {{- include "chart.labels" . | nindent 4 }}
        """);
    write("repo/README.md", "Resources:\n  Type: AWS::EC2::VPC\n");
    write("repo/node_modules/lib/template.yaml", VPC_YAML);
    write("repo/target/classes/copy.yaml", VPC_YAML);
    write("repo/.aws-sam/build/template.yaml", VPC_YAML);
    write("repo/.git/objects/x.json", "{\"Resources\": {}}");
    write(
        "repo/network/broken.yaml",
        "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: [unclosed\n");

    Discovery d = discover("repo");

    assertThat(unitNames(d))
        .containsExactly("repo/network/legacy.template", "repo/network/vpc.yaml");
    assertThat(d.units().get(0).stacks().get(0).stackName()).isEqualTo("legacy");
    assertThat(d.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(InputProblem.Kind.UNREADABLE);
              assertThat(p.message()).startsWith("malformed YAML");
              assertThat(p.location().file()).isEqualTo("repo/network/broken.yaml");
              assertThat(p.location().line()).isGreaterThanOrEqualTo(4);
            });
    assertThat(d.files())
        .containsExactly(
            "repo/network/broken.yaml", "repo/network/legacy.template", "repo/network/vpc.yaml");
    assertThat(d.hasMissingInput()).isFalse();
  }

  @Test
  void aFileNamedExplicitlyMustBeATemplate() throws IOException {
    write("package.json", "{\"name\": \"infra\"}");
    write("Dockerfile", "FROM node:20\n");

    Discovery d = discover("package.json", "Dockerfile");

    assertThat(d.units()).isEmpty();
    assertThat(d.problems())
        .extracting(InputProblem::kind, p -> p.location().file())
        .containsExactly(
            tuple(InputProblem.Kind.UNREADABLE, "Dockerfile"),
            tuple(InputProblem.Kind.UNREADABLE, "package.json"));
    assertThat(d.problems().get(1).message()).contains("not a CloudFormation template");
    assertThat(d.hasMissingInput()).isFalse();
  }

  @Test
  void aMissingPathIsAUsageProblem() {
    Discovery d = discover("nope/template.yaml");

    assertThat(d.units()).isEmpty();
    assertThat(d.problems())
        .containsExactly(
            new InputProblem(
                InputProblem.Kind.MISSING_INPUT,
                "nope/template.yaml: no such file or directory",
                SourceLocation.ofFile("nope/template.yaml")));
    assertThat(d.hasMissingInput()).isTrue();
  }

  @Test
  void aCloudAssemblyIsOneUnitAndItsJsonFilesAreNotLoneTemplates() throws IOException {
    assembly("out/cdk.out", "Network");

    Discovery direct = discover("out/cdk.out");
    Discovery walked = discover("out");
    Discovery viaManifest = discover("out/cdk.out/manifest.json");

    for (Discovery d : List.of(direct, walked, viaManifest)) {
      assertThat(d.problems()).isEmpty();
      assertThat(unitNames(d)).containsExactly("out/cdk.out");
      assertThat(d.units().get(0).stacks())
          .extracting(StackSource::stackName)
          .containsExactly("Network");
      assertThat(d.files()).containsExactly("out/cdk.out/Network.template.json");
    }
  }

  @Test
  void aCdkAppDirectoryMeansItsCloudAssemblyOnly() throws IOException {
    write("app/cdk.json", "{\"app\": \"npx ts-node bin/app.ts\"}");
    assembly("app/cdk.out", "App");
    write("app/lib/included.template.yaml", VPC_YAML);
    write("custom/cdk.json", "{\"app\": \"python3 app.py\", \"output\": \"build/assembly\"}");
    assembly("custom/build/assembly", "Custom");
    write("custom/cdk.out/stale.template.json", "{\"Resources\": {}}");
    write("lone/vpc.yaml", VPC_YAML);

    Discovery named = discover("app", "custom");
    Discovery walked = discover(".");

    assertThat(unitNames(named)).containsExactly("app/cdk.out", "custom/build/assembly");
    assertThat(unitNames(walked))
        .containsExactly("app/cdk.out", "custom/build/assembly", "lone/vpc.yaml");
    assertThat(walked.problems()).isEmpty();
  }

  @Test
  void aCdkAppThatWasNotSynthesizedIsAUsageProblemWhenNamed() throws IOException {
    write("app/cdk.json", "{\"app\": \"npx ts-node bin/app.ts\"}");
    write("app/test/fixture.template.yaml", VPC_YAML);

    Discovery named = discover("app");
    Discovery walked = discover(".");

    assertThat(named.units()).isEmpty();
    assertThat(named.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(InputProblem.Kind.MISSING_INPUT);
              assertThat(p.message()).contains("app/cdk.out", "cdk synth");
            });
    assertThat(unitNames(walked)).containsExactly("app/test/fixture.template.yaml");
    assertThat(walked.problems()).isEmpty();
  }

  @Test
  void aBrokenAssemblyFoundInAWalkIsAProblemAndNotScannedAsTemplates() throws IOException {
    assembly("a/cdk.out", "Stack");
    write("a/cdk.out/manifest.json", "{\"version\": \"36.0.0\",\n \"artifacts\": {,}}\n");

    Discovery d = discover(".");

    assertThat(d.units()).isEmpty();
    assertThat(d.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(InputProblem.Kind.UNREADABLE);
              assertThat(p.location().file()).isEqualTo("a/cdk.out/manifest.json");
              assertThat(p.location().line()).isEqualTo(2);
            });
    assertThat(d.files()).isEmpty();
  }

  @Test
  void namesOutsideTheBaseAreAbsoluteWithSlashes() throws IOException {
    Path outside = write("elsewhere/vpc.yaml", VPC_YAML);
    Files.createDirectories(tmp.resolve("base"));

    Discovery d = new InputDiscovery(tmp.resolve("base")).discover(List.of(outside));

    String expected = outside.toAbsolutePath().normalize().toString().replace('\\', '/');
    assertThat(unitNames(d)).containsExactly(expected);
    assertThat(d.files()).containsExactly(expected);
  }

  @Test
  void aFileReachedTwiceIsOneUnit() throws IOException {
    write("t/vpc.yaml", VPC_YAML);

    Discovery d = discover("t", "t/vpc.yaml", "t/../t/vpc.yaml", tmp.resolve("t").toString());

    assertThat(unitNames(d)).containsExactly("t/vpc.yaml");
    assertThat(d.files()).containsExactly("t/vpc.yaml");
  }

  @Test
  void symbolicLinksDoNotLeadOutOfTheTreeOrRoundInCircles() throws IOException {
    write("outside/secret.yaml", VPC_YAML);
    write("tree/real/vpc.yaml", VPC_YAML);
    Files.createSymbolicLink(tmp.resolve("tree/out"), tmp.resolve("outside"));
    Files.createSymbolicLink(tmp.resolve("tree/real/loop"), tmp.resolve("tree"));
    Files.createSymbolicLink(tmp.resolve("tree/alias.yaml"), tmp.resolve("tree/real/vpc.yaml"));
    Files.createSymbolicLink(tmp.resolve("tree/dangling.yaml"), tmp.resolve("tree/none.yaml"));

    Discovery d = discover("tree");

    assertThat(d.problems()).isEmpty();
    assertThat(unitNames(d)).containsExactly("tree/alias.yaml");
    assertThat(d.units().get(0).stacks().get(0).template().path())
        .isEqualTo(tmp.resolve("tree/alias.yaml"));
  }

  @Test
  void theResultIsSortedWhateverTheInputOrder() throws IOException {
    write("b/z.yaml", VPC_YAML);
    write("b/a.yaml", VPC_YAML);
    write("a/m.json", "{\"Resources\": {\"Vpc\": {\"Type\": \"AWS::EC2::VPC\"}}}");
    write("c/bad.json", "{\"Resources\": {\"Vpc\": {\"Type\": \"AWS::EC2::VPC\",}}}");
    write("a/bad.yaml", "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {\n");

    Discovery forward = discover("a", "b", "c", "gone");
    Discovery backward = discover("gone", "c", "b", "a");

    assertThat(unitNames(forward)).containsExactly("a/m.json", "b/a.yaml", "b/z.yaml");
    assertThat(forward.problems())
        .extracting(p -> p.location().file())
        .containsExactly("a/bad.yaml", "c/bad.json", "gone");
    assertThat(forward.files())
        .containsExactly("a/bad.yaml", "a/m.json", "b/a.yaml", "b/z.yaml", "c/bad.json");
    assertThat(backward).isEqualTo(forward);
  }

  @Test
  void stackNamesDropTemplateExtensions() {
    assertThat(InputDiscovery.stackName(Path.of("x/vpc.template.yaml"))).isEqualTo("vpc");
    assertThat(InputDiscovery.stackName(Path.of("vpc.yml"))).isEqualTo("vpc");
    assertThat(InputDiscovery.stackName(Path.of("Network.JSON"))).isEqualTo("Network");
    assertThat(InputDiscovery.stackName(Path.of("template"))).isEqualTo("template");
    assertThat(InputDiscovery.stackName(Path.of(".json"))).isEqualTo(".json");
  }

  /** Issue 11 defect 8: 1,000 nested directories took 34 s, 2,500 did not finish. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void deepDirectoriesAreWalked() throws IOException {
    Path dir = tmp.resolve("deep");
    for (int i = 0; i < 1000; i++) {
      dir = dir.resolve("d");
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("vpc.yaml"), VPC_YAML);
    Files.createSymbolicLink(dir.resolve("up"), tmp.resolve("deep"));

    Discovery d = discover("deep");

    assertThat(d.problems()).isEmpty();
    assertThat(d.units())
        .singleElement()
        .satisfies(u -> assertThat(u.name()).endsWith("d/vpc.yaml"));
  }

  @Test
  void aLinkToItselfIsNamedForWhatItIs() throws IOException {
    Files.createSymbolicLink(tmp.resolve("loop.yaml"), tmp.resolve("loop.yaml"));

    Discovery d = discover("loop.yaml");

    assertThat(d.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(InputProblem.Kind.MISSING_INPUT);
              assertThat(p.message())
                  .startsWith("loop.yaml: ")
                  .containsIgnoringCase("symbolic links");
            });
  }

  @Test
  void aFileInADirectoryThatCannotBeSearchedSaysSo() throws IOException {
    write("locked/vpc.yaml", VPC_YAML);
    Path locked = tmp.resolve("locked");
    assumeTrue(
        Files.getFileStore(locked).supportsFileAttributeView("posix"), "no POSIX permissions here");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(locked), "permissions are not enforced for this user (root)");
      Discovery d = discover("locked/vpc.yaml");
      assertThat(d.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.message()).isEqualTo("locked/vpc.yaml: permission denied"));
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void anEmptyPathIsAUsageProblemNotTheWorkingDirectory() throws IOException {
    write("vpc.yaml", VPC_YAML);

    Discovery d = discover("");

    assertThat(d.units()).isEmpty();
    assertThat(d.hasMissingInput()).isTrue();
    assertThat(d.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("an empty path names nothing to analyze"));
  }

  @Test
  void aDirectoryWithNothingToAnalyzeIsAUsageProblem() throws IOException {
    write("web/package.json", "{\"name\": \"web\"}");
    write("infra/vpc.yaml", VPC_YAML);

    Discovery d = discover("web", "infra", "infra/vpc.yaml");

    assertThat(unitNames(d)).containsExactly("infra/vpc.yaml");
    assertThat(d.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(InputProblem.Kind.MISSING_INPUT);
              assertThat(p.message()).startsWith("web: a directory with nothing to analyze");
            });
  }
}
