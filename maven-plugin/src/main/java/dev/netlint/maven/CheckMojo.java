package dev.netlint.maven;

import dev.netlint.api.Severity;
import dev.netlint.engine.Analysis;
import dev.netlint.report.Format;
import dev.netlint.rules.BuiltInRules;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Checks the project's CloudFormation templates and CDK cloud assemblies for network bugs and fails
 * the build when a finding is at or above {@link #failOnSeverity}. Every finding is logged; the
 * reports go to {@link #outputDirectory}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

  /** Where the inputs are looked for when {@link #inputs} is not configured. */
  static final List<String> DEFAULT_INPUTS = List.of("cdk.out", "src/main/cloudformation");

  /** Skips the check. */
  @Parameter(property = "netlint.skip", defaultValue = "false")
  private boolean skip;

  /** The build fails on a finding at or above this severity: error, warning or info. */
  @Parameter(property = "netlint.failOnSeverity", defaultValue = "error")
  private String failOnSeverity = "error";

  /**
   * Template files, directories of templates, {@code cdk.out} cloud assemblies. Default: {@code
   * cdk.out} and {@code src/main/cloudformation} in the project directory, those that exist; when
   * neither does, the check does nothing.
   */
  @Parameter(property = "netlint.inputs")
  private @Nullable List<File> inputs;

  /** Report formats to write: text, json, sarif, junit. */
  @Parameter(property = "netlint.formats", defaultValue = "text")
  private List<String> formats = new ArrayList<>(List.of("text"));

  /**
   * Where the reports go, one file per format: netlint.txt, netlint.json, netlint.sarif,
   * netlint-junit.xml.
   */
  @Parameter(
      property = "netlint.outputDirectory",
      defaultValue = "${project.build.directory}/netlint")
  private @Nullable File outputDirectory;

  /**
   * Files are named relative to this directory in the log and the reports. The default, the
   * directory Maven runs in, names them as a repository's code-scanning expects when Maven runs at
   * the repository's top.
   */
  @Parameter(property = "netlint.baseDirectory", defaultValue = "${session.executionRootDirectory}")
  private @Nullable File baseDirectory;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private @Nullable File projectDirectory;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private @Nullable PluginDescriptor plugin;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("netlint: skipped (netlint.skip)");
      return;
    }
    Path project = required(projectDirectory, "project.basedir").toPath().toAbsolutePath();
    Severity failOn;
    List<Format> reportFormats = new ArrayList<>();
    try {
      failOn = Severity.parse(failOnSeverity);
      for (String format : formats) {
        reportFormats.add(Format.parse(format));
      }
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("netlint: " + e.getMessage(), e);
    }

    List<Path> analyzed = resolveInputs(project, inputs);
    if (analyzed.isEmpty()) {
      getLog()
          .info(
              "netlint: nothing to check (no "
                  + String.join(" or ", DEFAULT_INPUTS)
                  + " in the project; set <inputs> to check other files)");
      return;
    }
    Path base =
        baseDirectory == null ? project : baseDirectory.toPath().toAbsolutePath().normalize();
    Path output =
        outputDirectory == null
            ? project.resolve("target/netlint")
            : outputDirectory.toPath().toAbsolutePath();
    String version = plugin == null ? "unknown" : plugin.getVersion();

    new Check(
            (in, options, failures) -> Analysis.run(in, BuiltInRules.all(), options, failures),
            getLog(),
            version)
        .run(analyzed, base, reportFormats, output, failOn);
  }

  /**
   * The inputs to analyze: the configured ones, which must exist, or else the default ones that
   * exist.
   *
   * @throws MojoExecutionException when a configured input does not exist
   */
  static List<Path> resolveInputs(Path project, @Nullable List<File> configured)
      throws MojoExecutionException {
    List<Path> resolved = new ArrayList<>();
    if (configured == null || configured.isEmpty()) {
      for (String candidate : DEFAULT_INPUTS) {
        Path path = project.resolve(candidate);
        if (Files.exists(path)) {
          resolved.add(path);
        }
      }
      return resolved;
    }
    for (File file : configured) {
      Path path = project.resolve(file.toPath()).normalize();
      if (!Files.exists(path)) {
        throw new MojoExecutionException("netlint: input " + path + " does not exist");
      }
      resolved.add(path);
    }
    return resolved;
  }

  private static <T> T required(@Nullable T value, String name) throws MojoExecutionException {
    if (value == null) {
      throw new MojoExecutionException("netlint: " + name + " is not set");
    }
    return value;
  }
}
