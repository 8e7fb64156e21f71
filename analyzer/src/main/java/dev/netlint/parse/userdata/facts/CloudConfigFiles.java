package dev.netlint.parse.userdata.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.netlint.model.ScriptLine;
import dev.netlint.model.UserData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads what cloud-init does besides running commands: the files of {@code write_files} and a
 * reboot from {@code power_state}, in a {@code #cloud-config} document or in the {@code
 * text/cloud-config} parts of a MIME multipart archive. cloud-init writes these files in its init
 * stage, after {@code bootcmd} and before {@code runcmd} and shell-script parts run.
 *
 * <p>See <a
 * href="https://cloudinit.readthedocs.io/en/latest/reference/modules.html#write-files">Write
 * Files</a> and <a
 * href="https://cloudinit.readthedocs.io/en/latest/reference/modules.html#power-state-change">Power
 * State Change</a>.
 */
final class CloudConfigFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern BOUNDARY =
      Pattern.compile("boundary=\"?([^\"\\s;]+)\"?", Pattern.CASE_INSENSITIVE);

  /**
   * A {@code write_files} entry.
   *
   * @param content the text, or null when it is compressed
   */
  record WriteFile(String path, @Nullable String content, boolean append, ScriptLine at) {}

  /** What cloud-init does besides commands. */
  record Result(List<WriteFile> files, boolean reboots) {}

  private CloudConfigFiles() {}

  static Result read(UserData userData) {
    List<WriteFile> files = new ArrayList<>();
    boolean[] reboots = {false};
    if (userData.format() == UserData.Format.CLOUD_CONFIG) {
      document(userData.text(), "", 0, files, reboots);
    } else if (userData.format() == UserData.Format.MULTIPART) {
      multipart(userData.text(), files, reboots);
    }
    return new Result(files, reboots[0]);
  }

  private static void multipart(String text, List<WriteFile> files, boolean[] reboots) {
    Matcher m = BOUNDARY.matcher(text);
    if (!m.find()) {
      return;
    }
    String delimiter = "--" + m.group(1);
    String[] lines = text.split("\n", -1);
    int i = 0;
    int part = 0;
    while (i < lines.length && !lines[i].strip().startsWith(delimiter)) {
      i++;
    }
    while (i < lines.length && !lines[i].strip().equals(delimiter + "--")) {
      i++;
      part++;
      String type = "";
      boolean base64 = false;
      while (i < lines.length && !lines[i].isBlank()) {
        String h = lines[i].strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("content-type:")) {
          type = h.substring("content-type:".length()).strip();
        } else if (h.startsWith("content-transfer-encoding:")) {
          base64 = h.contains("base64");
        }
        i++;
      }
      int start = i + 1;
      int end = start;
      while (end < lines.length && !lines[end].strip().startsWith(delimiter)) {
        end++;
      }
      if (type.startsWith("text/cloud-config") && start <= end && start <= lines.length) {
        String body = String.join("\n", List.of(lines).subList(Math.min(start, end), end));
        if (base64 && !body.strip().startsWith("#cloud-config")) {
          body = decode(body);
        }
        if (body != null) {
          document(body, "part " + part, start, files, reboots);
        }
      }
      i = end;
    }
  }

  private static void document(
      String text, String part, int lineOffset, List<WriteFile> files, boolean[] reboots) {
    JsonNode doc;
    try {
      doc = YAML.readTree(text);
    } catch (java.io.IOException | RuntimeException e) {
      return;
    }
    if (doc == null || !doc.isObject()) {
      return;
    }
    JsonNode power = doc.get("power_state");
    if (power != null && power.path("mode").asText("").equals("reboot")) {
      reboots[0] = true;
    }
    JsonNode list = doc.get("write_files");
    if (list == null || !list.isArray()) {
      return;
    }
    String where = part.isEmpty() ? "write_files" : part + " write_files";
    for (JsonNode entry : list) {
      String path = entry.path("path").asText("");
      if (path.isEmpty()) {
        continue;
      }
      String encoding = entry.path("encoding").asText("").toLowerCase(Locale.ROOT);
      String content = entry.path("content").asText("");
      if (encoding.equals("b64") || encoding.equals("base64")) {
        content = decode(content);
      } else if (!encoding.isEmpty() && !encoding.equals("text/plain")) {
        content = null;
      }
      boolean append = entry.path("append").asBoolean(false);
      files.add(
          new WriteFile(
              path, content, append, new ScriptLine(lineOffset + lineOf(text, path), where)));
    }
  }

  private static @Nullable String decode(String base64) {
    try {
      return new String(Base64.getMimeDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int lineOf(String text, String path) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("path:") && lines[i].contains(path)) {
        return i + 1;
      }
    }
    return 1;
  }
}
