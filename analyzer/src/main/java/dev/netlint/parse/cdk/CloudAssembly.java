package dev.netlint.parse.cdk;

import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.StackSource;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A CDK cloud assembly ({@code cdk.out}) as read: the stacks its manifest deploys, nested cloud
 * assemblies (stages) and nested stacks included, and what could not be read.
 *
 * <p>Follows the <a
 * href="https://github.com/aws/aws-cdk/tree/main/packages/%40aws-cdk/cloud-assembly-schema">cloud
 * assembly schema</a>.
 *
 * @param directory the assembly directory on disk
 * @param displayName the directory as reports name it
 * @param stacks every stack, in manifest artifact order; a stack's nested stacks follow it
 *     directly, depth first, sorted by the logical ID of their {@code AWS::CloudFormation::Stack}
 *     resource
 * @param files the template files netlint tried to read (top-level and nested), as reports name
 *     them, sorted
 * @param problems what could not be read: a missing or malformed template, a dangling asset
 *     reference, a broken manifest; one broken stack does not stop the others
 */
public record CloudAssembly(
    Path directory,
    String displayName,
    List<AssemblyStack> stacks,
    List<String> files,
    List<Problem> problems) {

  public CloudAssembly {
    stacks = List.copyOf(stacks);
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  /** The stacks as the engine analyzes them, in the same order as {@link #stacks()}. */
  public List<StackSource> stackSources() {
    return stacks.stream().map(AssemblyStack::source).toList();
  }

  /**
   * One stack of the assembly.
   *
   * @param source the stack to analyze
   * @param displayName the artifact's {@code displayName} from the manifest (the stack's construct
   *     path, as {@code cdk list} shows it), or null for nested stacks and manifests without one
   * @param parentStackName the {@link StackSource#stackName()} of the stack whose {@code
   *     AWS::CloudFormation::Stack} resource creates this nested stack, or null for a top-level
   *     stack
   */
  public record AssemblyStack(
      StackSource source, @Nullable String displayName, @Nullable String parentStackName) {

    /** True for a nested stack. */
    public boolean nested() {
      return parentStackName != null;
    }
  }

  /**
   * A file of the assembly that could not be read, or a reference to one that does not resolve. The
   * engine reports it as {@code NL001}.
   *
   * @param message what is wrong, naming the file or artifact
   * @param location where: the broken file itself, or the manifest entry or template resource that
   *     references a missing file
   */
  public record Problem(String message, SourceLocation location) {}
}
