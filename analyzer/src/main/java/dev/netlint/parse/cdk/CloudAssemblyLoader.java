package dev.netlint.parse.cdk;

import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.InputException;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.StackSource;
import dev.netlint.parse.cfn.Template;
import dev.netlint.parse.cfn.TemplateLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CDK cloud assembly ({@code cdk.out}) through its {@code manifest.json}: every artifact of
 * type {@code aws:cloudformation:stack} becomes a stack, named by its artifact ID; artifacts of
 * type {@code cdk:cloud-assembly} (stages) are read from their {@code directoryName}; every {@code
 * AWS::CloudFormation::Stack} resource whose template is an asset of the assembly becomes a nested
 * stack named {@code Parent/NestedLogicalId}, with the parent's {@code Parameters} as its parameter
 * values.
 *
 * <p>Construct paths come from the manifest's {@code aws:cdk:logicalId} metadata (key = construct
 * path, data = logical ID), which CDK writes on the top-level stack's artifact for the stack and
 * all its nested stacks; an entry belongs to the nested stack whose construct path ({@code
 * scope/id} for a nested stack whose resource is {@code
 * scope/id.NestedStack/id.NestedStackResource}) is its longest prefix. A nested stack's template
 * file is found from the resource's {@code aws:asset:path} Metadata, else from the asset hash in
 * its {@code TemplateURL} through the assembly's asset manifests ({@code *.assets.json}) or, for
 * manifests of the legacy synthesizer, the {@code aws:cdk:asset} metadata entries.
 *
 * <p>Nothing thrown for bad input: a missing or malformed file, a dangling reference, a file
 * outside the assembly directory, a cycle or too deep nesting becomes a {@link
 * CloudAssembly.Problem} and the other stacks are still read. Manifests of older schema versions
 * (CDK v1 and early v2) share the fields read here.
 *
 * <p>Follows the <a
 * href="https://github.com/aws/aws-cdk/tree/main/packages/%40aws-cdk/cloud-assembly-schema">cloud
 * assembly schema</a> and <a
 * href="https://docs.aws.amazon.com/cdk/v2/guide/nested-stacks.html">nested stacks</a>.
 */
public final class CloudAssemblyLoader {

  /** The file that makes a directory a cloud assembly. */
  public static final String MANIFEST_FILE = "manifest.json";

  /**
   * Stages inside stages deeper than this are not read; CDK apps rarely go past two levels, a
   * deeper chain is more likely a hand-made cycle.
   */
  public static final int MAX_ASSEMBLY_DEPTH = 8;

  /** Nested stacks inside nested stacks deeper than this are not read. */
  public static final int MAX_NESTED_STACK_DEPTH = 16;

  /**
   * Most stacks read from one assembly, nested stacks included: CloudFormation's default quota of
   * stacks per account and Region. Nested stacks that fan out (each template holding four {@code
   * AWS::CloudFormation::Stack} resources of the next) would otherwise make 4^16 stacks from
   * seventeen small files.
   */
  public static final int MAX_STACKS = 2000;

  /** The marker file CDK writes beside every manifest (it only holds the schema version). */
  private static final String MARKER_FILE = "cdk.out";

  private static final String STACK_ARTIFACT = "aws:cloudformation:stack";
  private static final String NESTED_ASSEMBLY_ARTIFACT = "cdk:cloud-assembly";
  private static final String ASSET_MANIFEST_ARTIFACT = "cdk:asset-manifest";
  private static final String LOGICAL_ID_ENTRY = "aws:cdk:logicalId";
  private static final String LEGACY_ASSET_ENTRY = "aws:cdk:asset";
  private static final String ASSET_PATH_METADATA = "aws:asset:path";
  private static final String CDK_PATH_METADATA = "aws:cdk:path";
  private static final String NESTED_STACK_TYPE = "AWS::CloudFormation::Stack";
  private static final String NESTED_STACK_SCOPE_SUFFIX = ".NestedStack";

  /** A CDK asset hash: the asset ID and the S3 object key of a file asset carry it. */
  private static final Pattern ASSET_HASH = Pattern.compile("[0-9a-f]{64}");

  private final TemplateLoader templates;

