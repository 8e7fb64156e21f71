package dev.netlint.parse.userdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.netlint.model.Origin;
import dev.netlint.model.ShellCommand;
import dev.netlint.model.ShellWord;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the resolved {@code UserData} value of an instance, launch template or launch configuration
 * as the program it is: a shell script, a cloud-init {@code #cloud-config} document (its {@code
 * bootcmd} and {@code runcmd}), a MIME multipart archive of those, or a Windows block (recognised,
 * not analyzed). {@code Fn::Sub} and {@code Fn::Join} placeholders stay deploy-time values.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html">Run commands
 * when you launch an EC2 instance with user data input</a> and <a
 * href="https://cloudinit.readthedocs.io/en/latest/explanation/format.html">cloud-init user data
 * formats</a>.
 */
public final class UserDataReader {

  /** Scripts longer than this (16 KiB is EC2's limit; 1 MiB leaves room) are not scanned. */
  public static final int MAX_SCRIPT_CHARS = 1024 * 1024;

  private static final Pattern BOUNDARY =
      Pattern.compile("boundary=\"?([^\"\\s;]+)\"?", Pattern.CASE_INSENSITIVE);

  private UserDataReader() {}

  /**
   * Reads user data.
   *
   * @param value the resolved {@code UserData} property ({@code Fn::Base64} is already unwrapped)
   * @param at where the property stands in the template
   */
  public static UserData read(Value value, Origin at) {
    List<Value> placeholders = new ArrayList<>();
    StringBuilder script = new StringBuilder();
    if (!flatten(value, script, placeholders)) {
      return new UserData(at, UserData.Format.OPAQUE, value.render(), List.of(), List.of());
    }
    String text = script.toString();
    String shown = value.render();
    if (text.length() > MAX_SCRIPT_CHARS) {
      return new UserData(at, UserData.Format.OPAQUE, "", List.of(), List.of());
    }
    String head = text.stripLeading();
    String lower = head.toLowerCase(Locale.ROOT);
    if (lower.startsWith("<powershell>")
        || lower.startsWith("<script>")
        || lower.startsWith("<persist>")
        || lower.startsWith("version:")) {
      return new UserData(at, UserData.Format.WINDOWS, shown, List.of(), List.of());
    }
    if (lower.startsWith("content-type: multipart/") || lower.startsWith("mime-version:")) {
      List<ShellCommand> commands = new ArrayList<>();
      List<UserData.UnparsedLine> unparsed = new ArrayList<>();
      readMultipart(text, placeholders, commands, unparsed);
      return userData(at, UserData.Format.MULTIPART, shown, commands, unparsed, placeholders);
    }
    if (head.startsWith("#cloud-config")) {
      List<ShellCommand> commands = new ArrayList<>();
      List<UserData.UnparsedLine> unparsed = new ArrayList<>();
      readCloudConfig(text, placeholders, "", 0, commands, unparsed);
      return userData(at, UserData.Format.CLOUD_CONFIG, shown, commands, unparsed, placeholders);
    }
    ShellScanner.Result r = ShellScanner.scan(text, placeholders, "", 0);
    return userData(at, UserData.Format.SHELL, shown, r.commands(), r.unparsed(), placeholders);
  }

  /** User data with its unparsed lines in line order, whichever part they came from. */
  private static UserData userData(
      Origin at,
      UserData.Format format,
      String shown,
      List<ShellCommand> commands,
      List<UserData.UnparsedLine> unparsed,
      List<Value> placeholders) {
    List<UserData.UnparsedLine> sorted =
        unparsed.stream()
            .sorted(java.util.Comparator.comparingInt(UserData.UnparsedLine::line))
            .toList();
    return new UserData(
        at,
        format,
        shown,
        commands,
        sorted.stream().map(UserData.UnparsedLine::line).toList(),
        sorted,
        placeholders);
  }

  /** Writes the script text with placeholders; false when the whole value is deploy-time. */
  private static boolean flatten(Value v, StringBuilder out, List<Value> placeholders) {
    if (v instanceof Value.Concat c) {
      for (Value part : c.parts()) {
        String lit = part.literal().orElse(null);
        if (lit != null) {
          out.append(lit);
        } else if (part instanceof Value.Concat) {
          flatten(part, out, placeholders);
        } else {
          out.append(ShellScanner.PLACEHOLDER_START)
              .append(placeholders.size())
              .append(ShellScanner.PLACEHOLDER_END);
          placeholders.add(part);
        }
      }
      return true;
    }
    String lit = v.literal().orElse(null);
    if (lit != null) {
      out.append(lit);
      return true;
    }
    return false;
  }

