package dev.netlint.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Fingerprint;
import dev.netlint.api.Suppressed;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A baseline: the findings a team accepted when it adopted netlint, by {@link Fingerprint}. {@code
 * netlint baseline} writes one; {@code netlint check --baseline FILE} reports the findings in it as
 * suppressed (kind {@code external}) and the entries that no longer occur as fixed.
 *
 * <pre>{@code
 * {"version": 1, "findings": [{"fingerprint": "…", "ruleId": "NL301", "stack": "web",
 *   "logicalId": "SpareSg", "file": "web.yaml", "message": "…"}, …]}
 * }</pre>
 *
 * Only {@code fingerprint} is matched; the other fields say what the entry was, for a reader.
 *
 * @param file the baseline file as the reports name it
 * @param entries the entries by fingerprint, sorted
 */
public record Baseline(String file, Map<String, Entry> entries) {

  /** The baseline format's version. */
  public static final int VERSION = 1;

  public Baseline {
    entries = java.util.Collections.unmodifiableMap(new TreeMap<>(entries));
  }

  /**
   * One accepted finding.
   *
   * @param fingerprint its {@link Fingerprint}
   * @param ruleId the rule
   * @param stack the stack, or null
   * @param logicalId the logical ID, or null
   * @param file the file it was reported in
   * @param message its message when the baseline was written
   */
  public record Entry(
      String fingerprint,
      String ruleId,
      @Nullable String stack,
      @Nullable String logicalId,
      String file,
      String message) {

    /** {@code NL301 web/SpareSg (web.yaml)}. */
    public String describe() {
      String name = logicalId == null ? null : stack == null ? logicalId : stack + "/" + logicalId;
      return ruleId + (name == null ? "" : " " + name) + " (" + file + ")";
    }
  }

  /**
   * Reads a baseline file.
   *
   * @throws IOException when it cannot be read or is not a netlint baseline
   */
  public static Baseline read(Path path, String displayName) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(path));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(displayName + " is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null
        || root.path("version").asInt() != VERSION
        || !root.path("findings").isArray()) {
      throw new IOException(displayName + " is not a netlint baseline (version " + VERSION + ")");
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (JsonNode e : root.get("findings")) {
      String fingerprint = e.path("fingerprint").asText("");
      if (fingerprint.isEmpty()) {
        throw new IOException(displayName + ": an entry has no fingerprint");
      }
      entries.put(
          fingerprint,
          new Entry(
              fingerprint,
              e.path("ruleId").asText(""),
              e.hasNonNull("stack") ? e.get("stack").asText() : null,
              e.hasNonNull("logicalId") ? e.get("logicalId").asText() : null,
              e.path("file").asText(""),
              e.path("message").asText("")));
    }
    return new Baseline(displayName, entries);
  }

  /** Writes the baseline of {@code findings}: one entry per fingerprint, sorted by fingerprint. */
  public static void write(List<Finding> findings, OutputStream out) throws IOException {
    Map<String, Finding> byFingerprint = new TreeMap<>();
    for (Finding f : findings) {
      byFingerprint.putIfAbsent(Fingerprint.of(f), f);
    }
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("version", VERSION);
    ArrayNode list = root.putArray("findings");
    byFingerprint.forEach(
        (fingerprint, f) -> {
          ObjectNode e = list.addObject();
          e.put("fingerprint", fingerprint);
          e.put("ruleId", f.ruleId());
          e.put("stack", f.stack());
          e.put("logicalId", f.logicalId());
          e.put("file", f.location().file());
          e.put("message", f.message());
        });
    dev.netlint.report.Reports.writeJson(root, out);
  }

  /**
   * What the baseline does to a result.
   *
   * @param result the result with the baseline's findings moved to {@link
   *     AnalysisResult#suppressed()}
   * @param fixed the entries that matched no finding, sorted by fingerprint
   */
  public record Applied(AnalysisResult result, List<Entry> fixed) {
    public Applied {
      fixed = List.copyOf(fixed);
    }
  }

  /** Moves the findings whose fingerprint is in the baseline to the suppressed findings. */
  public Applied apply(AnalysisResult result) {
    List<Finding> kept = new ArrayList<>();
    List<Suppressed> suppressed = new ArrayList<>(result.suppressed());
    Set<String> seen = new java.util.HashSet<>();
    for (Finding f : result.findings()) {
      String fingerprint = Fingerprint.of(f);
      if (entries.containsKey(fingerprint)) {
        seen.add(fingerprint);
        suppressed.add(
            new Suppressed(
                f,
                Suppressed.Kind.EXTERNAL,
                "accepted in the baseline " + file,
                dev.netlint.model.SourceLocation.ofFile(file)));
      } else {
        kept.add(f);
      }
    }
    for (Suppressed s : result.suppressed()) {
      seen.add(Fingerprint.of(s.finding()));
    }
    suppressed.sort(null);
    List<Entry> fixed =
        entries.values().stream().filter(e -> !seen.contains(e.fingerprint())).toList();
    return new Applied(
        new AnalysisResult(kept, result.rules(), result.files(), result.inputErrors(), suppressed),
        fixed);
  }
}
