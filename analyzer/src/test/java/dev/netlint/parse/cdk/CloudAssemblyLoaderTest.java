package dev.netlint.parse.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.StackSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small cloud assemblies shaped as {@code cdk synth} writes them (manifest schema 36 unless a test
 * says otherwise), built in a temporary directory.
 */
class CloudAssemblyLoaderTest {
  private static final String HASH_A =
      "bfdcc1416928a630e76eeca1a5bb9b8ed027254118411b093a1799e7f5376a2a";
  private static final String HASH_B =
      "ebf1736aa22fcd370cd5d8401e2507846723d1556a1cadda27ef43101e264ef8";

  @TempDir Path tmp;

  private final CloudAssemblyLoader loader = new CloudAssemblyLoader();

  private Path write(String relative, String text) throws IOException {
    Path file = tmp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static String stackArtifact(String id, String displayName, String metadata) {
    return """
           "%s": {
             "type": "aws:cloudformation:stack",
             "environment": "aws://unknown-account/unknown-region",
             "properties": {
               "templateFile": "%s.template.json",
               "validateOnSynth": false
             },
             "dependencies": ["%s.assets"],
             "metadata": {%s},
             "displayName": "%s"
           }"""
        .formatted(id, id, id, metadata, displayName);
  }

  private static String logicalId(String path, String id) {
    return """
           "%s": [{"type": "aws:cdk:logicalId", "data": "%s"}]"""
        .formatted(path, id);
  }

  private static String manifest(String... artifacts) {
    return "{\n  \"version\": \"36.0.0\",\n  \"artifacts\": {\n"
        + String.join(",\n", artifacts)
        + "\n  }\n}\n";
  }

  private static String vpcTemplate() {
    return """
           {
             "Resources": {
               "Vpc8378EB38": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}
             }
           }
           """;
  }

  private static List<String> names(CloudAssembly a) {
    return a.stacks().stream().map(s -> s.source().stackName()).toList();
  }

  private static StackSource stack(CloudAssembly a, String name) {
    return a.stackSources().stream()
        .filter(s -> s.stackName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stack " + name + " in " + names(a)));
  }

  @Test
  void stacksComeInManifestOrderWithTheirConstructPaths() throws IOException {
    write(
        "cdk.out/manifest.json",
        manifest(
"""
"Network.assets": {"type": "cdk:asset-manifest", "properties": {"file": "Network.assets.json"}}""",
            stackArtifact(
                "Network",
                "Network",
                logicalId("/Network/Vpc/Resource", "Vpc8378EB38")
                    + ","
                    + logicalId("/Network/BootstrapVersion", "BootstrapVersion")),
            stackArtifact("App", "App", logicalId("/App/Vpc/Resource", "Vpc8378EB38")),
            """
            "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}"""));
    write("cdk.out/Network.template.json", vpcTemplate());
    write("cdk.out/App.template.json", vpcTemplate());

    CloudAssembly a = loader.load(tmp.resolve("cdk.out"), "cdk.out");

    assertThat(a.problems()).isEmpty();
    assertThat(names(a)).containsExactly("Network", "App");
    assertThat(a.displayName()).isEqualTo("cdk.out");
    assertThat(a.files())
        .containsExactly("cdk.out/App.template.json", "cdk.out/Network.template.json");
    StackSource network = a.stackSources().get(0);
    assertThat(network.constructPath()).isEqualTo("Network");
    assertThat(network.constructPaths())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Vpc8378EB38",
                "Network/Vpc/Resource",
                "BootstrapVersion",
                "Network/BootstrapVersion"));
    assertThat(network.template().displayName()).isEqualTo("cdk.out/Network.template.json");
    assertThat(network.parameterValues()).isEmpty();
    assertThat(a.stacks().get(0).displayName()).isEqualTo("Network");
    assertThat(a.stacks().get(0).nested()).isFalse();
    assertThat(stack(a, "App").constructPaths()).containsEntry("Vpc8378EB38", "App/Vpc/Resource");
  }

