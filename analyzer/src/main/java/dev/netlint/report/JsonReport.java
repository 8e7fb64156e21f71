package dev.netlint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.Suppressed;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * netlint's JSON report. Every key is always present, in a fixed order (null when a finding has no
 * value), so scripts can rely on the shape; docs/output-formats.md documents each field.
 */
final class JsonReport {
  private JsonReport() {}

  static void write(AnalysisResult result, String toolVersion, OutputStream out)
      throws IOException {
    ObjectMapper mapper = JsonOutput.mapper();
    JsonOutput.write(mapper, toTree(mapper, result, toolVersion), out);
  }

  static ObjectNode toTree(ObjectMapper mapper, AnalysisResult result, String toolVersion) {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "netlint");
    tool.put("version", toolVersion);
    strings(root.putArray("files"), result.files());
    root.put("inputErrors", result.inputErrors());

    Map<String, String> ruleNames = new HashMap<>();
    ArrayNode rules = root.putArray("rules");
    for (RuleDescriptor r : result.rules()) {
      ruleNames.put(r.id(), r.name());
      ObjectNode rule = rules.addObject();
      rule.put("id", r.id());
      rule.put("name", r.name());
      rule.put("summary", r.summary());
      rule.put("defaultSeverity", r.defaultSeverity().label());
      strings(rule.putArray("resourceTypes"), r.resourceTypes());
      rule.put("source", r.source());
      rule.put("helpUri", r.helpUri());
    }

    ArrayNode findings = root.putArray("findings");
    for (Finding f : result.findings()) {
      finding(findings.addObject(), f, ruleNames);
    }
    // Only when there are any, so that a run without suppressions keeps its old shape.
    if (!result.suppressed().isEmpty()) {
      ArrayNode suppressed = root.putArray("suppressed");
      for (Suppressed s : result.suppressed()) {
        ObjectNode finding = suppressed.addObject();
        finding(finding, s.finding(), ruleNames);
        ObjectNode suppression = finding.putObject("suppression");
        suppression.put("kind", s.kind().sarifKind());
        suppression.put("justification", s.justification());
        suppression.put("file", s.suppressedAt().file());
        suppression.put("line", s.suppressedAt().line());
      }
    }

    SeverityCounts counts = SeverityCounts.of(result.findings());
    ObjectNode summary = root.putObject("summary");
    summary.put("error", counts.error());
    summary.put("warning", counts.warning());
    summary.put("info", counts.info());
    if (!result.suppressed().isEmpty()) {
      summary.put("suppressed", result.suppressed().size());
    }
    return root;
  }

  private static void finding(ObjectNode finding, Finding f, Map<String, String> ruleNames) {
    finding.put("ruleId", f.ruleId());
    finding.put("ruleName", ruleNames.get(f.ruleId()));
    finding.put("severity", f.severity().label());
    finding.put("message", f.message());
    finding.put("fix", f.fix());
    finding.put("file", f.location().file());
    finding.put("line", f.location().line());
    finding.put("column", f.location().column());
    strings(finding.putArray("templatePath"), f.templatePath());
    finding.put("stack", f.stack());
    finding.put("logicalId", f.logicalId());
    finding.put("resourceType", f.resourceType());
    finding.put("constructPath", f.constructPath());
    ObjectNode properties = finding.putObject("properties");
    f.properties().forEach(properties::put);
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
