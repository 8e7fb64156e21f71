package dev.netlint.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.path.PathType;
import dev.netlint.model.Origin;
import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.Node;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The CloudFormation resource schemas (the registry schemas with cfn-lint's patches) of the
 * resource types netlint models, bundled in netlint's jar from cfn-lint's {@code
 * schemas/providers/us_east_1}. They say which properties a type has, which are required, their
 * types and formats, and which attributes {@code Fn::GetAtt} reads.
 *
 * <p>Schemas are read and compiled on first use and kept: one instance serves a whole run, from any
 * thread. {@link #bundled()} is the shared one.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html">Resource
 * type schema</a>.
 */
public final class ResourceSchemas {

  /** Most problems reported for one resource; a resource past this is broken enough. */
  public static final int MAX_PROBLEMS = 20;

  /** The index of bundled types, one type name a line, on the classpath. */
  static final String INDEX = "dev/netlint/schema/modeled-types.txt";

  /** Where the schemas are bundled on the classpath. */
  static final String SCHEMA_DIR = "dev/netlint/schema/us_east_1/";

  /** What is wrong when a schema listed in the index is not on the classpath. */
  static final String NOT_BUNDLED = "cfn-lint schemas not bundled: ../shared missing?";

  private static final String DIALECT_ID = "https://netlint.dev/schema/cfn-lint-draft-07";
  private static final String BASE_IRI = "https://netlint.dev/schema/cfn-lint/us_east_1/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final Comparator<SchemaProblem> ORDER =
      Comparator.comparing(SchemaProblem::location)
          .thenComparing(SchemaProblem::message)
          .thenComparing(SchemaProblem::keyword);

  private final ClassLoader loader;
  private final Set<String> types;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile @Nullable SchemaRegistry registry;

  private record Entry(JsonNode raw, Schema schema, Set<String> getAtts) {}

  private static volatile @Nullable ResourceSchemas bundled;

  ResourceSchemas(ClassLoader loader) {
    this.loader = loader;
    this.types = readIndex(loader);
  }

  /**
   * The schemas bundled in netlint's jar, shared by all callers.
   *
   * @throws IllegalStateException when the jar was built without them ({@value #NOT_BUNDLED})
   */
  public static ResourceSchemas bundled() {
    ResourceSchemas b = bundled;
    if (b == null) {
      synchronized (ResourceSchemas.class) {
        b = bundled;
        if (b == null) {
          b = new ResourceSchemas(ResourceSchemas.class.getClassLoader());
          bundled = b;
        }
      }
    }
    return b;
  }

  /** The resource types with a bundled schema ({@code AWS::EC2::VPC}...), sorted. */
  public Set<String> modeledTypes() {
    return types;
  }

  /** Whether {@code type} has a bundled schema. */
  public boolean isModeled(String type) {
    return types.contains(type);
  }

  /**
   * The attributes {@code Fn::GetAtt} reads on {@code type}, sorted ({@code PrivateIp}, {@code
   * Endpoint.Address}); empty for a type without a bundled schema. Derived from the schema as
   * cfn-lint derives them (see {@link GetAttAttributes}). A nested stack's {@code Outputs.<name>}
   * is not listed: use {@link #acceptsGetAtt}.
   */
  public Set<String> getAttAttributes(String type) {
    Entry e = entry(type);
    return e == null ? Set.of() : e.getAtts();
  }

  /**
   * Whether {@code Fn::GetAtt} on a resource of {@code type} accepts {@code attribute}: one of
   * {@link #getAttAttributes}, or {@code Outputs.<name>} on an {@code AWS::CloudFormation::Stack}.
   * False for a type without a bundled schema.
   */
  public boolean acceptsGetAtt(String type, String attribute) {
    if (type.equals(GetAttAttributes.STACK) && isModeled(type)) {
      return attribute.startsWith("Outputs.") && attribute.length() > "Outputs.".length();
    }
    return getAttAttributes(type).contains(attribute);
  }

  /**
   * Checks a resource's raw {@code Properties} (before intrinsic functions are resolved) against
   * the schema of its type. Same as {@link #validate(String, Node, Origin)}, except that problems
   * of an absent {@code Properties} (a missing required property) have no location (file {@code
   * ""}, line 0).
   */
  public List<SchemaProblem> validate(String type, @Nullable Node properties) {
    return validate(type, properties, new Origin(SourceLocation.ofFile(""), List.of()));
  }

  /**
   * Checks a resource's raw {@code Properties} (before intrinsic functions are resolved) against
   * the schema of its type, as cfn-lint does without {@code --strict-types}.
   *
   * <p>What cannot be known before deploy is not reported: anything at or inside an intrinsic
   * function ({@code Ref}, {@code Fn::If}, {@code Fn::Sub}...) or a string with a dynamic reference
   * ({@code {{resolve:ssm:...}}}), a count or an exclusive choice that an {@code Fn::If} or {@code
   * AWS::NoValue} could change. Quoted numbers and booleans ({@code "443"}, {@code "true"}) are
   * accepted, as CloudFormation converts them, and so is a local path where {@code aws
   * cloudformation package} uploads an artifact (a Lambda function's {@code Code}). Formats
   * checked: see {@link CfnFormats}.
   *
   * <p>Never throws on template content: Properties with more than {@value InstanceTree#MAX_VALUES}
   * values give one problem instead of a check.
   *
   * @param type the resource type ({@code AWS::EC2::Subnet}); a type without a bundled schema gives
   *     no problems
   * @param properties the {@code Properties} value, or null when the resource has none
   * @param resource the resource's origin, used when {@code properties} is null
   * @return at most {@link #MAX_PROBLEMS} problems, sorted by location then message
   */
  public List<SchemaProblem> validate(String type, @Nullable Node properties, Origin resource) {
    Entry entry = entry(type);
    if (entry == null) {
      return List.of();
    }
    Node props = properties;
    if (props == null) {
      props = emptyMap(resource.child("Properties", resource.location()));
    } else if (props instanceof Node.ScalarNode s && s.kind() == Node.ScalarNode.Kind.NULL) {
      props = emptyMap(s.origin());
    }
    if (props instanceof Node.MapNode m && m.intrinsicName() != null) {
      return List.of();
    }
    InstanceTree tree;
    try {
      tree = InstanceTree.of(props);
    } catch (InstanceTree.TooLargeException e) {
      return List.of(
          new SchemaProblem(
              "Properties: too large to check against the schema of "
                  + type
                  + " ("
                  + e.getMessage()
                  + ")",
              props.origin().location(),
              props.origin().templatePath(),
              "netlintLimit"));
    }
    List<Error> errors = entry.schema().validate(tree.json());
    Set<SchemaProblem> problems = new TreeSet<>(ORDER);
    problems.addAll(new ErrorMapper(tree, entry.raw(), type).map(errors));
    List<SchemaProblem> sorted = new ArrayList<>(problems);
    return List.copyOf(sorted.size() > MAX_PROBLEMS ? sorted.subList(0, MAX_PROBLEMS) : sorted);
  }

  private static Node.MapNode emptyMap(Origin origin) {
    return new Node.MapNode(Map.of(), Map.of(), origin);
  }

  /** The raw schema of {@code type} as bundled, or null when not modeled. */
  @Nullable JsonNode rawSchema(String type) {
    Entry e = entry(type);
    return e == null ? null : e.raw();
  }

  private @Nullable Entry entry(String type) {
    if (!types.contains(type)) {
      return null;
    }
    return entries.computeIfAbsent(type, this::load);
  }

  /** The file a type's schema is bundled in: {@code aws-ec2-vpc.json} for AWS::EC2::VPC. */
  static String fileName(String type) {
    return type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json";
  }

  private Entry load(String type) {
    String resource = SCHEMA_DIR + fileName(type);
    JsonNode raw;
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(NOT_BUNDLED + " (no " + resource + " on the classpath)");
      }
      raw = MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled schema " + resource, e);
    }
    if (!type.equals(raw.path("typeName").asText())) {
      throw new IllegalStateException(
          "bundled schema "
              + resource
              + " is for "
              + raw.path("typeName").asText()
              + ", not "
              + type);
    }
    ObjectNode forValidation = raw.deepCopy();
    // The registry's meta-schema URL would make the validator look for a dialect it cannot have.
    forValidation.remove("$schema");
    Schema schema =
        registry().getSchema(SchemaLocation.of(BASE_IRI + fileName(type)), forValidation);
    schema.initializeValidators();
    return new Entry(raw, schema, GetAttAttributes.derive(type, raw));
  }

  private SchemaRegistry registry() {
    SchemaRegistry r = registry;
    if (r == null) {
      synchronized (this) {
        r = registry;
        if (r == null) {
          r = newRegistry();
          registry = r;
        }
      }
    }
    return r;
  }

  /**
   * Draft 7 as CloudFormation reads it: lenient {@code type}, cfn-lint's {@code requiredXor},
   * {@code requiredOr} and {@code dependentExcluded}, {@code dependentRequired} (draft 2019-09,
   * used by the registry schemas), the network formats, ECMAScript patterns, every other extension
   * keyword ({@code tagging}, {@code insertionOrder}, {@code relationshipRef}...) kept as an
   * annotation and unknown formats ignored. Nothing is ever fetched.
   */
  private static SchemaRegistry newRegistry() {
    Dialect dialect =
        Dialect.builder(DIALECT_ID, Dialects.getDraft7())
            .keywords(CfnKeywords.all())
            .keyword(KeywordType.DEPENDENT_REQUIRED)
            .formats(CfnFormats.all())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .regularExpressionFactory(EcmaRegularExpressionFactory.INSTANCE)
            .build();
    return SchemaRegistry.withDefaultDialect(
        dialect,
        b -> b.schemaRegistryConfig(config).schemaLoader(l -> l.fetchRemoteResources(false)));
  }

  private static Set<String> readIndex(ClassLoader loader) {
    Set<String> out = new TreeSet<>();
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      if (in == null) {
        throw new IllegalStateException(NOT_BUNDLED + " (no " + INDEX + " on the classpath)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDEX, e);
    }
    for (String type : out) {
      if (loader.getResource(SCHEMA_DIR + fileName(type)) == null) {
        throw new IllegalStateException(
            NOT_BUNDLED + " (no " + SCHEMA_DIR + fileName(type) + " on the classpath)");
      }
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(out));
  }
}
