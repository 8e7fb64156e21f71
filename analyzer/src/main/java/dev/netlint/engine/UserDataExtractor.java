package dev.netlint.engine;

import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.model.HostFacts;
import dev.netlint.model.LaunchData;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.Stack;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.Template;
import dev.netlint.parse.userdata.UserDataReader;
import dev.netlint.parse.userdata.facts.HostFactsExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds the user data of every instance, launch template and launch configuration and reads it with
 * {@link UserDataReader}. A finding on user data points at the {@code UserData} key in the
 * template.
 */
final class UserDataExtractor {

  /**
   * How many unparsed lines of one user data are reported one by one; the rest are reported
   * together, so a script of garbage does not bury the other findings.
   */
  static final int MAX_LINE_FINDINGS = 20;

  private static final int MAX_SHOWN_CHARS = 80;

  private static final String LINE_FIX =
      "Correct the line's shell syntax; bash -n on the script shows where the shell fails.";

  private UserDataExtractor() {}

  static Map<ResourceId, UserData> extract(Stack stack, Template template) {
    Map<ResourceId, UserData> found = new TreeMap<>();
    for (Resource r : stack.resources().values()) {
      if (!r.active()) {
        continue;
      }
      List<String> path = new ArrayList<>(List.of("Resources", r.logicalId(), "Properties"));
      Value value = LaunchData.userData(r);
      if (value == null || value instanceof Value.NoValue) {
        continue;
      }
      path.addAll(LaunchData.userDataPath(r));
      Origin at = keyOrigin(template, path, value.origin());
      found.put(r.id(), UserDataReader.read(value, at));
    }
    return found;
  }

  /**
   * Reads the host facts of {@code userData} into {@code hostFacts}, and returns an {@code NL004}
   * finding for each user data netlint failed to read, naming the script line: a bug in netlint,
   * reported rather than hidden behind facts that are merely unread.
   */
  static List<Finding> hostFacts(
      List<Stack> stacks,
      Map<ResourceId, UserData> userData,
      Map<ResourceId, HostFacts> hostFacts) {
    return hostFacts(stacks, userData, hostFacts, HostFactsExtractor::read);
  }

