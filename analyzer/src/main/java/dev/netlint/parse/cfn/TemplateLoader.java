package dev.netlint.parse.cfn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.netlint.model.Origin;
import dev.netlint.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads CloudFormation templates, JSON or YAML, into {@link Node} trees that keep file, line,
 * column and template path. YAML short-form tags are normalised as cfn-lint does: {@code !X}
 * becomes {@code Fn::X}, except {@code !Ref} and {@code !Condition}; {@code !GetAtt A.B} becomes
 * {@code ["A", "B"]}.
 *
 * <p>Hostile input is bounded: files over {@link #MAX_FILE_BYTES}, nesting deeper than {@link
 * #MAX_DEPTH}, and YAML alias expansion past a small limit are refused with an {@link
 * InputException}. Nothing in the input is executed or fetched.
 *
 * <p>Follows <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html">Template
 * formats</a>.
 */
public final class TemplateLoader {

  /** Files larger than this (32 MiB) are refused; CloudFormation itself accepts at most 1 MB. */
  public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

  /** Deepest nesting of mappings and sequences accepted. */
  public static final int MAX_DEPTH = 256;

  private static final Pattern TEMPLATE_HINT =
      Pattern.compile(
          "AWSTemplateFormatVersion|\"?Type\"?\\s*:\\s*[\"']?AWS::|(?m)^\"?Resources\"?\\s*:|\"Resources\"\\s*:");

  private final JsonFactory jsonFactory;
  private final YAMLFactory yamlFactory;

  public TemplateLoader() {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength((int) MAX_FILE_BYTES)
            .maxNumberLength(1000)
            .build();
    this.jsonFactory = JsonFactory.builder().streamReadConstraints(constraints).build();
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    options.setAllowDuplicateKeys(true);
    this.yamlFactory =
        YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build();
  }

  /** The syntax a template is written in. */
  public enum Format {
    JSON,
    YAML
  }

  /**
   * Reads a file that must be a CloudFormation template.
   *
   * @param file the file on disk
   * @param displayName how reports name it
   * @throws InputException when the file cannot be read, is malformed, too large, or is not a
   *     template (its root is not a mapping with {@code Resources})
   */
  public Template load(Path file, String displayName) throws InputException {
    Node.MapNode root = parse(file, displayName);
    if (!isTemplate(root)) {
      throw new InputException(
          "not a CloudFormation template: no Resources section", SourceLocation.ofFile(displayName));
    }
    return new Template(file, displayName, root);
  }

  /**
   * Reads a file found while scanning a directory: returns null, quietly, for JSON or YAML that is
   * not a CloudFormation template (a package.json, a Kubernetes manifest, a Helm chart that is not
   * YAML at all); throws for a file that looks like a template but cannot be read.
   */
  public @Nullable Template loadIfTemplate(Path file, String displayName) throws InputException {
    Node.MapNode root;
    try {
      root = parse(file, displayName);
    } catch (InputException e) {
      if (looksLikeTemplate(file)) {
        throw e;
      }
      return null;
    }
    return isTemplate(root) ? new Template(file, displayName, root) : null;
  }

  /** A template has a {@code Resources} mapping, as CloudFormation requires. */
  static boolean isTemplate(Node.MapNode root) {
    return root.get("Resources") instanceof Node.MapNode;
  }

