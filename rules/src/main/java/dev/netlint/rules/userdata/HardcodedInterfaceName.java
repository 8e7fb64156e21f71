package dev.netlint.rules.userdata;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.model.HostImage;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ShellCommand;
import dev.netlint.model.ShellWord;
import dev.netlint.model.UserData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * NL101: user data that names a network interface literally in {@code iptables} or {@code ip}
 * commands ({@code -o eth0}, {@code -i eth0}, {@code dev eth0}), directly or through a variable
 * assigned a literal ({@code NIC=eth0} ... {@code -o "$NIC"}). Amazon Linux 2023, Ubuntu and Debian
 * on Nitro instance types name the primary interface {@code ens5}; Amazon Linux 2 keeps {@code
 * eth0}. A name wrong for a known AMI is an error; a literal name on an unknown AMI is a warning.
 * An interface found at run time ({@code $(ip route | awk ...)}) is fine.
 */
@RuleInfo(
    id = "NL101",
    name = "hardcoded-interface-name",
    summary = "User data names a network interface literally where the AMI may name it otherwise",
    severity = Severity.ERROR,
    resourceTypes = {
      "AWS::EC2::Instance",
      "AWS::EC2::LaunchTemplate",
      "AWS::AutoScaling::LaunchConfiguration"
    },
    source = "https://docs.aws.amazon.com/linux/al2023/ug/networking-service.html")
public final class HardcodedInterfaceName implements Rule {

  private static final Pattern ETHERNET_NAME =
      Pattern.compile("(eth|ens|enX|enp|eno)\\d+[a-z0-9]*");

  private static final Set<String> IPTABLES =
      Set.of(
          "iptables",
          "ip6tables",
          "iptables-legacy",
          "ip6tables-legacy",
          "iptables-nft",
          "ip6tables-nft");

  private static final Set<String> INTERFACE_OPTIONS =
      Set.of("-i", "-o", "--in-interface", "--out-interface");

  /** One literal interface name found in a command. */
  private record Use(String name, int line, String via) {}

  @Override
  public void check(RuleContext context) {
    for (Map.Entry<ResourceId, UserData> e : context.model().allUserData().entrySet()) {
      Optional<Resource> owner = context.model().resource(e.getKey());
      if (owner.isEmpty()) {
        continue;
      }
      List<Use> uses = literalInterfaces(e.getValue());
      if (uses.isEmpty()) {
        continue;
      }
      report(context, owner.get(), e.getValue(), uses);
    }
  }

  private static void report(
      RuleContext context, Resource owner, UserData userData, List<Use> uses) {
    HostImage host = context.model().hostImage(owner.id()).orElse(null);
    if (host == null) {
      return;
    }
    List<Use> wrong = new ArrayList<>();
    List<Use> unsure = new ArrayList<>();
    for (Use u : uses) {
      Optional<Boolean> ok = host.accepts(u.name());
      if (ok.isEmpty()) {
        unsure.add(u);
      } else if (!ok.get()) {
        wrong.add(u);
      }
    }
    String detect = "ip route | awk '/default/ {print $5}'";
    if (!wrong.isEmpty()) {
      Use first = wrong.get(0);
      String names =
          host.primaryInterface()
              .map(n -> "names its primary interface " + n)
              .orElse("has no interface named " + first.name());
      String message =
          String.format(
              "user data of %s names interface '%s'%s on script line %d, but %s%s %s",
              owner.logicalId(),
              first.name(),
              first.via(),
              first.line(),
              host.os().display(),
              host.instanceType().isEmpty() ? "" : " on " + host.instanceType(),
              names);
      context.report(
          Severity.ERROR,
          owner,
          userData.origin(),
          message,
          "Find the interface at run time, e.g. IFACE=$(" + detect + "), and use \"$IFACE\".",
          properties(wrong, host));
    } else if (!unsure.isEmpty()) {
      Use first = unsure.get(0);
      String message =
          String.format(
              "user data of %s hardcodes interface '%s'%s on script line %d; the AMI (%s) is not"
                  + " known before deploy, and Amazon Linux 2023, Ubuntu and Debian on Nitro name"
                  + " it ens5",
              owner.logicalId(),
              first.name(),
              first.via(),
              first.line(),
              host.osEvidence().isEmpty() ? "ImageId " + imageOf(host) : host.osEvidence());
      context.report(
          Severity.WARNING,
          owner,
          userData.origin(),
          message,
          "Find the interface at run time, e.g. IFACE=$(" + detect + "), and use \"$IFACE\".",
          properties(unsure, host));
    }
  }

  private static String imageOf(HostImage host) {
    String text = host.imageId() == null ? "not set" : host.imageId();
    return text.isEmpty() ? "empty" : text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  private static Map<String, String> properties(List<Use> uses, HostImage host) {
    Map<String, String> p = new TreeMap<>();
    p.put("scriptLine", Integer.toString(uses.get(0).line()));
    p.put("interface", uses.get(0).name());
    List<String> lines = new ArrayList<>();
    for (Use u : uses) {
      lines.add(Integer.toString(u.line()));
    }
    p.put("scriptLines", String.join(",", lines.stream().distinct().toList()));
    p.put("os", host.os().display());
    if (!host.osEvidence().isEmpty()) {
      p.put("image", host.osEvidence());
    }
    return p;
  }

  /** Every literal interface name used by iptables or ip commands, in script order. */
  static List<Use> literalInterfaces(UserData userData) {
    List<Use> uses = new ArrayList<>();
    List<ShellCommand> commands = userData.commands();
    for (int i = 0; i < commands.size(); i++) {
      ShellCommand c = commands.get(i);
      String program = c.program().orElse("");
      List<ShellWord> args = c.arguments();
      for (int a = 0; a < args.size(); a++) {
        String arg = args.get(a).literalText().orElse("");
        boolean takesInterface =
            (IPTABLES.contains(program) && INTERFACE_OPTIONS.contains(arg))
                || (program.equals("ip") && arg.equals("dev"));
        if (takesInterface && a + 1 < args.size()) {
          literal(args.get(a + 1), userData, i).ifPresent(u -> uses.add(withLine(u, c.line())));
        }
      }
      if (program.equals("ip") && args.size() >= 3) {
        // ip link set eth0 up
        String obj = args.get(0).literalText().orElse("");
        String verb = args.get(1).literalText().orElse("");
        String target = args.get(2).literalText().orElse("");
        if ((obj.equals("link") || obj.equals("l"))
            && verb.equals("set")
            && !target.equals("dev")) {
          literal(args.get(2), userData, i).ifPresent(u -> uses.add(withLine(u, c.line())));
        }
      }
    }
    return uses;
  }

  private static Use withLine(Use u, int line) {
    return new Use(u.name(), line, u.via());
  }

  /** The literal interface name a word stands for, following one variable assignment. */
  private static Optional<Use> literal(ShellWord word, UserData userData, int index) {
    Optional<String> text = word.literalText();
    if (text.isPresent()) {
      return ethernet(text.get(), "");
    }
    Optional<String> variable = word.soleVariable();
    if (variable.isPresent()) {
      Optional<ShellWord> value = userData.variableAt(variable.get(), index);
      if (value.isPresent() && value.get().literalText().isPresent()) {
        return ethernet(value.get().literalText().get(), " (through $" + variable.get() + ")");
      }
    }
    return Optional.empty();
  }

  private static Optional<Use> ethernet(String name, String via) {
    return ETHERNET_NAME.matcher(name).matches()
        ? Optional.of(new Use(name, 0, via))
        : Optional.empty();
  }
}
