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
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 * <p>Hostile input is bounded: files over {@link #MAX_FILE_BYTES}, anything but a regular file (a
 * FIFO would block the reader), nesting deeper than {@link #MAX_DEPTH} and numbers longer than
 * {@link #MAX_NUMBER_LENGTH} are refused with an {@link InputException}.
 *
 * <p>What CloudFormation and cfn-lint refuse is refused too, rather than read one way or another:
 * text after the template's value, a second YAML document, a key written twice in one mapping
 * (cfn-lint E0000; a second {@code Sg} in {@code Resources} would silently replace the first), YAML
 * aliases (CloudFormation: "YAML aliases are not allowed in CloudFormation templates"; the
 * streaming parser would read an alias as its anchor's name), and, in YAML, bytes that are not
 * UTF-8 or characters YAML does not allow (a NUL), named with their line and column. Nothing in the
 * input is executed or fetched.
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

  /**
   * Longest number accepted, in characters, in JSON and YAML alike: no CloudFormation property
   * takes a number anywhere near this long, and parsing longer ones costs quadratic time.
   */
  public static final int MAX_NUMBER_LENGTH = 1000;

  private static final Pattern TEMPLATE_HINT =
      Pattern.compile(
          "AWSTemplateFormatVersion|\"?Type\"?\\s*:\\s*[\"']?AWS::|(?m)^\"?Resources\"?\\s*:|\"Resources\"\\s*:");

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?");

  private final JsonFactory jsonFactory;
  private final YAMLFactory yamlFactory;

  public TemplateLoader() {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength((int) MAX_FILE_BYTES)
            .maxNumberLength(MAX_NUMBER_LENGTH)
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
    List<InputException> refusals = new ArrayList<>();
    Node.MapNode root = parse(file, displayName, refusals);
    if (!isTemplate(root)) {
      throw notATemplate(root, displayName);
    }
    return new Template(file, displayName, root, refusals);
  }

  /**
   * Reads a file found while scanning a directory: returns null, quietly, for JSON or YAML that is
   * not a CloudFormation template (a package.json, a Kubernetes manifest, a Helm chart that is not
   * YAML at all); throws for a file that looks like a template but cannot be read.
   */
  public @Nullable Template loadIfTemplate(Path file, String displayName) throws InputException {
    Node.MapNode root;
    List<InputException> refusals = new ArrayList<>();
    try {
      root = parse(file, displayName, refusals);
    } catch (InputException e) {
      if (looksLikeTemplate(file)) {
        throw e;
      }
      return null;
    }
    if (isTemplate(root)) {
      return new Template(file, displayName, root, refusals);
    }
    // A file that declares itself a template is one, however broken its Resources.
    if (root.get("AWSTemplateFormatVersion") != null && root.get("Resources") != null) {
      throw notATemplate(root, displayName);
    }
    return null;
  }

  /** Why a mapping read from a file is not a template, placed at its Resources when it has one. */
  private static InputException notATemplate(Node.MapNode root, String displayName) {
    Node resources = root.get("Resources");
    if (resources == null) {
      return new InputException(
          "not a CloudFormation template: no Resources section",
          SourceLocation.ofFile(displayName));
    }
    return new InputException(
        "not a CloudFormation template: Resources is " + kind(resources) + ", not a mapping",
        resources.origin().location());
  }

  private static String kind(Node node) {
    if (node instanceof Node.ListNode) {
      return "a list";
    }
    if (node instanceof Node.ScalarNode s) {
      return switch (s.kind()) {
        case STRING -> "a string";
        case NUMBER -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL -> "empty";
      };
    }
    return "a mapping";
  }

  /** A template has a {@code Resources} mapping, as CloudFormation requires. */
  static boolean isTemplate(Node.MapNode root) {
    return root.get("Resources") instanceof Node.MapNode;
  }

  /** Looks at the first 64 KiB only, so a huge non-template (a lock file) is skipped cheaply. */
  private static boolean looksLikeTemplate(Path file) {
    if (!Files.isRegularFile(file)) {
      return true;
    }
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
    List<InputException> refusals = new ArrayList<>();
    return strict(parse(file, displayName, refusals), refusals);
  }

  /**
   * Parses any JSON or YAML file whose root is a mapping, adding to {@code refusals} what
   * CloudFormation refuses but netlint can read (a duplicate key: the last value is kept).
   *
   * @throws InputException when it cannot be read or its root is not a mapping
   */
  public Node.MapNode parse(Path file, String displayName, List<InputException> refusals)
      throws InputException {
    byte[] content;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw new InputException(
            "not a regular file ("
                + (attributes.isDirectory() ? "a directory" : "a FIFO, socket or device")
                + "): netlint reads templates only from regular files",
            SourceLocation.ofFile(displayName));
      }
      if (attributes.size() > MAX_FILE_BYTES) {
        throw tooLarge(attributes.size(), displayName);
      }
      try (InputStream in = Files.newInputStream(file)) {
        // Read at most one byte past the limit: the file may have grown since it was measured.
        content = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
      if (content.length > MAX_FILE_BYTES) {
        throw tooLarge(content.length, displayName);
      }
    } catch (IOException e) {
      throw new InputException(
          "cannot read file: " + e.getClass().getSimpleName() + " " + e.getMessage(),
          SourceLocation.ofFile(displayName),
          e);
    }
    return parse(content, formatOf(file, content), displayName, refusals);
  }

  private static InputException tooLarge(long size, String displayName) {
    return new InputException(
        "file is " + size + " bytes, over netlint's limit of " + MAX_FILE_BYTES,
        SourceLocation.ofFile(displayName));
  }

  /**
   * Parses JSON or YAML text whose root is a mapping.
   *
   * @throws InputException when it is malformed or its root is not a mapping
   */
  public Node.MapNode parse(byte[] content, Format format, String displayName)
      throws InputException {
    List<InputException> refusals = new ArrayList<>();
    return strict(parse(content, format, displayName, refusals), refusals);
  }

  /** Refuses what {@code refusals} holds: for callers that take a mapping or nothing. */
  private static Node.MapNode strict(Node.MapNode root, List<InputException> refusals)
      throws InputException {
    if (!refusals.isEmpty()) {
      throw refusals.get(0);
    }
    return root;
  }

  private Node.MapNode parse(
      byte[] content, Format format, String displayName, List<InputException> refusals)
      throws InputException {
    if (format == Format.YAML) {
      checkYamlText(content, displayName);
    }
    JsonFactory factory = format == Format.JSON ? jsonFactory : yamlFactory;
    try (JsonParser p = factory.createParser(content)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new InputException("empty file", SourceLocation.ofFile(displayName));
      }
      Node root =
          new Reader(p, displayName, content, refusals)
              .read(new Origin(loc(p, displayName), List.of()));
      if (!(root instanceof Node.MapNode map)) {
        throw new InputException("the top level is not a mapping", root.origin().location());
      }
      rejectTrailingContent(p, format, displayName);
      return map;
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      SourceLocation at =
          l == null
              ? SourceLocation.ofFile(displayName)
              : new SourceLocation(
                  displayName, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
      throw new InputException("malformed " + format.name() + ": " + e.getOriginalMessage(), at, e);
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports some limits (alias expansion, code points) as runtime exceptions.
      throw new InputException(
          "malformed " + format.name() + ": " + firstLine(String.valueOf(e.getMessage())),
          SourceLocation.ofFile(displayName),
          e);
    }
  }

  /**
   * Refuses anything after the template's value: JSON text after the closing brace, or a second
   * YAML document. cfn-lint refuses both ("expected a single document in the stream").
   */
  private static void rejectTrailingContent(JsonParser p, Format format, String displayName)
      throws IOException, InputException {
    SourceLocation end = endOf(p, displayName);
    JsonToken next;
    try {
      next = p.nextToken();
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new InputException(
          "text after the end of the template (which ends at line " + end.line() + ")",
          l == null
              ? end
              : new SourceLocation(
                  displayName, Math.max(l.getLineNr(), 1), Math.max(l.getColumnNr(), 1)),
          e);
    }
    if (next != null) {
      throw new InputException(
          format == Format.YAML
              ? "a second YAML document: a template is one document, and CloudFormation and"
                  + " cfn-lint refuse more"
              : "text after the end of the template (which ends at line " + end.line() + ")",
          loc(p, displayName));
    }
  }

  private static SourceLocation endOf(JsonParser p, String file) {
    JsonLocation l = p.currentLocation();
    return new SourceLocation(file, Math.max(l.getLineNr(), 1), Math.max(l.getColumnNr(), 1));
  }

  /**
   * Refuses YAML text that is not UTF-8 or holds a character YAML does not allow (a NUL, most
   * control characters), naming the byte or character and where it is, which SnakeYAML does not.
   * Follows <a href="https://yaml.org/spec/1.1/#id868524">YAML 1.1 character set</a>.
   */
  private static void checkYamlText(byte[] content, String displayName) throws InputException {
    if (content.length >= 2
        && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
            || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE))) {
      // UTF-16 with its byte order mark: SnakeYAML decodes and checks it.
      return;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      SourceLocation at = position(out.flip(), displayName);
      throw new InputException(
          String.format(
              Locale.ROOT,
              "malformed YAML: byte 0x%02X at line %d, column %d is not UTF-8",
              content[offset] & 0xff,
              at.line(),
              at.column()),
          at);
    }
    out.flip();
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (!yamlPrintable(c)) {
        SourceLocation at = position(out.subSequence(0, i), displayName);
        throw new InputException(
            String.format(
                Locale.ROOT,
                "malformed YAML: character U+%04X at line %d, column %d is not allowed in YAML",
                (int) c,
                at.line(),
                at.column()),
            at);
      }
    }
  }

  /** YAML 1.1's printable characters; surrogates stand for characters above U+FFFF. */
  private static boolean yamlPrintable(char c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0x7E)
        || c == 0x85
        || (c >= 0xA0 && c <= 0xFFFD && c != 0xFFFE);
  }

  /** The 1-based line and column just after {@code before}, the text preceding a position. */
  private static SourceLocation position(CharSequence before, String file) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SourceLocation(file, line, column);
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
    private final byte[] content;
    private final List<InputException> refusals;

    Reader(JsonParser p, String file, byte[] content, List<InputException> refusals) {
      this.p = p;
      this.file = file;
      this.content = content;
      this.refusals = refusals;
    }

    Node read(Origin origin) throws IOException, InputException {
      if (p instanceof YAMLParser y && y.isCurrentAlias()) {
        throw new InputException(
            "YAML alias *"
                + y.getText()
                + ": YAML aliases are not allowed in CloudFormation templates",
            origin.location());
      }
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
            SourceLocation first = keys.get(key);
            if (first != null) {
              // Refused by cfn-lint (E0000), but read as JSON parsers read it, the last value
              // winning, so that the template's other findings are not lost.
              refusals.add(
                  new InputException(
                      "duplicate key '"
                          + key
                          + "' (first at line "
                          + first.line()
                          + "): CloudFormation and cfn-lint refuse a key written twice in a"
                          + " mapping; netlint read the last value",
                      keyLoc));
              entries.remove(key);
            }
            p.nextToken();
            Node value = read(origin.child(key, loc(p, file)));
            entries.put(key, value);
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
          String text = p.getText();
          // JSON's parser enforces the number limit itself; YAML's hands a long plain number over
          // as a string.
          if (p instanceof YAMLParser
              && text.length() > MAX_NUMBER_LENGTH
              && isNumber(text)
              && !quoted(origin.location())) {
            throw tooLongNumber(text, origin);
          }
          return new Node.ScalarNode(text, Node.ScalarNode.Kind.STRING, origin);
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          String text = p.getText();
          if (text.length() > MAX_NUMBER_LENGTH) {
            throw tooLongNumber(text, origin);
          }
          return new Node.ScalarNode(text, Node.ScalarNode.Kind.NUMBER, origin);
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          return new Node.ScalarNode(p.getText(), Node.ScalarNode.Kind.BOOLEAN, origin);
        }
        case VALUE_NULL -> {
          return new Node.ScalarNode(null, Node.ScalarNode.Kind.NULL, origin);
        }
        default -> throw new InputException("unexpected " + t + " in template", origin.location());
      }
    }

    private static InputException tooLongNumber(String text, Origin origin) {
      return new InputException(
          "a number of "
              + text.length()
              + " characters, over netlint's limit of "
              + MAX_NUMBER_LENGTH,
          origin.location());
    }

    /** Whether the YAML scalar at {@code at} is written in quotes, which makes it a string. */
    private boolean quoted(SourceLocation at) {
      int i = 0;
      for (int line = 1; line < at.line() && i < content.length; i++) {
        if (content[i] == '\n') {
          line++;
        }
      }
      for (int column = 1; column < at.column() && i < content.length; column++) {
        i++;
        while (i < content.length && (content[i] & 0xC0) == 0x80) {
          i++;
        }
      }
      return i < content.length && (content[i] == '"' || content[i] == '\'');
    }

    private static boolean isNumber(String text) {
      return NUMBER.matcher(text).matches();
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
          parts.add(
              new Node.ScalarNode(
                  text, Node.ScalarNode.Kind.STRING, origin.child("0", origin.location())));
        } else {
          parts.add(
              new Node.ScalarNode(
                  text.substring(0, dot),
                  Node.ScalarNode.Kind.STRING,
                  origin.child("0", origin.location())));
          parts.add(
              new Node.ScalarNode(
                  text.substring(dot + 1),
                  Node.ScalarNode.Kind.STRING,
                  origin.child("1", origin.location())));
        }
        arg = new Node.ListNode(parts, origin.child(name, origin.location()));
      } else {
        arg = rebase(value, origin.child(name, origin.location()));
      }
      return new Node.MapNode(Map.of(name, arg), Map.of(name, origin.location()), origin);
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
