package dev.netlint.parse.userdata.facts;

import dev.netlint.model.HostValue;
import dev.netlint.model.PacketFilterRule;
import dev.netlint.model.PacketFilterRule.Family;
import dev.netlint.model.PacketFilterRule.Operation;
import dev.netlint.model.ScriptLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code firewall-cmd} and {@code firewall-offline-cmd}: a zone's masquerade ({@code
 * --add-masquerade}, a rich rule with {@code masquerade}) and direct iptables rules ({@code
 * --direct --add-rule ipv4 nat POSTROUTING 0 ...}, {@code --direct --passthrough ipv4 ...}). A
 * {@code --permanent} change counts: it is what the host runs with after a reload or a reboot.
 *
 * <p>See <a
 * href="https://firewalld.org/documentation/man-pages/firewall-cmd.html">firewall-cmd(1)</a>.
 */
final class Firewalld {
  private Firewalld() {}

  static List<PacketFilterRule> command(List<HostValue> args, ScriptLine at, String program) {
    List<PacketFilterRule> rules = new ArrayList<>();
    String zone = "";
    for (HostValue a : args) {
      String t = a.literalText().orElse("");
      if (t.startsWith("--zone=")) {
        zone = t.substring("--zone=".length());
      }
    }
    for (int i = 0; i < args.size(); i++) {
      String t = args.get(i).literalText().orElse("");
      if (t.equals("--add-masquerade") || t.equals("--remove-masquerade")) {
        rules.add(
            masquerade(
                at,
                zone,
                program + " " + t,
                t.startsWith("--add") ? Operation.APPEND : Operation.DELETE));
      } else if (t.startsWith("--add-rich-rule")) {
        String rule =
            t.contains("=")
                ? t.substring(t.indexOf('=') + 1)
                : i + 1 < args.size() ? args.get(i + 1).literalText().orElse("") : "";
        if (rule.toLowerCase(Locale.ROOT).matches(".*\\bmasquerade\\b.*")) {
          rules.add(masquerade(at, zone, program + " --add-rich-rule", Operation.APPEND));
        }
      } else if (t.equals("--add-rule") && i + 4 < args.size()) {
        // --direct --add-rule { ipv4 | ipv6 | eb } table chain priority args
        Family family = family(args.get(i + 1));
        String table = args.get(i + 2).literalText().orElse("");
        List<HostValue> rest = new ArrayList<>();
        rest.add(HostValue.literal("-A"));
        rest.add(args.get(i + 3));
        rest.addAll(args.subList(Math.min(i + 5, args.size()), args.size()));
        Iptables.command(rest, family, at, program + " --direct --add-rule", table)
            .ifPresent(rules::add);
        return rules;
      } else if (t.equals("--passthrough") && i + 1 < args.size()) {
        Family family = family(args.get(i + 1));
        Iptables.command(
                args.subList(i + 2, args.size()),
                family,
                at,
                program + " --direct --passthrough",
                null)
            .ifPresent(rules::add);
        return rules;
      }
    }
    return rules;
  }

  private static PacketFilterRule masquerade(
      ScriptLine at, String zone, String via, Operation operation) {
    return new PacketFilterRule(
        at,
        PacketFilterRule.Tool.FIREWALLD,
        Family.IPV4,
        "",
        operation,
        zone,
        null,
        null,
        null,
        null,
        "",
        "",
        "MASQUERADE",
        via,
        "");
  }

  private static Family family(HostValue v) {
    return v.literalText().orElse("").equals("ipv6") ? Family.IPV6 : Family.IPV4;
  }
}