  @Test
  void stackWithoutDisplayNameTakesTheCommonScopeOfItsResources() throws IOException {
    write(
        "manifest.json",
        """
        {"version": "17.0.0", "artifacts": {"Net": {
          "type": "aws:cloudformation:stack",
          "properties": {"templateFile": "Net.template.json"},
          "metadata": {
            "/Prod/Net/Vpc/Resource": [{"type": "aws:cdk:logicalId", "data": "Vpc8378EB38"}],
            "/Prod/Net/Vpc/PublicSubnet1/Subnet": [{"type": "aws:cdk:logicalId", "data": "S1"}],
            "/Prod/Net/Sg/Resource": [{"type": "aws:cdk:logicalId", "data": "Sg11223344"}],
            "/Prod/Net/Vpc": [{"type": "aws:cdk:warning", "data": "no NAT"}],
            "Sg11223344": [{"type": "aws:cdk:logicalId", "data": "Sg11223344",
                            "trace": ["!!DESTRUCTIVE_CHANGES: WILL_DESTROY"]}]
          }}}}
        """);
    write("Net.template.json", vpcTemplate());

    CloudAssembly a = loader.load(tmp, ".");

    assertThat(a.problems()).isEmpty();
    assertThat(a.stacks().get(0).displayName()).isNull();
    assertThat(a.stackSources().get(0).constructPath()).isEqualTo("Prod/Net");
    assertThat(a.stackSources().get(0).constructPaths())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Vpc8378EB38", "Prod/Net/Vpc/Resource",
                "S1", "Prod/Net/Vpc/PublicSubnet1/Subnet",
                "Sg11223344", "Prod/Net/Sg/Resource"));
    assertThat(a.files()).containsExactly("Net.template.json");
    assertThat(a.displayName()).isEqualTo(".");
  }

  @Test
  void emptyStacksAreStacksNotProblems() throws IOException {
    write(
        "cdk.out/manifest.json",
        manifest(
            stackArtifact("Empty", "Empty", ""),
            stackArtifact("Assert", "Test/DefaultTest/DeployAssert", "")));
    write("cdk.out/Empty.template.json", "{}");
    write(
        "cdk.out/Assert.template.json",
        """
        {"Parameters": {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>"}},
         "Rules": {"CheckBootstrapVersion": {"Assertions": []}}}
        """);

    CloudAssembly a = loader.load(tmp.resolve("cdk.out"), "cdk.out");

    assertThat(a.problems()).isEmpty();
    assertThat(names(a)).containsExactly("Empty", "Assert");
    assertThat(a.stackSources().get(0).template().resources()).isNull();
  }

  @Test
  void nestedStacksFollowTheirParentSortedAndDepthFirst() throws IOException {
    String parentMeta =
        String.join(
            ",",
            logicalId("/Parent/Handler/Resource", "Handler886CB40B"),
            logicalId(
                "/Parent/Zeta.NestedStack/Zeta.NestedStackResource",
                "ZetaNestedStackZetaNestedStackResourceB1C2D3E4"),
            logicalId("/Parent/Zeta/Handler/Resource", "Handler886CB40B"),
            logicalId(
                "/Parent/Alpha.NestedStack/Alpha.NestedStackResource",
                "AlphaNestedStackAlphaNestedStackResourceA1B2C3D4"),
            logicalId("/Parent/Alpha/Subnet/Resource", "Subnet1A2B3C4D"),
            logicalId(
                "/Parent/Alpha/Inner.NestedStack/Inner.NestedStackResource",
                "InnerNestedStackInnerNestedStackResource9F8E7D6C"),
            logicalId("/Parent/Alpha/Inner/Sg/Resource", "Sg11223344"),
            logicalId("/Parent/Alpha/reference-to-ParentVpcRef", "referencetoParentVpcRef"));
    write("cdk.out/manifest.json", manifest(stackArtifact("Parent", "Parent", parentMeta)));
    write(
        "cdk.out/Parent.template.json",
        """
        {
          "Resources": {
            "Handler886CB40B": {"Type": "AWS::Lambda::Function"},
            "ZetaNestedStackZetaNestedStackResourceB1C2D3E4": {
              "Type": "AWS::CloudFormation::Stack",
              "Properties": {"TemplateURL": "https://example.com/zeta.json"},
              "Metadata": {
                "aws:cdk:path": "Parent/Zeta.NestedStack/Zeta.NestedStackResource",
                "aws:asset:path": "ParentZeta12345678.nested.template.json",
                "aws:asset:property": "TemplateURL"
              }
            },
            "AlphaNestedStackAlphaNestedStackResourceA1B2C3D4": {
              "Type": "AWS::CloudFormation::Stack",
              "Properties": {
                "Parameters": {"referencetoParentVpcRef": {"Ref": "Vpc8378EB38"}},
                "TemplateURL": "https://example.com/alpha.json"
              },
              "Metadata": {"aws:asset:path": "ParentAlpha87654321.nested.template.json"}
            }
          }
        }
        """);
    write(
        "cdk.out/ParentZeta12345678.nested.template.json",
        """
        {"Resources": {"Handler886CB40B": {"Type": "AWS::Lambda::Function"}}}
        """);
    write(
        "cdk.out/ParentAlpha87654321.nested.template.json",
        """
        {
          "Parameters": {"referencetoParentVpcRef": {"Type": "String"}},
          "Resources": {
            "Subnet1A2B3C4D": {"Type": "AWS::EC2::Subnet"},
            "InnerNestedStackInnerNestedStackResource9F8E7D6C": {
              "Type": "AWS::CloudFormation::Stack",
              "Properties": {
                "Parameters": {"referencetoParentAlphaSubnetRef": {"Ref": "Subnet1A2B3C4D"}},
                "TemplateURL": "https://example.com/inner.json"
              },
              "Metadata": {"aws:asset:path": "ParentAlphaInnerABCDEF01.nested.template.json"}
            }
          }
        }
        """);
    write(
        "cdk.out/ParentAlphaInnerABCDEF01.nested.template.json",
        """
        {"Resources": {"Sg11223344": {"Type": "AWS::EC2::SecurityGroup"}}}
        """);

    CloudAssembly a = loader.load(tmp.resolve("cdk.out"), "cdk.out");

    assertThat(a.problems()).isEmpty();
    String alpha = "Parent/AlphaNestedStackAlphaNestedStackResourceA1B2C3D4";
    String inner = alpha + "/InnerNestedStackInnerNestedStackResource9F8E7D6C";
    String zeta = "Parent/ZetaNestedStackZetaNestedStackResourceB1C2D3E4";
    assertThat(names(a)).containsExactly("Parent", alpha, inner, zeta);
    assertThat(a.stacks())
        .extracting(CloudAssembly.AssemblyStack::parentStackName)
        .containsExactly(null, "Parent", alpha, "Parent");

    StackSource parent = stack(a, "Parent");
    assertThat(parent.constructPaths()).containsEntry("Handler886CB40B", "Parent/Handler/Resource");
    assertThat(parent.constructPaths()).doesNotContainKeys("Subnet1A2B3C4D", "Sg11223344");

    StackSource z = stack(a, zeta);
    assertThat(z.constructPath()).isEqualTo("Parent/Zeta");
    assertThat(z.constructPaths())
        .containsExactly(Map.entry("Handler886CB40B", "Parent/Zeta/Handler/Resource"));
    assertThat(z.parameterValues()).isEmpty();

    StackSource al = stack(a, alpha);
    assertThat(al.constructPath()).isEqualTo("Parent/Alpha");
    assertThat(al.constructPaths())
        .containsEntry("Subnet1A2B3C4D", "Parent/Alpha/Subnet/Resource")
        .containsEntry(
            "InnerNestedStackInnerNestedStackResource9F8E7D6C",
            "Parent/Alpha/Inner.NestedStack/Inner.NestedStackResource")
        .doesNotContainKey("Sg11223344");
    Node passed = al.parameterValues().get("referencetoParentVpcRef");
    assertThat(passed).isInstanceOf(Node.MapNode.class);
    assertThat(((Node.MapNode) passed).intrinsicName()).isEqualTo("Ref");
    assertThat(passed.origin().location().file()).isEqualTo("cdk.out/Parent.template.json");
    assertThat(passed.origin().templatePath())
        .containsExactly(
            "Resources",
            "AlphaNestedStackAlphaNestedStackResourceA1B2C3D4",
            "Properties",
            "Parameters",
            "referencetoParentVpcRef");

    StackSource in = stack(a, inner);
    assertThat(in.constructPath()).isEqualTo("Parent/Alpha/Inner");
    assertThat(in.constructPaths())
        .containsExactly(Map.entry("Sg11223344", "Parent/Alpha/Inner/Sg/Resource"));
    assertThat(in.parameterValues()).containsOnlyKeys("referencetoParentAlphaSubnetRef");
    assertThat(in.template().displayName())
        .isEqualTo("cdk.out/ParentAlphaInnerABCDEF01.nested.template.json");
    assertThat(a.files()).hasSize(4).isSorted();
  }

  @Test
  void nestedTemplateIsFoundThroughTheAssetManifestWhenMetadataIsStripped() throws IOException {
    write(
        "manifest.json",
        manifest(
"""
"Eks.assets": {"type": "cdk:asset-manifest", "properties": {"file": "Eks.assets.json"}}""",
            stackArtifact(
                "Eks",
                "Eks",
                logicalId(
                    "/Eks/Kubectl.NestedStack/Kubectl.NestedStackResource",
                    "KubectlNestedStackKubectlNestedStackResourceA7AEBA6B"))));
    write(
        "Eks.assets.json",
        """
        {"version": "36.0.0", "files": {
          "%s": {
            "source": {"path": "EksKubectl12A12654.nested.template.json", "packaging": "file"},
            "destinations": {"current_account-us-east-1": {
              "bucketName": "cdk-hnb659fds-assets-${AWS::AccountId}-us-east-1",
              "objectKey": "%s.json"}}
          },
          "%s": {
            "source": {"path": "asset.%s", "packaging": "zip"},
            "destinations": {}
          }
        }, "dockerImages": {}}
        """
            .formatted(HASH_A, HASH_A, HASH_B, HASH_B));
    write(
        "Eks.template.json",
        """
        {"Resources": {"KubectlNestedStackKubectlNestedStackResourceA7AEBA6B": {
          "Type": "AWS::CloudFormation::Stack",
          "Properties": {"TemplateURL": {"Fn::Join": ["", [
            "https://s3.us-east-1.", {"Ref": "AWS::URLSuffix"}, "/",
            {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-us-east-1"},
            "/%s.json"]]}},
          "UpdateReplacePolicy": "Delete",
          "DeletionPolicy": "Delete"
        }}}
        """
            .formatted(HASH_A));
    write("EksKubectl12A12654.nested.template.json", vpcTemplate());

    CloudAssembly a = loader.load(tmp, "app/cdk.out");

    assertThat(a.problems()).isEmpty();
    assertThat(names(a))
        .containsExactly("Eks", "Eks/KubectlNestedStackKubectlNestedStackResourceA7AEBA6B");
    assertThat(a.stackSources().get(1).constructPath()).isEqualTo("Eks/Kubectl");
    assertThat(a.files())
        .containsExactly(
            "app/cdk.out/Eks.template.json", "app/cdk.out/EksKubectl12A12654.nested.template.json");
  }

  @Test
  void legacySynthesizerAssetParametersLeadToTheNestedTemplate() throws IOException {
    // CDK v1's legacy synthesizer: no asset manifest, assets as aws:cdk:asset metadata and
    // AssetParameters<hash>... stack parameters in TemplateURL.
    write(
        "manifest.json",
"""
{"version": "5.0.0", "artifacts": {"Legacy": {
  "type": "aws:cloudformation:stack",
  "environment": "aws://unknown-account/unknown-region",
  "properties": {"templateFile": "Legacy.template.json"},
  "metadata": {
    "/Legacy": [{"type": "aws:cdk:asset", "data": {
      "path": "LegacyNetA1B2C3D4.nested.template.json",
      "id": "%s",
      "packaging": "file",
      "sourceHash": "%s",
      "s3BucketParameter": "AssetParameters%sS3Bucket5A1B2C3D",
      "s3KeyParameter": "AssetParameters%sS3VersionKey6E7F8A9B",
      "artifactHashParameter": "AssetParameters%sArtifactHash0C1D2E3F"}}],
    "/Legacy/Net.NestedStack/Net.NestedStackResource": [
      {"type": "aws:cdk:logicalId", "data": "NetNestedStackNetNestedStackResource12345678"}]
  }}}}
"""
            .formatted(HASH_B, HASH_B, HASH_B, HASH_B, HASH_B));
    write(
        "Legacy.template.json",
"""
{"Resources": {"NetNestedStackNetNestedStackResource12345678": {
  "Type": "AWS::CloudFormation::Stack",
  "Properties": {"TemplateURL": {"Fn::Join": ["", [
    "https://s3.", {"Ref": "AWS::Region"}, ".", {"Ref": "AWS::URLSuffix"}, "/",
    {"Ref": "AssetParameters%sS3Bucket5A1B2C3D"}, "/",
    {"Fn::Select": [0, {"Fn::Split": ["||", {"Ref": "AssetParameters%sS3VersionKey6E7F8A9B"}]}]}
  ]]}}}},
 "Parameters": {"AssetParameters%sS3Bucket5A1B2C3D": {"Type": "String"}}}
"""
            .formatted(HASH_B, HASH_B, HASH_B));
    write("LegacyNetA1B2C3D4.nested.template.json", vpcTemplate());

    CloudAssembly a = loader.load(tmp, "cdk.out");

    assertThat(a.problems()).isEmpty();
    assertThat(names(a))
        .containsExactly("Legacy", "Legacy/NetNestedStackNetNestedStackResource12345678");
    assertThat(a.stackSources().get(0).constructPath()).isEqualTo("Legacy");
    assertThat(a.stackSources().get(1).constructPath()).isEqualTo("Legacy/Net");
  }

  @Test
  void stageIsReadFromItsNestedAssembly() throws IOException {
    write(
        "cdk.out/manifest.json",
        manifest(
            stackArtifact("Pipeline", "Pipeline", ""),
            """
            "assembly-Prod": {
              "type": "cdk:cloud-assembly",
              "properties": {"directoryName": "assembly-Prod", "displayName": "Prod"}
            }"""));
    write("cdk.out/Pipeline.template.json", vpcTemplate());
    write(
        "cdk.out/assembly-Prod/manifest.json",
        manifest(
            stackArtifact(
                "ProdNetworkB2C3D4E5",
                "Prod/Network",
                logicalId("/Prod/Network/Vpc/Resource", "Vpc8378EB38"))));
    write("cdk.out/assembly-Prod/ProdNetworkB2C3D4E5.template.json", vpcTemplate());

    CloudAssembly a = loader.load(tmp.resolve("cdk.out"), "cdk.out");

    assertThat(a.problems()).isEmpty();
    assertThat(names(a)).containsExactly("Pipeline", "ProdNetworkB2C3D4E5");
    StackSource prod = a.stackSources().get(1);
    assertThat(prod.constructPath()).isEqualTo("Prod/Network");
    assertThat(prod.constructPaths()).containsEntry("Vpc8378EB38", "Prod/Network/Vpc/Resource");
    assertThat(prod.template().displayName())
        .isEqualTo("cdk.out/assembly-Prod/ProdNetworkB2C3D4E5.template.json");
  }

  @Test
  void missingTemplateIsAProblemAtTheManifestAndTheOtherStacksStillLoad() throws IOException {
    Path manifest =
        write(
            "manifest.json",
            manifest(
                stackArtifact("Gone", "Gone", ""),
                stackArtifact("Broken", "Broken", ""),
                stackArtifact("Fine", "Fine", "")));
    write(
        "Broken.template.json",
        "{\"Resources\": {\n  \"Vpc\": {\"Type\": \"AWS::EC2::VPC\",,}}}\n");
    write("Fine.template.json", vpcTemplate());

    CloudAssembly a = loader.load(tmp, "cdk.out");

    assertThat(names(a)).containsExactly("Fine");
    assertThat(a.problems()).hasSize(2);
    CloudAssembly.Problem gone = a.problems().get(0);
    assertThat(gone.message()).contains("'Gone.template.json'", "does not exist");
    assertThat(gone.location().file()).isEqualTo("cdk.out/manifest.json");
    assertThat(gone.location().line())
        .isEqualTo(lineOf(manifest, "\"templateFile\": \"Gone.template.json\""));
    CloudAssembly.Problem broken = a.problems().get(1);
    assertThat(broken.location().file()).isEqualTo("cdk.out/Broken.template.json");
    assertThat(broken.location().line()).isEqualTo(2);
    assertThat(a.files())
        .containsExactly("cdk.out/Broken.template.json", "cdk.out/Fine.template.json");
  }

  @Test
  void danglingNestedStackAssetIsAProblemAtTheParentResource() throws IOException {
    write("manifest.json", manifest(stackArtifact("Parent", "Parent", "")));
    write(
        "Parent.template.json",
        """
        {
          "Resources": {
            "NetNestedStackNetNestedStackResource12345678": {
              "Type": "AWS::CloudFormation::Stack",
              "Properties": {"TemplateURL": "https://example.com/t.json"},
              "Metadata": {"aws:asset:path": "ParentNet.nested.template.json"}
            },
            "ExternalStack": {
              "Type": "AWS::CloudFormation::Stack",
              "Properties": {"TemplateURL": "https://example.com/elsewhere.json"}
            }
          }
        }
        """);

    CloudAssembly a = loader.load(tmp, "cdk.out");

    assertThat(names(a)).containsExactly("Parent");
    assertThat(a.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).contains("ParentNet.nested.template.json", "does not exist");
              assertThat(p.location())
                  .isEqualTo(new SourceLocation("cdk.out/Parent.template.json", 6, 38));
            });
  }

  @Test
  void referencesOutOfTheAssemblyAndCyclesAreRefused() throws IOException {
    write("outside.template.json", vpcTemplate());
    write(
        "cdk.out/manifest.json",
        manifest(
            """
            "Escape": {"type": "aws:cloudformation:stack",
              "properties": {"templateFile": "../outside.template.json"}}""",
            """
            "Self": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "."}}""",
            """
            "Up": {"type": "cdk:cloud-assembly", "properties": {"directoryName": ".."}}""",
            stackArtifact("Loop", "Loop", "")));
    write(
        "cdk.out/Loop.template.json",
        """
        {"Resources": {"Again": {"Type": "AWS::CloudFormation::Stack",
          "Metadata": {"aws:asset:path": "Loop.template.json"}}}}
        """);

    CloudAssembly a = loader.load(tmp.resolve("cdk.out"), "cdk.out");

    assertThat(names(a)).containsExactly("Loop");
    assertThat(a.problems())
        .extracting(CloudAssembly.Problem::message)
        .satisfiesExactly(
            m -> assertThat(m).contains("../outside.template.json", "outside the cloud assembly"),
            m -> assertThat(m).contains("'.'", "already part of this assembly"),
            m -> assertThat(m).contains("'..'", "outside the cloud assembly"),
            m -> assertThat(m).contains("Loop/Again", "cycle"));
  }

  @Test
  void malformedManifestIsAProblemWithItsLine() throws IOException {
    write(
        "cdk.out/manifest.json",
        "{\n  \"version\": \"36.0.0\",\n  \"artifacts\": {\n    \"A\": }\n}\n");
    write("cdk.out/cdk.out", "{\"version\":\"36.0.0\"}");

    CloudAssembly a = loader.loadIfAssembly(tmp.resolve("cdk.out"), "cdk.out");

    assertThat(a).isNotNull();
    assertThat(a.stacks()).isEmpty();
    assertThat(a.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).startsWith("cloud assembly manifest: malformed JSON");
              assertThat(p.location().file()).isEqualTo("cdk.out/manifest.json");
              assertThat(p.location().line()).isEqualTo(4);
            });
  }

  @Test
  void otherManifestsAreNotAssemblies() throws IOException {
    write("web/manifest.json", "{\"name\": \"My PWA\", \"icons\": [], \"start_url\": \".\"}");
    write("broken/manifest.json", "{\"name\": ");

    assertThat(loader.loadIfAssembly(tmp.resolve("web"), "web")).isNull();
    assertThat(loader.loadIfAssembly(tmp.resolve("broken"), "broken")).isNull();
    assertThat(loader.loadIfAssembly(tmp, ".")).isNull();
    assertThat(loader.load(tmp.resolve("web"), "web").problems())
        .extracting(CloudAssembly.Problem::message)
        .containsExactly("not a CDK cloud assembly: manifest.json has no artifacts");
    assertThat(loader.load(tmp, ".").problems())
        .extracting(p -> p.location().file())
        .containsExactly("manifest.json");
  }

  @Test
  void nestedStackPathFollowsCdkNaming() {
    assertThat(CloudAssemblyLoader.nestedStackPath("/App/Db.NestedStack/Db.NestedStackResource"))
        .isEqualTo("App/Db");
    String eks = "App/@aws-cdk--aws-eks.KubectlProvider";
    assertThat(
            CloudAssemblyLoader.nestedStackPath(
                eks + ".NestedStack/@aws-cdk--aws-eks.KubectlProvider.NestedStackResource"))
        .isEqualTo(eks);
    assertThat(CloudAssemblyLoader.nestedStackPath("App/Legacy/Resource")).isNull();
    assertThat(CloudAssemblyLoader.nestedStackPath("Resource")).isNull();
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  /**
   * Issue 11 defect 6: seventeen templates, each holding four nested stacks of the next, made 4^16
   * stacks; the total is bounded and each template is read once.
   */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void nestedStacksThatFanOutStopAtTheStackLimit() throws IOException {
    writeFanOut(tmp, 16, 4);
    CloudAssembly a = loader.load(tmp, "cdk.out");
    assertThat(a.stacks()).hasSize(CloudAssemblyLoader.MAX_STACKS);
    assertThat(a.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .contains("more than 2000 stacks")
                  .contains("and the stacks after it are not read");
              assertThat(p.location().line()).isGreaterThan(0);
            });
    assertThat(a.files()).hasSize(17);
  }

  /** A manifest with stack Fan whose template T0 nests {@code width} stacks of T1, and so on. */
  static void writeFanOut(Path dir, int depth, int width) throws IOException {
    Files.writeString(
        dir.resolve("manifest.json"),
        manifest(
            """
            "Fan": {"type": "aws:cloudformation:stack",
                    "properties": {"templateFile": "T0.template.json"}}"""));
    for (int level = 0; level <= depth; level++) {
      StringBuilder t = new StringBuilder("{\"Resources\": {\n");
      t.append(
          "  \"Vpc\": {\"Type\": \"AWS::EC2::VPC\", \"Properties\": {\"CidrBlock\": \"10.0.0.0/16\"}}");
      if (level < depth) {
        for (int i = 0; i < width; i++) {
          t.append(",\n  \"Child")
              .append(i)
              .append("\": {\"Type\": \"AWS::CloudFormation::Stack\", \"Metadata\": {")
              .append("\"aws:asset:path\": \"T")
              .append(level + 1)
              .append(".template.json\"}, \"Properties\": {\"TemplateURL\": \"https://x\"}}");
        }
      }
      t.append("\n}}\n");
      Files.writeString(dir.resolve("T" + level + ".template.json"), t.toString());
    }
  }

  /** Issue 11 defect 7: a FIFO named as a stack template blocked forever. */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aStackTemplateThatIsNotARegularFileIsAProblem() throws Exception {
    write(
        "manifest.json",
        manifest(
            stackArtifact("Pipe", "Pipe", ""),
            stackArtifact("Dir", "Dir", ""),
            stackArtifact("Good", "Good", "")));
    write("Good.template.json", vpcTemplate());
    Files.createDirectory(tmp.resolve("Dir.template.json"));
    Process mkfifo =
        new ProcessBuilder("mkfifo", tmp.resolve("Pipe.template.json").toString()).start();
    boolean fifo = mkfifo.waitFor() == 0 && Files.exists(tmp.resolve("Pipe.template.json"));

    CloudAssembly a = loader.load(tmp, "cdk.out");

    assertThat(names(a)).containsExactly("Good");
    assertThat(a.problems())
        .extracting(CloudAssembly.Problem::message)
        .contains(
            "not a regular file (a directory): netlint reads templates only from regular files");
    if (fifo) {
      assertThat(a.problems())
          .extracting(CloudAssembly.Problem::message)
          .contains(
              "not a regular file (a FIFO, socket or device): netlint reads templates only from"
                  + " regular files");
    }
  }
}