  public CloudAssemblyLoader(TemplateLoader templates) {
    this.templates = templates;
  }

  public CloudAssemblyLoader() {
    this(new TemplateLoader());
  }

  /**
   * Reads {@code directory} when it is a cloud assembly: a {@code manifest.json} with an {@code
   * artifacts} mapping, or a malformed one beside CDK's {@code cdk.out} marker file.
   *
   * @param directory the directory to look at
   * @param displayName how reports name the directory (file names inside it are appended with
   *     {@code /}); empty or {@code .} for the working directory
   * @return the assembly, or null, quietly, when the directory is not a cloud assembly (a web app's
   *     {@code manifest.json}, say)
   */
  public @Nullable CloudAssembly loadIfAssembly(Path directory, String displayName) {
    return read(directory, displayName, false);
  }

  /**
   * Reads {@code directory}, which must be a cloud assembly; when it is not, the result has no
   * stacks and one problem saying so.
   *
   * @param directory the {@code cdk.out} directory
   * @param displayName how reports name the directory; empty or {@code .} for the working directory
   */
  public CloudAssembly load(Path directory, String displayName) {
    return Objects.requireNonNull(read(directory, displayName, true));
  }

  private @Nullable CloudAssembly read(Path directory, String displayName, boolean required) {
    // Most directories of a walk are not assemblies: tell them apart before resolving the real
    // path, which costs a system call per path component.
    if (!required
        && !Files.isRegularFile(directory.toAbsolutePath().normalize().resolve(MANIFEST_FILE))) {
      return null;
    }
    Session session = new Session(directory, displayName);
    Path manifestFile = session.root.resolve(MANIFEST_FILE);
    String manifestName = session.display(manifestFile);
    if (!Files.isRegularFile(manifestFile)) {
      if (!required) {
        return null;
      }
      session.problem(
          "not a CDK cloud assembly: no " + MANIFEST_FILE, SourceLocation.ofFile(manifestName));
      return session.result();
    }
    Node.MapNode manifest;
    try {
      manifest = templates.parse(manifestFile, manifestName);
    } catch (InputException e) {
      if (!required && !Files.isRegularFile(session.root.resolve(MARKER_FILE))) {
        return null;
      }
      session.problem("cloud assembly manifest: " + e.getMessage(), e.location());
      return session.result();
    }
    boolean hasArtifacts = manifest.get("artifacts") instanceof Node.MapNode;
    boolean versionedWithMarker =
        text(manifest.get("version")) != null
            && Files.isRegularFile(session.root.resolve(MARKER_FILE));
    if (!hasArtifacts && !versionedWithMarker) {
      if (!required) {
        return null;
      }
      session.problem(
          "not a CDK cloud assembly: " + MANIFEST_FILE + " has no artifacts",
          manifest.origin().location());
      return session.result();
    }
    session.visitedAssemblies.add(realOrSelf(session.root));
    session.readAssembly(session.root, manifest, 0);
    return session.result();
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      return p;
    }
  }

  private static @Nullable String text(@Nullable Node node) {
    return node instanceof Node.ScalarNode s && s.kind() == Node.ScalarNode.Kind.STRING
        ? s.text()
        : null;
  }

  private static Node.@Nullable MapNode map(@Nullable Node node) {
    return node instanceof Node.MapNode m ? m : null;
  }

  /** A construct path (no leading {@code /}) that names a resource by its logical ID. */
  private record PathEntry(String constructPath, String logicalId) {}

  /**
   * A nested stack resource of a template and what is known of it before its file is read: where
   * its logical ID is written, and the nested stack's construct path.
   */
  private record NestedRef(
      String logicalId,
      Node.MapNode resource,
      SourceLocation location,
      @Nullable String constructPath) {}

  /** The state of one {@link #read} call. */
  private final class Session {
    private final Path root;
    private final Path rootReal;
    private final String rootDisplay;
    private final List<CloudAssembly.AssemblyStack> stacks = new ArrayList<>();
    private final Set<String> files = new TreeSet<>();
    private final List<CloudAssembly.Problem> problems = new ArrayList<>();
    private final Set<Path> visitedAssemblies = new HashSet<>();
    private final Set<String> stackNames = new HashSet<>();

    /** Stack templates read, by real path: a template nested many times is read once. */
    private final Map<Path, Optional<Template>> templatesRead = new HashMap<>();

    private boolean tooManyStacks;

    Session(Path directory, String displayName) {
      this.root = directory.toAbsolutePath().normalize();
      this.rootReal = realOrSelf(root);
      String d = displayName.replace('\\', '/');
      while (d.endsWith("/") && d.length() > 1) {
        d = d.substring(0, d.length() - 1);
      }
      this.rootDisplay = d.equals(".") ? "" : d;
    }

    CloudAssembly result() {
      return new CloudAssembly(
          root, rootDisplay.isEmpty() ? "." : rootDisplay, stacks, List.copyOf(files), problems);
    }

    String display(Path file) {
      String rel = root.relativize(file).toString().replace('\\', '/');
      if (rootDisplay.isEmpty()) {
        return rel.isEmpty() ? "." : rel;
      }
      return rel.isEmpty() ? rootDisplay : rootDisplay + "/" + rel;
    }

    void problem(String message, SourceLocation location) {
      problems.add(new CloudAssembly.Problem(message, location));
    }

    /** Reads the artifacts of one manifest, in file order. */
    void readAssembly(Path dir, Node.MapNode manifest, int depth) {
      Node artifactsNode = manifest.get("artifacts");
      if (artifactsNode == null) {
        return;
      }
      if (!(artifactsNode instanceof Node.MapNode artifacts)) {
        problem(
            "cloud assembly manifest: artifacts is not a mapping",
            artifactsNode.origin().location());
        return;
      }
      AssetIndex assets = new AssetIndex(dir, artifacts);
      for (Map.Entry<String, Node> e : artifacts.entries().entrySet()) {
        String id = e.getKey();
        if (!(e.getValue() instanceof Node.MapNode artifact)) {
          problem(
              "cloud assembly manifest: artifact '" + id + "' is not a mapping",
              artifacts.keyLocation(id));
          continue;
        }
        String type = text(artifact.get("type"));
        if (STACK_ARTIFACT.equals(type)) {
          readStack(dir, id, artifact, assets);
        } else if (NESTED_ASSEMBLY_ARTIFACT.equals(type)) {
          readNestedAssembly(dir, id, artifact, depth);
        }
      }
    }

    private void readNestedAssembly(Path dir, String id, Node.MapNode artifact, int depth) {
      Node.MapNode props = map(artifact.get("properties"));
      Node dirNode = props == null ? null : props.get("directoryName");
      String dirName = text(dirNode);
      SourceLocation at =
          dirNode != null ? dirNode.origin().location() : artifact.origin().location();
      if (dirName == null) {
        problem("nested cloud assembly '" + id + "' names no properties.directoryName", at);
        return;
      }
      String what = "nested cloud assembly '" + id + "' directory '" + dirName + "'";
      Path nested = inside(dir, dirName, at, what);
      if (nested == null) {
        return;
      }
      if (depth + 1 > MAX_ASSEMBLY_DEPTH) {
        problem(what + " is nested deeper than " + MAX_ASSEMBLY_DEPTH + " assemblies", at);
        return;
      }
      Path manifestFile = nested.resolve(MANIFEST_FILE);
      if (!Files.isDirectory(nested) || !Files.isRegularFile(manifestFile)) {
        problem(what + " has no " + MANIFEST_FILE, at);
        return;
      }
      if (!visitedAssemblies.add(realOrSelf(nested))) {
        problem(what + " is already part of this assembly (a cycle?)", at);
        return;
      }
      Node.MapNode manifest;
      try {
        manifest = templates.parse(manifestFile, display(manifestFile));
      } catch (InputException e) {
        problem("cloud assembly manifest: " + e.getMessage(), e.location());
        return;
      }
      readAssembly(nested, manifest, depth + 1);
    }

    private void readStack(Path dir, String id, Node.MapNode artifact, AssetIndex assets) {
      Node.MapNode props = map(artifact.get("properties"));
      Node fileNode = props == null ? null : props.get("templateFile");
      String templateFile = text(fileNode);
      if (fileNode == null || templateFile == null) {
        problem(
            "stack artifact '" + id + "' names no template file (properties.templateFile)",
            artifact.origin().location());
        return;
      }
      SourceLocation at = fileNode.origin().location();
      Path file =
          inside(
              dir, templateFile, at, "template file '" + templateFile + "' of stack '" + id + "'");
      if (file == null || !roomForStack("stack '" + id + "'", at)) {
        return;
      }
      Template template = loadTemplate(file);
      if (template == null) {
        return;
      }
      String displayName = text(artifact.get("displayName"));
      List<PathEntry> entries = new ArrayList<>();
      List<String> scopes = new ArrayList<>();
      Map<String, String> legacyAssets = new HashMap<>();
      readMetadata(artifact, entries, scopes, legacyAssets);
      String constructPath = displayName != null ? displayName : commonScope(scopes);
      // The stack name CloudFormation will deploy under (Prod-Network for a stack in a Stage),
      // which is what people look for in the console; the artifact ID when none is given.
      String stackName = props == null ? null : text(props.get("stackName"));
      String name = uniqueName(stackName != null && !stackName.isBlank() ? stackName : id, dir);
      emit(
          name,
          displayName,
          null,
          template,
          constructPath,
          entries,
          Map.of(),
          new Lookup(dir, assets, legacyAssets),
          0,
          new HashSet<>(Set.of(realOrSelf(file))));
    }

    /**
     * Adds a stack and, after it, its nested stacks. {@code entries} are the logical-ID metadata
     * entries of this stack and everything nested in it.
     */
    private void emit(
        String name,
        @Nullable String displayName,
        @Nullable String parent,
        Template template,
        @Nullable String constructPath,
        List<PathEntry> entries,
        Map<String, Node> parameterValues,
        Lookup lookup,
        int depth,
        Set<Path> chain) {
      List<NestedRef> nested = nestedStacks(template, entries);
      Map<String, List<PathEntry>> nestedEntries = new HashMap<>();
      Map<String, String> own = new LinkedHashMap<>();
      for (NestedRef n : nested) {
        nestedEntries.put(n.logicalId(), new ArrayList<>());
      }
      for (PathEntry entry : entries) {
        NestedRef owner = null;
        String ownerPath = "";
        for (NestedRef n : nested) {
          String p = n.constructPath();
          if (p != null
              && entry.constructPath().startsWith(p + "/")
              && (owner == null || p.length() > ownerPath.length())) {
            owner = n;
            ownerPath = p;
          }
        }
        if (owner != null) {
          Objects.requireNonNull(
                  nestedEntries.get(owner.logicalId()), "every nested stack has its list above")
              .add(entry);
        } else {
          own.putIfAbsent(entry.logicalId(), entry.constructPath());
        }
      }
      stacks.add(
          new CloudAssembly.AssemblyStack(
              new StackSource(name, template, constructPath, own, parameterValues),
              displayName,
              parent));
      for (NestedRef n : nested) {
        Path file = lookup.templateOf(n);
        if (file == null) {
          continue;
        }
        SourceLocation at = n.location();
        String childName = name + "/" + n.logicalId();
        if (depth + 1 > MAX_NESTED_STACK_DEPTH) {
          problem(
              "nested stack '" + childName + "' is nested deeper than " + MAX_NESTED_STACK_DEPTH,
              at);
          continue;
        }
        Path real = realOrSelf(file);
        if (chain.contains(real)) {
          problem("nested stack '" + childName + "' includes its own template (a cycle)", at);
          continue;
        }
        if (!roomForStack("nested stack '" + childName + "'", at)) {
          return;
        }
        Template child = loadTemplate(file);
        if (child == null) {
          continue;
        }
        Set<Path> childChain = new HashSet<>(chain);
        childChain.add(real);
        emit(
            childName,
            null,
            name,
            child,
            n.constructPath(),
            Objects.requireNonNull(
                nestedEntries.get(n.logicalId()), "every nested stack has its list above"),
            parameters(n.resource()),
            lookup,
            depth + 1,
            childChain);
      }
    }

    /** The {@code AWS::CloudFormation::Stack} resources of a template, sorted by logical ID. */
    private List<NestedRef> nestedStacks(Template template, List<PathEntry> entries) {
      Node.MapNode resources = template.resources();
      if (resources == null) {
        return List.of();
      }
      Map<String, String> pathById = new HashMap<>();
      for (PathEntry entry : entries) {
        pathById.putIfAbsent(entry.logicalId(), entry.constructPath());
      }
      Map<String, NestedRef> found = new TreeMap<>();
      for (Map.Entry<String, Node> e : resources.entries().entrySet()) {
        Node.MapNode resource = map(e.getValue());
        if (resource == null || !NESTED_STACK_TYPE.equals(text(resource.get("Type")))) {
          continue;
        }
        String resourcePath = pathById.get(e.getKey());
        if (resourcePath == null) {
          Node.MapNode metadata = map(resource.get("Metadata"));
          resourcePath = metadata == null ? null : text(metadata.get(CDK_PATH_METADATA));
        }
        found.put(
            e.getKey(),
            new NestedRef(
                e.getKey(),
                resource,
                resources.keyLocation(e.getKey()),
                resourcePath == null ? null : nestedStackPath(resourcePath)));
      }
      return List.copyOf(found.values());
    }

    /**
     * Whether one more stack may be read; past {@link #MAX_STACKS}, false, after saying once which
     * stack was the first left out.
     */
    private boolean roomForStack(String what, SourceLocation at) {
      if (stacks.size() < MAX_STACKS) {
        return true;
      }
      if (!tooManyStacks) {
        tooManyStacks = true;
        problem(
            "the cloud assembly holds more than "
                + MAX_STACKS
                + " stacks with its nested stacks (CloudFormation's quota per account and Region):"
                + " "
                + what
                + " and the stacks after it are not read",
            at);
      }
      return false;
    }

    /**
     * Reads a stack template of the assembly, once however often it is nested. Unlike a lone file,
     * it may lack {@code Resources}: CDK synthesizes a stack with no resources as {@code {}} (or
     * with only {@code Parameters} and {@code Rules}), and such a stack is empty, not unreadable.
     */
    private @Nullable Template loadTemplate(Path file) {
      Path key = realOrSelf(file);
      Optional<Template> known = templatesRead.get(key);
      if (known == null) {
        known = Optional.ofNullable(readTemplate(file));
        templatesRead.put(key, known);
      }
      return known.orElse(null);
    }

    private @Nullable Template readTemplate(Path file) {
      String name = display(file);
      files.add(name);
      Node.MapNode root;
      try {
        root = templates.parse(file, name);
      } catch (InputException e) {
        problem(e.getMessage(), e.location());
        return null;
      }
      Node resources = root.get("Resources");
      if (resources != null && !(resources instanceof Node.MapNode)) {
        problem(
            "not a CloudFormation template: Resources is not a mapping",
            resources.origin().location());
        return null;
      }
      return new Template(file, name, root);
    }

    /**
     * {@code relative} resolved against {@code dir} when it names an existing file or directory
     * inside the assembly, else null after recording why.
     */
    @Nullable Path inside(Path dir, String relative, SourceLocation at, String what) {
      Path p;
      try {
        p = dir.resolve(relative).normalize();
      } catch (InvalidPathException e) {
        problem(what + " is not a valid path", at);
        return null;
      }
      if (!p.startsWith(root)) {
        problem(what + " is outside the cloud assembly directory", at);
        return null;
      }
      if (!Files.exists(p)) {
        problem(what + " does not exist", at);
        return null;
      }
      if (!realOrSelf(p).startsWith(rootReal)) {
        problem(what + " links outside the cloud assembly directory", at);
        return null;
      }
      return p;
    }

    private String uniqueName(String id, Path dir) {
      String name = id;
      if (!stackNames.add(name)) {
        String rel = root.relativize(dir).toString().replace('\\', '/');
        name = rel.isEmpty() ? id : rel + "/" + id;
        int n = 2;
        String base = name;
        while (!stackNames.add(name)) {
          name = base + "#" + n++;
        }
      }
      return name;
    }

    /** Resolves a nested stack resource to its template file in the assembly. */
    private final class Lookup {
      private final Path dir;
      private final AssetIndex assets;
      private final Map<String, String> legacyAssets;

      Lookup(Path dir, AssetIndex assets, Map<String, String> legacyAssets) {
        this.dir = dir;
        this.assets = assets;
        this.legacyAssets = legacyAssets;
      }

      @Nullable Path templateOf(NestedRef n) {
        String what = "template of nested stack '" + n.logicalId() + "'";
        Node.MapNode metadata = map(n.resource().get("Metadata"));
        Node assetNode = metadata == null ? null : metadata.get(ASSET_PATH_METADATA);
        String assetPath = text(assetNode);
        if (assetNode != null && assetPath != null) {
          return inside(
              dir, assetPath, assetNode.origin().location(), what + " '" + assetPath + "'");
        }
        Node.MapNode props = map(n.resource().get("Properties"));
        Node url = props == null ? null : props.get("TemplateURL");
        if (url == null) {
          return null;
        }
        Set<String> hashes = new TreeSet<>();
        collectHashes(url, hashes);
        for (String hash : hashes) {
          String path = legacyAssets.get(hash);
          if (path == null) {
            path = assets.pathOf(hash);
          }
          if (path != null) {
            return inside(dir, path, url.origin().location(), what + " '" + path + "'");
          }
        }
        return null;
      }
    }

    /**
     * The file assets of the assembly's asset manifests by asset hash, read the first time a nested
     * stack needs one.
     */
    private final class AssetIndex {
      private final Path dir;
      private final Node.MapNode artifacts;
      private @Nullable Map<String, String> paths;

      AssetIndex(Path dir, Node.MapNode artifacts) {
        this.dir = dir;
        this.artifacts = artifacts;
      }

      @Nullable String pathOf(String hash) {
        if (paths == null) {
          paths = new HashMap<>();
          for (Map.Entry<String, Node> e : artifacts.entries().entrySet()) {
            Node.MapNode artifact = map(e.getValue());
            if (artifact != null && ASSET_MANIFEST_ARTIFACT.equals(text(artifact.get("type")))) {
              readAssetManifest(e.getKey(), artifact, paths);
            }
          }
        }
        return paths.get(hash);
      }

      private void readAssetManifest(String id, Node.MapNode artifact, Map<String, String> into) {
        Node.MapNode props = map(artifact.get("properties"));
        Node fileNode = props == null ? null : props.get("file");
        String fileName = text(fileNode);
        if (fileNode == null || fileName == null) {
          return;
        }
        Path file =
            inside(
                dir,
                fileName,
                fileNode.origin().location(),
                "asset manifest '" + fileName + "' of '" + id + "'");
        if (file == null) {
          return;
        }
        Node.MapNode manifest;
        try {
          manifest = templates.parse(file, display(file));
        } catch (InputException e) {
          problem("asset manifest: " + e.getMessage(), e.location());
          return;
        }
        Node.MapNode fileAssets = map(manifest.get("files"));
        if (fileAssets == null) {
          return;
        }
        for (Map.Entry<String, Node> asset : fileAssets.entries().entrySet()) {
          Node.MapNode entry = map(asset.getValue());
          Node.MapNode source = entry == null ? null : map(entry.get("source"));
          String path = source == null ? null : text(source.get("path"));
          if (entry == null || path == null) {
            continue;
          }
          Set<String> hashes = new TreeSet<>();
          Matcher m = ASSET_HASH.matcher(asset.getKey());
          while (m.find()) {
            hashes.add(m.group());
          }
          collectHashes(entry.get("destinations"), hashes);
          for (String hash : hashes) {
            into.putIfAbsent(hash, path);
          }
        }
      }
    }
  }

  /**
   * Reads the artifact's metadata: {@code aws:cdk:logicalId} entries in file order; the scopes the
   * stack's construct path must contain (a resource's parent, or the construct another entry is
   * about, often the stack itself); and the file assets of the legacy synthesizer ({@code
   * aws:cdk:asset}) by asset ID.
   */
  private static void readMetadata(
      Node.MapNode artifact,
      List<PathEntry> entries,
      List<String> scopes,
      Map<String, String> legacyAssets) {
    Node.MapNode metadata = map(artifact.get("metadata"));
    if (metadata == null) {
      return;
    }
    for (Map.Entry<String, Node> e : metadata.entries().entrySet()) {
      if (!(e.getValue() instanceof Node.ListNode list)) {
        continue;
      }
      // Construct paths start with '/'; the integ-test runner also keys warnings by bare logical
      // IDs ("!!DESTRUCTIVE_CHANGES"), which name no construct.
      boolean constructPath = e.getKey().startsWith("/");
      String path = constructPath ? e.getKey().substring(1) : e.getKey();
      for (Node item : list.items()) {
        Node.MapNode entry = map(item);
        if (entry == null) {
          continue;
        }
        String type = text(entry.get("type"));
        if (LOGICAL_ID_ENTRY.equals(type)) {
          String logicalId = text(entry.get("data"));
          if (logicalId != null && constructPath && !path.isEmpty()) {
            entries.add(new PathEntry(path, logicalId));
            scopes.add(path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "");
          }
        } else if (constructPath && !path.isEmpty()) {
          scopes.add(path);
        }
        if (LEGACY_ASSET_ENTRY.equals(type)) {
          Node.MapNode data = map(entry.get("data"));
          String assetPath = data == null ? null : text(data.get("path"));
          String packaging = data == null ? null : text(data.get("packaging"));
          if (assetPath != null && (packaging == null || packaging.equals("file"))) {
            Set<String> hashes = new TreeSet<>();
            collectHashes(data, hashes);
            for (String hash : hashes) {
              legacyAssets.putIfAbsent(hash, assetPath);
            }
          }
        }
      }
    }
  }

  /**
   * Every asset hash in the strings under {@code node}: the object key of a file asset, or the name
   * of a legacy {@code AssetParameters<hash>S3Bucket...} parameter that a {@code Ref} names.
   */
  private static void collectHashes(@Nullable Node node, Set<String> into) {
    if (node instanceof Node.ScalarNode s) {
      Matcher m = ASSET_HASH.matcher(s.textOrEmpty());
      while (m.find()) {
        into.add(m.group());
      }
    } else if (node instanceof Node.ListNode l) {
      for (Node item : l.items()) {
        collectHashes(item, into);
      }
    } else if (node instanceof Node.MapNode m) {
      for (Node value : m.entries().values()) {
        collectHashes(value, into);
      }
    }
  }

  /**
   * The construct path of a CDK nested stack, {@code scope/id}, from that of its resource, {@code
   * scope/id.NestedStack/id.NestedStackResource}; null for a resource of another shape (a plain
   * {@code CfnStack}).
   */
  static @Nullable String nestedStackPath(String resourcePath) {
    String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    String scope = path.substring(0, slash);
    if (!scope.endsWith(NESTED_STACK_SCOPE_SUFFIX)) {
      return null;
    }
    String nested = scope.substring(0, scope.length() - NESTED_STACK_SCOPE_SUFFIX.length());
    return nested.isEmpty() || nested.endsWith("/") ? null : nested;
  }

  /**
   * The stack's construct path when the manifest gives no {@code displayName} (old CDK v1
   * manifests): the longest common prefix of the scopes its metadata names. CDK v2 puts {@code
   * BootstrapVersion} right under the stack and v1 keys its asset entries by the stack, so that
   * prefix is the stack itself in practice.
   */
  private static @Nullable String commonScope(List<String> scopes) {
    List<String> common = null;
    for (String s : scopes) {
      List<String> scope = s.isEmpty() ? List.of() : List.of(s.split("/", -1));
      if (common == null) {
        common = scope;
      } else {
        int n = 0;
        while (n < common.size() && n < scope.size() && common.get(n).equals(scope.get(n))) {
          n++;
        }
        common = common.subList(0, n);
      }
    }
    return common == null || common.isEmpty() ? null : String.join("/", common);
  }

  /** The entries of a nested stack resource's {@code Parameters} property, as written. */
  private static Map<String, Node> parameters(Node.MapNode resource) {
    Node.MapNode props = map(resource.get("Properties"));
    Node.MapNode params = props == null ? null : map(props.get("Parameters"));
    if (params == null || params.intrinsicName() != null) {
      return Map.of();
    }
    return params.entries();
  }
}
