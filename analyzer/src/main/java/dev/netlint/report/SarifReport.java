package dev.netlint.report;

import com.contrastsecurity.sarif.Artifact;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Role;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Fingerprint;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.Severity;
import dev.netlint.api.Suppressed;
import dev.netlint.model.SourceLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The SARIF 2.1.0 report: one run whose driver lists every rule, one result per finding with its
 * file and region, the resource as a logical location and netlint's extra facts in the result's
 * property bag. Built on java-sarif's model of the schema and checked against the OASIS schema in
 * the tests; see <a
 * href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html">SARIF
 * 2.1.0</a> and <a
 * href="https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning">GitHub's
 * SARIF support</a>.
 */
final class SarifReport {
  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/netlint/netlint";

  private SarifReport() {}

  static void write(AnalysisResult result, String toolVersion, OutputStream out)
      throws IOException {
    JsonOutput.write(mapper(), toSarif(result, toolVersion), out);
  }

  /**
   * java-sarif's classes are annotated {@code NON_DEFAULT}: they drop a value equal to the schema's
   * default (so a warning would lose its {@code level}, which SARIF would then take from the rule)
   * but write every null as {@code null}, which the schema rejects, and every empty array. {@code
   * NON_EMPTY} writes every value that is set and nothing else.
   */
  static ObjectMapper mapper() {
    ObjectMapper mapper = JsonOutput.mapper();
    mapper.setAnnotationIntrospector(
        new JacksonAnnotationIntrospector() {
          private static final long serialVersionUID = 1L;

          @Override
          public JsonInclude.Value findPropertyInclusion(Annotated a) {
            JsonInclude.Value v = super.findPropertyInclusion(a);
            if (v.getValueInclusion() == JsonInclude.Include.NON_DEFAULT
                || v.getValueInclusion() == JsonInclude.Include.NON_NULL) {
              return v.withValueInclusion(JsonInclude.Include.NON_EMPTY);
            }
            return v;
          }
        });
    mapper.addMixIn(Run.class, RunResultsAlways.class);
    return mapper;
  }

  /**
   * An empty {@code results} array says "analyzed, nothing found" (SARIF 3.14.23), which is what
   * lets code scanning close the alerts of fixed findings; leaving it out would mean "not run".
   */
  private abstract static class RunResultsAlways {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract List<Result> getResults();
  }

  static SarifSchema210 toSarif(AnalysisResult result, String toolVersion) {
    Map<String, Integer> ruleIndex = new HashMap<>();
    Set<ReportingDescriptor> rules = new LinkedHashSet<>();
    for (RuleDescriptor r : result.rules()) {
      if (ruleIndex.putIfAbsent(r.id(), rules.size()) == null) {
        rules.add(rule(r));
      }
    }

    Map<String, Integer> artifactIndex = new HashMap<>();
    Set<Artifact> artifacts = new LinkedHashSet<>();
    for (String file : result.files()) {
      if (artifactIndex.putIfAbsent(file, artifacts.size()) == null) {
        Artifact artifact = new Artifact();
        artifact.setLocation(artifactLocation(file, null));
        artifact.setRoles(new LinkedHashSet<>(List.of(Role.ANALYSIS_TARGET)));
        clearDefaults(artifact);
        artifacts.add(artifact);
      }
    }

    List<Result> results = new ArrayList<>();
    for (Finding f : result.findings()) {
      results.add(result(f, ruleIndex.get(f.ruleId()), artifactIndex.get(f.location().file())));
    }
    // Suppressed findings stay in the log, so that code scanning shows them as dismissed.
    for (Suppressed s : result.suppressed()) {
      Finding f = s.finding();
      Result r = result(f, ruleIndex.get(f.ruleId()), artifactIndex.get(f.location().file()));
      Suppression suppression = new Suppression();
      suppression.setKind(Suppression.Kind.fromValue(s.kind().sarifKind()));
      suppression.setJustification(s.justification());
      Location at = new Location();
      at.setId(null);
      at.setPhysicalLocation(
          physical(s.suppressedAt(), artifactIndex.get(s.suppressedAt().file())));
      suppression.setLocation(at);
      r.setSuppressions(new LinkedHashSet<>(List.of(suppression)));
      results.add(r);
    }

    ToolComponent driver = new ToolComponent();
    driver.setName("netlint");
    driver.setVersion(toolVersion);
    driver.setInformationUri(URI.create(INFORMATION_URI));
    driver.setRules(rules);
    driver.setLanguage(null);
    driver.setContents(null);
    driver.setIsComprehensive(null);
    Tool tool = new Tool();
    tool.setDriver(driver);

    Invocation invocation = new Invocation();
    invocation.setExecutionSuccessful(!result.inputErrors());

    Run run = new Run();
    run.setTool(tool);
    run.setInvocations(List.of(invocation));
    run.setArtifacts(artifacts);
    run.setResults(results);
    run.setLanguage(null);
    run.setNewlineSequences(null);

    SarifSchema210 log = new SarifSchema210();
    log.set$schema(URI.create(SCHEMA_URI));
    log.setVersion(SarifSchema210.Version._2_1_0);
    log.setRuns(List.of(run));
    return log;
  }