  /** {@link #hostFacts(List, Map, Map)} with the reader given: a test seam. */
  static List<Finding> hostFacts(
      List<Stack> stacks,
      Map<ResourceId, UserData> userData,
      Map<ResourceId, HostFacts> hostFacts,
      Function<UserData, HostFactsExtractor.Extraction> reader) {
    Map<String, Stack> byName = new TreeMap<>();
    stacks.forEach(s -> byName.putIfAbsent(s.name(), s));
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<ResourceId, UserData> e : userData.entrySet()) {
      HostFactsExtractor.Extraction x = reader.apply(e.getValue());
      hostFacts.put(e.getKey(), x.facts());
      Stack stack = byName.get(e.getKey().stack());
      Resource owner = stack == null ? null : stack.resources().get(e.getKey().logicalId());
      HostFactsExtractor.Failure failure = x.failure();
      if (failure == null || stack == null || owner == null) {
        continue;
      }
      Map<String, String> properties = new TreeMap<>();
      properties.put("scriptLine", Integer.toString(failure.at().line()));
      if (!failure.at().part().isEmpty()) {
        properties.put("part", failure.at().part());
      }
      findings.add(
          finding(
              stack,
              owner,
              e.getValue(),
              "user data of "
                  + owner.logicalId()
                  + ": netlint failed at "
                  + failure.at().display()
                  + " ("
                  + failure.error()
                  + ") and does not judge what the script does to the host; please report this"
                  + " netlint bug",
              null,
              properties));
    }
    return findings;
  }

  /** The origin of the key at the end of {@code path}, or {@code fallback}. */
  private static Origin keyOrigin(Template template, List<String> path, Origin fallback) {
    Node node = template.root();
    for (int i = 0; i < path.size() - 1; i++) {
      node = node instanceof Node.MapNode m ? m.get(path.get(i)) : null;
      if (node == null) {
        return fallback;
      }
    }
    Node.MapNode parent = node instanceof Node.MapNode m ? m : null;
    if (parent == null || parent.get(path.get(path.size() - 1)) == null) {
      return fallback;
    }
    return new Origin(parent.keyLocation(path.get(path.size() - 1)), path);
  }

  /**
   * The {@code NL004 user-data-not-analyzed} findings for the user data of {@code stack}: one for
   * each script line the shell grammar cannot read (the rest of the script is still analyzed), one
   * for a Windows block, which is recognised and skipped, and one for user data whose whole value
   * is known only at deploy time.
   */
  static List<Finding> notAnalyzed(Stack stack, Map<ResourceId, UserData> userData) {
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<ResourceId, UserData> e : userData.entrySet()) {
      Resource owner = stack.resources().get(e.getKey().logicalId());
      if (owner == null) {
        continue;
      }
      UserData ud = e.getValue();
      String subject = "user data of " + owner.logicalId();
      switch (ud.format()) {
        case WINDOWS ->
            findings.add(
                finding(
                    stack,
                    owner,
                    ud,
                    subject
                        + " is a Windows "
                        + windowsBlock(ud.text())
                        + " block, recognised and skipped: netlint analyzes shell scripts and"
                        + " cloud-init",
                    null,
                    Map.of("format", "windows")));
        case OPAQUE ->
            findings.add(
                finding(
                    stack,
                    owner,
                    ud,
                    ud.text().isEmpty()
                        ? subject
                            + " is larger than "
                            + UserDataReader.MAX_SCRIPT_CHARS
                            + " characters and is not analyzed"
                        : subject
                            + " is not known before deploy ("
                            + shown(ud.text())
                            + ") and is not analyzed",
                    null,
                    Map.of("format", "opaque")));
        default -> findings.addAll(unparsedLines(stack, owner, ud, subject));
      }
    }
    return findings;
  }

  private static List<Finding> unparsedLines(
      Stack stack, Resource owner, UserData ud, String subject) {
    List<Finding> findings = new ArrayList<>();
    List<UserData.UnparsedLine> lines = ud.unparsed();
    for (int i = 0; i < lines.size() && i < MAX_LINE_FINDINGS; i++) {
      UserData.UnparsedLine l = lines.get(i);
      String text = l.text().strip();
      findings.add(
          finding(
              stack,
              owner,
              ud,
              subject
                  + ": script line "
                  + l.line()
                  + inPart(l.part())
                  + " cannot be read as shell and is not analyzed"
                  + (text.isEmpty() ? "" : ": " + shown(text)),
              LINE_FIX,
              lineProperties(l)));
    }
    if (lines.size() > MAX_LINE_FINDINGS) {
      UserData.UnparsedLine first = lines.get(MAX_LINE_FINDINGS);
      findings.add(
          finding(
              stack,
              owner,
              ud,
              subject
                  + ": "
                  + (lines.size() - MAX_LINE_FINDINGS)
                  + " more script lines from line "
                  + first.line()
                  + inPart(first.part())
                  + " cannot be read as shell and are not analyzed",
              LINE_FIX,
              lineProperties(first)));
    }
    return findings;
  }

  private static Map<String, String> lineProperties(UserData.UnparsedLine l) {
    Map<String, String> p = new TreeMap<>();
    p.put("scriptLine", Integer.toString(l.line()));
    if (!l.part().isEmpty()) {
      p.put("part", l.part());
    }
    return p;
  }

  private static String inPart(String part) {
    return part.isEmpty() ? "" : " (" + part + ")";
  }

  private static String windowsBlock(String text) {
    String head = text.stripLeading().toLowerCase(Locale.ROOT);
    for (String tag : List.of("<powershell>", "<script>", "<persist>")) {
      if (head.startsWith(tag)) {
        return tag;
      }
    }
    return "EC2Launch";
  }

  private static String shown(String text) {
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() > MAX_SHOWN_CHARS
        ? oneLine.substring(0, MAX_SHOWN_CHARS) + "..."
        : oneLine;
  }

  private static Finding finding(
      Stack stack,
      Resource owner,
      UserData ud,
      String message,
      @Nullable String fix,
      Map<String, String> properties) {
    return new Finding(
        InputRules.USER_DATA_NOT_ANALYZED.id(),
        Severity.INFO,
        message,
        fix,
        ud.origin().location(),
        ud.origin().templatePath(),
        stack.name(),
        owner.logicalId(),
        owner.type(),
        owner.constructPath(),
        properties);
  }
}
