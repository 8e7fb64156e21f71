package dev.netlint.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * netlint's own fingerprint of a finding, {@code netlintFingerprint/v1}: what the finding is about,
 * not where it is printed, so that it stays the same when lines move or unrelated parts of the
 * template change, and baselines and code scanning keep recognising it.
 *
 * <p>It is the first 32 hex digits of the SHA-256 of these lines, each ending in {@code \n}: {@code
 * netlintFingerprint/v1}, the rule ID, the stack (empty when none), the logical ID (empty when
 * none), the template path joined by {@code /}, then each of the finding's properties as {@code
 * key=value}, sorted by key, leaving out those that are line numbers ({@value #LINE_KEYS_TEXT}).
 * The file, line, column and message are not part of it: a flow's ends, hop and the element it is
 * about are in the properties and the template path.
 */
public final class Fingerprint {
  /** The key under which SARIF's {@code partialFingerprints} carry it. */
  public static final String SARIF_KEY = "netlintFingerprint/v1";

  private static final String LINE_KEYS_TEXT = "scriptLine, scriptLines, decidedAt, declaredAt";
  private static final Set<String> LINE_KEYS =
      Set.of("scriptLine", "scriptLines", "decidedAt", "declaredAt");

  private Fingerprint() {}

  /** The fingerprint of {@code finding}: 32 lowercase hex digits. */
  public static String of(Finding finding) {
    StringBuilder text = new StringBuilder(SARIF_KEY).append('\n');
    text.append(finding.ruleId()).append('\n');
    text.append(finding.stack() == null ? "" : finding.stack()).append('\n');
    text.append(finding.logicalId() == null ? "" : finding.logicalId()).append('\n');
    text.append(String.join("/", finding.templatePath())).append('\n');
    for (Map.Entry<String, String> p : finding.properties().entrySet()) {
      if (!LINE_KEYS.contains(p.getKey())) {
        text.append(p.getKey()).append('=').append(p.getValue()).append('\n');
      }
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
