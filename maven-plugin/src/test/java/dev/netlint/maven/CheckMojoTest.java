package dev.netlint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMojoTest {
  @TempDir Path project;

  @Test
  void defaultInputsAreTheOnesThatExist() throws Exception {
    Files.createDirectories(project.resolve("src/main/cloudformation"));

    assertThat(CheckMojo.resolveInputs(project, null))
        .containsExactly(project.resolve("src/main/cloudformation"));

    Files.createDirectories(project.resolve("cdk.out"));

    assertThat(CheckMojo.resolveInputs(project, List.of()))
        .containsExactly(project.resolve("cdk.out"), project.resolve("src/main/cloudformation"));
  }

  @Test
  void noDefaultInputMeansNothingToCheck() throws Exception {
    assertThat(CheckMojo.resolveInputs(project, null)).isEmpty();
  }

  @Test
  void configuredInputsAreResolvedAgainstTheProject() throws Exception {
    Path template = Files.writeString(project.resolve("vpc.yaml"), "Resources: {}\n");

    assertThat(CheckMojo.resolveInputs(project, List.of(new File("vpc.yaml"))))
        .containsExactly(template);
    assertThat(CheckMojo.resolveInputs(project, List.of(template.toFile())))
        .containsExactly(template);
  }

  @Test
  void missingConfiguredInputIsAnError() throws IOException {
    assertThatThrownBy(() -> CheckMojo.resolveInputs(project, List.of(new File("nope.yaml"))))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("nope.yaml")
        .hasMessageContaining("does not exist");
  }
}