  private static void readMultipart(
      String text,
      List<Value> placeholders,
      List<ShellCommand> commands,
      List<UserData.UnparsedLine> unparsed) {
    Matcher m = BOUNDARY.matcher(text);
    if (!m.find()) {
      return;
    }
    String delimiter = "--" + m.group(1);
    String[] lines = text.split("\n", -1);
    int partNo = 0;
    int i = 0;
    while (i < lines.length && !lines[i].strip().equals(delimiter)) {
      i++;
    }
    while (i < lines.length) {
      i++;
      partNo++;
      String contentType = "";
      while (i < lines.length && !lines[i].strip().isEmpty()) {
        String h = lines[i].strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("content-type:")) {
          contentType = h.substring("content-type:".length()).strip();
        }
        i++;
      }
      int bodyStart = i + 1;
      int j = bodyStart;
      while (j < lines.length && !lines[j].strip().startsWith(delimiter)) {
        j++;
      }
      if (bodyStart <= j && bodyStart <= lines.length) {
        String body =
            String.join("\n", java.util.Arrays.asList(lines).subList(Math.min(bodyStart, j), j));
        String partName = "part " + partNo;
        if (contentType.startsWith("text/cloud-config")) {
          readCloudConfig(body, placeholders, partName, bodyStart, commands, unparsed);
        } else if (contentType.startsWith("text/x-shellscript") || contentType.isEmpty()) {
          ShellScanner.Result r = ShellScanner.scan(body, placeholders, partName, bodyStart);
          commands.addAll(r.commands());
          unparsed.addAll(r.unparsed());
        }
      }
      i = j;
      if (i < lines.length && lines[i].strip().equals(delimiter + "--")) {
        break;
      }
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static void readCloudConfig(
      String text,
      List<Value> placeholders,
      String partPrefix,
      int lineOffset,
      List<ShellCommand> commands,
      List<UserData.UnparsedLine> unparsed) {
    JsonNode doc;
    try {
      doc = YAML.readTree(text);
    } catch (Exception e) {
      unparsed.add(
          new UserData.UnparsedLine(
              lineOffset + 1,
              partPrefix.isEmpty() ? "cloud-config" : partPrefix,
              text.lines().findFirst().orElse("")));
      return;
    }
    if (doc == null || !doc.isObject()) {
      return;
    }
    for (String key : List.of("bootcmd", "runcmd")) {
      JsonNode list = doc.get(key);
      if (list == null || !list.isArray()) {
        continue;
      }
      String part = partPrefix.isEmpty() ? key : partPrefix + " " + key;
      int keyLine = lineOf(text, key + ":");
      for (JsonNode item : list) {
        if (item.isTextual()) {
          String cmd = item.asText();
          int line = lineOffset + lineOfItem(text, cmd, keyLine);
          ShellScanner.Result r = ShellScanner.scan(cmd, placeholders, part, line - 1);
          commands.addAll(r.commands());
          unparsed.addAll(r.unparsed());
        } else if (item.isArray()) {
          List<ShellWord> words = new ArrayList<>();
          for (JsonNode w : item) {
            ShellScanner.Result r =
                ShellScanner.scan(
                    "'" + w.asText().replace("'", "'\\''") + "'", placeholders, part, 0);
            if (!r.commands().isEmpty() && !r.commands().get(0).words().isEmpty()) {
              words.add(r.commands().get(0).words().get(0));
            }
          }
          if (!words.isEmpty()) {
            int line = lineOffset + keyLine;
            commands.add(new ShellCommand(line, part, java.util.Map.of(), words));
          }
        }
      }
    }
  }

  private static int lineOf(String text, String needle) {
    int idx = text.indexOf(needle);
    if (idx < 0) {
      return 1;
    }
    return 1 + (int) text.substring(0, idx).chars().filter(c -> c == '\n').count();
  }

  private static int lineOfItem(String text, String item, int fromLine) {
    String firstLine = item.lines().findFirst().orElse("").strip();
    String[] lines = text.split("\n", -1);
    for (int i = Math.max(fromLine - 1, 0); i < lines.length; i++) {
      if (!firstLine.isEmpty() && lines[i].contains(firstLine)) {
        return i + 1;
      }
    }
    return fromLine;
  }
}
