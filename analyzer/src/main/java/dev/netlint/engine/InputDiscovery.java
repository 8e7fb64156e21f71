package dev.netlint.engine;

import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cdk.CloudAssembly;
import dev.netlint.parse.cdk.CloudAssemblyLoader;
import dev.netlint.parse.cfn.InputException;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.StackSource;
import dev.netlint.parse.cfn.Template;
import dev.netlint.parse.cfn.TemplateLoader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Finds what to analyze under the paths a user gives, and loads it into {@link AnalysisUnit}s.
 *
 * <p>A path may be:
 *
 * <ul>
 *   <li>a file: it must be a CloudFormation template, JSON or YAML, whatever its name (a {@code
 *       manifest.json} of a cloud assembly reads the assembly);
 *   <li>a CDK cloud assembly directory ({@code cdk.out}, holding a {@code manifest.json} with
 *       artifacts): one unit with all its stacks;
 *   <li>a CDK app directory (holding a {@code cdk.json}, or a {@code cdk.out} assembly): its cloud
 *       assembly ({@code cdk.json}'s {@code output}, else {@code cdk.out}) and nothing else, since
 *       the app's own files would only repeat what the assembly holds; an app that has not been
 *       synthesized is a {@link InputProblem.Kind#MISSING_INPUT};
 *   <li>any other directory: walked in name order, skipping {@code node_modules}, {@code target}
 *       and directories whose name starts with a dot. A directory that is a cloud assembly or a CDK
 *       app is read as above and not walked further; {@code .json}, {@code .yaml}, {@code .yml} and
 *       {@code .template} files that are templates become one unit each, other JSON and YAML
 *       (package.json, Kubernetes manifests, Helm charts) is skipped quietly, and a file that looks
 *       like a template but cannot be read is an {@link InputProblem.Kind#UNREADABLE} problem with
 *       its file and line.
 * </ul>
 *
 * <p>Relative paths are resolved against the base directory. Symbolic links are followed only to
 * files and directories inside the directory being walked, and each directory is walked once, so
 * links cannot lead out of the tree or round in a cycle. A file or assembly reached twice (named
 * twice, or named and also found in a walk) is read once. The result is sorted and does not depend
 * on the order of directory listings.
 *
 * <p>Follows <a href="https://docs.aws.amazon.com/cdk/v2/guide/apps.html">CDK apps</a> for the app
 * and cloud assembly layout.
 */
public final class InputDiscovery {

  /** The CDK app configuration file, which names the cloud assembly directory. */
  static final String CDK_APP_CONFIG = "cdk.json";

  /** Where {@code cdk synth} writes the cloud assembly unless {@code cdk.json} says otherwise. */
  static final String DEFAULT_CDK_OUTPUT = "cdk.out";

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules", "target");
  private static final List<String> TEMPLATE_EXTENSIONS =
      List.of(".json", ".yaml", ".yml", ".template");

  private final Path baseDirectory;
  private final TemplateLoader templates;
  private final CloudAssemblyLoader assemblies;

  /**
   * @param baseDirectory files are named relative to it when below it, and relative input paths are
   *     resolved against it
   */
  public InputDiscovery(Path baseDirectory) {
    this(baseDirectory, new TemplateLoader());
  }

  public InputDiscovery(Path baseDirectory, TemplateLoader templates) {
    this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    this.templates = templates;
    this.assemblies = new CloudAssemblyLoader(templates);
  }

  /**
   * Finds and loads everything under {@code inputs}. Never throws for bad input: it becomes an
   * {@link InputProblem}.
   */
  public Discovery discover(List<Path> inputs) {
    Run run = new Run();
    for (Path input : inputs) {
      run.input(input);
    }
    return run.result();
  }

  /** How reports name {@code path}: relative to the base directory when below it. */
  String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    String name;
    if (abs.startsWith(baseDirectory)) {
      String rel = baseDirectory.relativize(abs).toString();
      name = rel.isEmpty() ? "." : rel;
    } else {
      name = abs.toString();
    }
    return name.replace('\\', '/');
  }

  /** The stack name of a lone template: its file name without extension. */
  static String stackName(Path file) {
    String name = file.getFileName().toString();
    for (int pass = 0; pass < 2; pass++) {
      String lower = name.toLowerCase(Locale.ROOT);
      for (String ext : TEMPLATE_EXTENSIONS) {
        if (lower.endsWith(ext) && name.length() > ext.length()) {
          name = name.substring(0, name.length() - ext.length());
          break;
        }
      }
    }
    return name;
  }

  private static boolean hasTemplateExtension(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return TEMPLATE_EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  /** Why a file cannot be reached, as the operating system says it. */
  private static String reason(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getClass().getSimpleName() + " " + e.getMessage();
  }

  private static @Nullable Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /** The state of one {@link #discover} call. */
  private final class Run {
    private final Map<Path, AnalysisUnit> units = new HashMap<>();
    private final Set<Path> seen = new HashSet<>();
    private final Set<InputProblem> problems = new TreeSet<>();
    private final Set<String> files = new TreeSet<>();

    /** Templates and assemblies reached so far, counting those reached again. */
    private int reached;

    Discovery result() {
      List<AnalysisUnit> sorted = new ArrayList<>(units.values());
      sorted.sort(Comparator.comparing(AnalysisUnit::name));
      return new Discovery(sorted, List.copyOf(problems), List.copyOf(files));
    }

    void input(Path input) {
      if (input.toString().isEmpty()) {
        // Path.of("") is the working directory: an empty argument (an unset shell variable) must
        // not silently analyze everything there.
        missing("\"\"", "an empty path names nothing to analyze");
        return;
      }
      Path path;
      try {
        path = baseDirectory.resolve(input).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        missing(input.toString(), "not a valid path");
        return;
      }
      String name = display(path);
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        missing(name, "no such file or directory");
        return;
      } catch (IOException | SecurityException e) {
        // A link that loops onto itself, a file in a directory netlint may not search: say which.
        missing(name, reason(e));
        return;
      }
      if (attributes.isDirectory()) {
        int before = reached + problems.size();
        directory(path);
        if (reached + problems.size() == before) {
          missing(
              name,
              "a directory with nothing to analyze: no CloudFormation template (.json, .yaml, .yml,"
                  + " .template) and no CDK cloud assembly");
        }
      } else {
        namedFile(path);
      }
    }

    private void missing(String name, String why) {
      problems.add(
          new InputProblem(
              InputProblem.Kind.MISSING_INPUT, name + ": " + why, SourceLocation.ofFile(name)));
    }

    /** A directory the user named: an assembly, an app, or a tree to walk. */
    private void directory(Path dir) {
      if (assembly(dir)) {
        return;
      }
      Path output = cdkOutput(dir);
      if (output != null && Files.isDirectory(output) && assembly(output)) {
        return;
      }
      if (Files.isRegularFile(dir.resolve(CDK_APP_CONFIG))) {
        String out = output == null ? DEFAULT_CDK_OUTPUT : display(output);
        missing(
            display(dir),
            "a CDK app without a cloud assembly at " + out + ": run `cdk synth` first");
        return;
      }
      Path root = real(dir);
      if (root == null) {
        unreadableDirectory(dir, "cannot resolve the directory");
        return;
      }
      Set<Path> visited = new HashSet<>();
      visited.add(root);
      walk(dir, root, root, visited);
    }

    /**
     * The cloud assembly directory of a CDK app directory: {@code cdk.json}'s {@code output}, else
     * {@code cdk.out}; null when the directory holds neither a {@code cdk.json} nor a {@code
     * cdk.out}.
     */
    private @Nullable Path cdkOutput(Path dir) {
      Path config = dir.resolve(CDK_APP_CONFIG);
      Path fallback = dir.resolve(DEFAULT_CDK_OUTPUT);
      if (!Files.isRegularFile(config)) {
        return Files.isDirectory(fallback) ? fallback : null;
      }
      try {
        Node.MapNode root = templates.parse(config, display(config));
        if (root.get("output") instanceof Node.ScalarNode s
            && s.kind() == Node.ScalarNode.Kind.STRING
            && !s.textOrEmpty().isBlank()) {
          return dir.resolve(s.textOrEmpty()).normalize();
        }
      } catch (InputException | InvalidPathException e) {
        // cdk.json only says where the assembly is: when it cannot tell, CDK's default is the
        // best guess, and a missing assembly is reported there.
      }
      return fallback;
    }

    /** Reads {@code dir} as a unit when it is a cloud assembly; false when it is not one. */
    private boolean assembly(Path dir) {
      return assembly(dir, real(dir));
    }

    /** {@link #assembly(Path)} with the real path of {@code dir} known, null when it is not. */
    private boolean assembly(Path dir, @Nullable Path key) {
      if (key != null && seen.contains(key)) {
        reached++;
        return true;
      }
      CloudAssembly assembly = assemblies.loadIfAssembly(dir, display(dir));
      if (assembly == null) {
        return false;
      }
      reached++;
      if (key != null) {
        seen.add(key);
      }
      files.addAll(assembly.files());
      for (CloudAssembly.Problem p : assembly.problems()) {
        problems.add(new InputProblem(InputProblem.Kind.UNREADABLE, p.message(), p.location()));
      }
      if (!assembly.stacks().isEmpty()) {
        units.put(
            key != null ? key : dir,
            new AnalysisUnit(assembly.displayName(), assembly.stackSources()));
      }
      return true;
    }

    /** A file the user named: it must be a template. */
    private void namedFile(Path file) {
      Path parent = file.getParent();
      if (file.getFileName().toString().equals(CloudAssemblyLoader.MANIFEST_FILE)
          && parent != null
          && assembly(parent)) {
        return;
      }
      String name = display(file);
      if (!Files.isRegularFile(file)) {
        problems.add(
            new InputProblem(
                InputProblem.Kind.UNREADABLE, "not a regular file", SourceLocation.ofFile(name)));
        return;
      }
      Path key = real(file);
      if (key == null || !seen.add(key)) {
        return;
      }
      files.add(name);
      try {
        lone(key, name, file, templates.load(file, name));
      } catch (InputException e) {
        problems.add(InputProblem.unreadable(e));
      }
    }

    /** A file found in a walk: a template, or quietly nothing. */
    private void foundFile(Path file, Path key) {
      if (!seen.add(key)) {
        reached++;
        return;
      }
      String name = display(file);
      Template template;
      try {
        template = templates.loadIfTemplate(file, name);
      } catch (InputException e) {
        files.add(name);
        problems.add(InputProblem.unreadable(e));
        return;
      }
      if (template != null) {
        reached++;
        files.add(name);
        lone(key, name, file, template);
      } else if (file.getFileName().toString().equals(CloudAssemblyLoader.MANIFEST_FILE)) {
        // Read as an assembly first, a manifest.json that is not even JSON was not one; say so
        // rather than go on quietly with the directory's loose templates.
        try {
          templates.parse(file, name);
        } catch (InputException e) {
          files.add(name);
          problems.add(
              new InputProblem(
                  InputProblem.Kind.UNREADABLE,
                  e.getMessage()
                      + "; not read as a CDK cloud assembly (no cdk.out marker beside it)",
                  e.location()));
        }
      }
    }

    private void lone(Path key, String name, Path file, Template template) {
      for (InputException refused : template.refusals()) {
        problems.add(InputProblem.refused(refused));
      }
      units.put(key, new AnalysisUnit(name, List.of(StackSource.lone(stackName(file), template))));
    }

    /**
     * Walks {@code dir}, whose real path is {@code dirReal}. The real path of an entry that is not
     * a link is its directory's real path and its name: resolving each one again would cost a
     * system call per path component, quadratic in depth; only links are resolved.
     */
    private void walk(Path dir, Path dirReal, Path root, Set<Path> visited) {
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        for (Path child : stream) {
          children.add(child);
        }
      } catch (IOException | DirectoryIteratorException | SecurityException e) {
        unreadableDirectory(
            dir,
            "cannot list directory: "
                + (e instanceof DirectoryIteratorException d
                    ? reason(
                        Objects.requireNonNull(
                            d.getCause(), "a DirectoryIteratorException always wraps its cause"))
                    : reason(e)));
        return;
      }
      children.sort(Comparator.comparing(p -> p.getFileName().toString()));
      for (Path child : children) {
        String name = child.getFileName().toString();
        BasicFileAttributes attributes;
        Path key;
        try {
          attributes =
              Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (attributes.isSymbolicLink()) {
            attributes = Files.readAttributes(child, BasicFileAttributes.class);
            key = real(child);
          } else {
            key = dirReal.resolve(name);
          }
        } catch (IOException | SecurityException e) {
          // A dangling link or a file removed while walking: nothing to analyze there.
          continue;
        }
        boolean directory = attributes.isDirectory();
        if (directory
            ? name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name)
            : !attributes.isRegularFile() || !hasTemplateExtension(name)) {
          continue;
        }
        if (key == null || !key.startsWith(root)) {
          continue;
        }
        if (!directory) {
          foundFile(child, key);
        } else if (visited.add(key) && !assembly(child, key) && !app(child, root)) {
          walk(child, key, root, visited);
        }
      }
    }

    /**
     * Reads the assembly of a CDK app found in a walk; false when it is not a synthesized app or
     * its {@code cdk.json} points out of the tree being walked.
     */
    private boolean app(Path dir, Path root) {
      Path output = cdkOutput(dir);
      if (output == null || !Files.isDirectory(output)) {
        return false;
      }
      Path outputKey = real(output);
      return outputKey != null && outputKey.startsWith(root) && assembly(output);
    }

    private void unreadableDirectory(Path dir, String message) {
      problems.add(
          new InputProblem(
              InputProblem.Kind.UNREADABLE, message, SourceLocation.ofFile(display(dir))));
    }
  }
}
