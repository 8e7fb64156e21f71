package dev.netlint.parse.cdk;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Fuzz target for the cloud-assembly reader: any {@code manifest.json} beside CDK's marker and a
 * small stack template reads into stacks and problems, never an exception.
 */
class CloudAssemblyFuzzTest {
  private static final CloudAssemblyLoader LOADER = new CloudAssemblyLoader();

  @FuzzTest(maxDuration = "2m")
  void manifest(byte[] data) throws IOException {
    Path dir = Files.createTempDirectory("netlint-fuzz");
    try {
      Files.write(dir.resolve("manifest.json"), data);
      Files.writeString(dir.resolve("cdk.out"), "{\"version\":\"36.0.0\"}");
      Files.writeString(
          dir.resolve("S.template.json"),
          "{\"Resources\": {\"N\": {\"Type\": \"AWS::CloudFormation::Stack\","
              + " \"Metadata\": {\"aws:asset:path\": \"S.template.json\"}}}}");
      LOADER.load(dir, "cdk.out");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