  private static ReportingDescriptor rule(RuleDescriptor r) {
    ReportingDescriptor d = new ReportingDescriptor();
    d.setId(r.id());
    d.setName(r.name());
    MultiformatMessageString summary = new MultiformatMessageString();
    summary.setText(r.summary());
    d.setShortDescription(summary);
    d.setHelpUri(URI.create(r.helpUri()));
    ReportingConfiguration config = new ReportingConfiguration();
    config.setLevel(ReportingConfiguration.Level.fromValue(r.defaultSeverity().sarifLevel()));
    config.setEnabled(null);
    config.setRank(null);
    d.setDefaultConfiguration(config);
    PropertyBag properties = new PropertyBag();
    properties.setTags(new LinkedHashSet<>(r.resourceTypes()));
    properties.setAdditionalProperty("source", r.source());
    d.setProperties(properties);
    return d;
  }

  private static Result result(
      Finding f, @Nullable Integer ruleIndex, @Nullable Integer artifactIndex) {
    Result r = new Result();
    r.setRuleId(f.ruleId());
    r.setRuleIndex(ruleIndex);
    r.setKind(null);
    r.setRank(null);
    r.setLevel(level(f.severity()));
    Message message = new Message();
    message.setText(f.fix() == null ? f.message() : f.message() + " " + f.fix());
    r.setMessage(message);

    Location location = new Location();
    location.setId(null);
    location.setPhysicalLocation(physical(f.location(), artifactIndex));
    if (f.logicalId() != null) {
      LogicalLocation logical = new LogicalLocation();
      logical.setName(f.logicalId());
      logical.setFullyQualifiedName(f.qualifiedName());
      logical.setKind("resource");
      logical.setIndex(null);
      logical.setParentIndex(null);
      location.setLogicalLocations(new LinkedHashSet<>(List.of(logical)));
    }
    r.setLocations(List.of(location));
    PartialFingerprints fingerprints = new PartialFingerprints();
    fingerprints.setAdditionalProperty(Fingerprint.SARIF_KEY, Fingerprint.of(f));
    r.setPartialFingerprints(fingerprints);

    PropertyBag properties = new PropertyBag();
    // The finding's own facts go first so the keys below, documented as reserved, always win.
    f.properties().forEach(properties::setAdditionalProperty);
    if (f.constructPath() != null) {
      properties.setAdditionalProperty("constructPath", f.constructPath());
    }
    if (f.resourceType() != null) {
      properties.setAdditionalProperty("resourceType", f.resourceType());
    }
    if (f.stack() != null) {
      properties.setAdditionalProperty("stack", f.stack());
    }
    if (!f.templatePath().isEmpty()) {
      properties.setAdditionalProperty("templatePath", f.templatePath());
    }
    if (!properties.getAdditionalProperties().isEmpty()) {
      r.setProperties(properties);
    }
    return r;
  }

  private static PhysicalLocation physical(SourceLocation at, @Nullable Integer artifactIndex) {
    PhysicalLocation physical = new PhysicalLocation();
    physical.setArtifactLocation(artifactLocation(at.file(), artifactIndex));
    if (at.line() > 0) {
      Region region = new Region();
      region.setStartLine(at.line());
      if (at.column() > 0) {
        region.setStartColumn(at.column());
      }
      clearDefaults(region);
      physical.setRegion(region);
    }
    return physical;
  }

  private static Result.Level level(Severity severity) {
    return Result.Level.fromValue(severity.sarifLevel());
  }

  private static ArtifactLocation artifactLocation(String file, @Nullable Integer index) {
    ArtifactLocation location = new ArtifactLocation();
    location.setUri(uri(file));
    location.setIndex(index);
    return location;
  }

  /**
   * java-sarif fills in the schema's defaults ({@code -1} for "not given"); writing them would only
   * add members a consumer has to skip.
   */
  private static void clearDefaults(Artifact artifact) {
    artifact.setParentIndex(null);
    artifact.setLength(null);
  }

  private static void clearDefaults(Region region) {
    region.setCharOffset(null);
    region.setByteOffset(null);
  }

  /**
   * The URI reference SARIF wants for a file as netlint names it: a relative path stays relative
   * (code scanning resolves it against the repository root), an absolute one becomes a {@code
   * file:} URI; backslashes become {@code /} and characters a URI cannot hold are percent-encoded
   * as UTF-8 (RFC 3986).
   */
  static String uri(String file) {
    String path = file.replace('\\', '/');
    boolean drive = path.matches("[A-Za-z]:/.*");
    boolean absolute = drive || path.startsWith("/");
    StringBuilder b = new StringBuilder();
    if (absolute) {
      b.append(drive ? "file:///" : "file://");
    }
    for (byte raw : path.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      // A colon in a relative reference's first segment would read as a scheme.
      if (isPathChar(c) || (c == ':' && absolute)) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return b.toString();
  }

  private static boolean isPathChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
  }
}