  /** Looks at the first 64 KiB only, so a huge non-template (a lock file) is skipped cheaply. */
  private static boolean looksLikeTemplate(Path file) {
    try (var in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(64 * 1024);
      String text = new String(head, StandardCharsets.UTF_8);
      return TEMPLATE_HINT.matcher(text).find();
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /** The format of {@code file}, from its extension, or from its first character. */
  public static Format formatOf(Path file, byte[] content) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return Format.JSON;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Format.YAML;
    }
    for (byte b : content) {
      if (b == '{') {
        return Format.JSON;
      }
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
        return Format.YAML;
      }
    }
    return Format.YAML;
  }

  /**
   * Parses any JSON or YAML file whose root is a mapping.
   *
   * @throws InputException when it cannot be read or its root is not a mapping
   */
  public Node.MapNode parse(Path file, String displayName) throws InputException {
    byte[] content;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new InputException(
            "file is " + size + " bytes, over netlint's limit of " + MAX_FILE_BYTES,
            SourceLocation.ofFile(displayName));
      }
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InputException(
          "cannot read file: " + e.getClass().getSimpleName() + " " + e.getMessage(),
          SourceLocation.ofFile(displayName),
          e);
    }
    return parse(content, formatOf(file, content), displayName);
  }

  /**
   * Parses JSON or YAML text whose root is a mapping.
   *
   * @throws InputException when it is malformed or its root is not a mapping
   */
  public Node.MapNode parse(byte[] content, Format format, String displayName)
      throws InputException {
    JsonFactory factory = format == Format.JSON ? jsonFactory : yamlFactory;
    try (JsonParser p = factory.createParser(content)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new InputException("empty file", SourceLocation.ofFile(displayName));
      }
      Node root = new Reader(p, displayName).read(new Origin(loc(p, displayName), List.of()));
      if (!(root instanceof Node.MapNode map)) {
        throw new InputException(
            "the top level is not a mapping", root.origin().location());
      }
      return map;
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      SourceLocation at =
          l == null
              ? SourceLocation.ofFile(displayName)
              : new SourceLocation(displayName, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
      throw new InputException("malformed " + format.name() + ": " + e.getOriginalMessage(), at, e);
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports some limits (alias expansion, code points) as runtime exceptions.
      throw new InputException(
          "malformed " + format.name() + ": " + firstLine(String.valueOf(e.getMessage())),
          SourceLocation.ofFile(displayName),
          e);
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static SourceLocation loc(JsonParser p, String file) {
    JsonLocation l = p.currentTokenLocation();
    return new SourceLocation(file, Math.max(l.getLineNr(), 1), Math.max(l.getColumnNr(), 1));
  }

  /** Builds nodes from a parser positioned on the first token of a value. */
  private static final class Reader {
    private final JsonParser p;
    private final String file;

    Reader(JsonParser p, String file) {
      this.p = p;
      this.file = file;
    }

    Node read(Origin origin) throws IOException, InputException {
      String tag = p instanceof YAMLParser y ? y.getTypeId() : null;
      Node plain = readPlain(origin);
      if (tag == null || tag.isEmpty() || tag.startsWith("tag:yaml.org")) {
        return plain;
      }
      return shortForm(tag, plain, origin);
    }

    private Node readPlain(Origin origin) throws IOException, InputException {
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT -> {
          Map<String, Node> entries = new LinkedHashMap<>();
          Map<String, SourceLocation> keys = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            SourceLocation keyLoc = loc(p, file);
            p.nextToken();
            Node value = read(origin.child(key, loc(p, file)));
            entries.remove(key);
            entries.put(key, value);
            keys.remove(key);
            keys.put(key, keyLoc);
          }
          return new Node.MapNode(entries, keys, origin);
        }
        case START_ARRAY -> {
          List<Node> items = new ArrayList<>();
          int i = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(read(origin.child(Integer.toString(i++), loc(p, file))));
          }
          return new Node.ListNode(items, origin);
        }
        case VALUE_STRING -> {
          return new Node.ScalarNode(p.getText(), Node.ScalarNode.Kind.STRING, origin);
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          return new Node.ScalarNode(p.getText(), Node.ScalarNode.Kind.NUMBER, origin);
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          return new Node.ScalarNode(p.getText(), Node.ScalarNode.Kind.BOOLEAN, origin);
        }
        case VALUE_NULL -> {
          return new Node.ScalarNode(null, Node.ScalarNode.Kind.NULL, origin);
        }
        default ->
            throw new InputException(
                "unexpected " + t + " in template", origin.location());
      }
    }

    /** Normalises a short-form tag as cfn-lint does. */
    private Node shortForm(String tag, Node value, Origin origin) {
      String name =
          switch (tag) {
            case "Ref" -> "Ref";
            case "Condition" -> "Condition";
            default -> "Fn::" + tag;
          };
      Node arg = value;
      if (name.equals("Fn::GetAtt")
          && value instanceof Node.ScalarNode s
          && s.kind() == Node.ScalarNode.Kind.STRING) {
        String text = s.textOrEmpty();
        int dot = text.indexOf('.');
        List<Node> parts = new ArrayList<>(2);
        if (dot < 0) {
          parts.add(new Node.ScalarNode(text, Node.ScalarNode.Kind.STRING, origin.child("0", origin.location())));
        } else {
          parts.add(
              new Node.ScalarNode(
                  text.substring(0, dot), Node.ScalarNode.Kind.STRING, origin.child("0", origin.location())));
          parts.add(
              new Node.ScalarNode(
                  text.substring(dot + 1), Node.ScalarNode.Kind.STRING, origin.child("1", origin.location())));
        }
        arg = new Node.ListNode(parts, origin.child(name, origin.location()));
      } else {
        arg = rebase(value, origin.child(name, origin.location()));
      }
      return new Node.MapNode(
          Map.of(name, arg), Map.of(name, origin.location()), origin);
    }

    /** The same node under a new template path (the short form adds one level). */
    private static Node rebase(Node node, Origin newOrigin) {
      if (node instanceof Node.ScalarNode s) {
        return new Node.ScalarNode(s.text(), s.kind(), newOrigin);
      }
      if (node instanceof Node.ListNode l) {
        List<Node> items = new ArrayList<>(l.items().size());
        for (int i = 0; i < l.items().size(); i++) {
          Node item = l.items().get(i);
          items.add(rebase(item, newOrigin.child(Integer.toString(i), item.origin().location())));
        }
        return new Node.ListNode(items, newOrigin);
      }
      Node.MapNode m = (Node.MapNode) node;
      Map<String, Node> entries = new LinkedHashMap<>();
      for (var e : m.entries().entrySet()) {
        entries.put(
            e.getKey(),
            rebase(e.getValue(), newOrigin.child(e.getKey(), e.getValue().origin().location())));
      }
      return new Node.MapNode(entries, m.keyLocations(), newOrigin);
    }
  }
}
