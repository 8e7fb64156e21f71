package dev.netlint.parse.userdata.facts;

import dev.netlint.model.AwsCliCall;
import dev.netlint.model.HostFacts;
import dev.netlint.model.HostFacts.Forwarding;
import dev.netlint.model.HostFacts.Topic;
import dev.netlint.model.HostValue;
import dev.netlint.model.PacketFilterRule;
import dev.netlint.model.PacketFilterRule.Family;
import dev.netlint.model.PacketFilterRule.Operation;
import dev.netlint.model.ScriptLine;
import dev.netlint.model.ShellCommand;
import dev.netlint.model.ShellWord;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.parse.userdata.UserDataReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@link HostFacts} of user data: runs through its commands in the order the host runs
 * them (cloud-init {@code bootcmd}, then {@code write_files}, then {@code runcmd} and shell parts),
 * keeping the files the script writes, the packet-filter rules it adds and removes, the state of
 * IPv4 forwarding and its AWS CLI calls. Scripts the user data writes and runs ({@code bash -c
 * '...'}, {@code cat > /opt/nat.sh <<EOF ... bash /opt/nat.sh}) are followed too. The proxies it
 * configures are read by {@link ProxyConfigurations}.
 *
 * <p>Never throws: user data netlint cannot follow yields facts whose every topic is {@linkplain
 * HostFacts#unread() unread}, so that no rule judges it.
 */
public final class HostFactsExtractor {
  private static final int MAX_NESTING = 4;
  private static final int MAX_PIPE = 4;

  private static final Set<String> SHELLS = Set.of("bash", "sh", "dash", "ash", "ksh", "zsh");
  private static final Set<String> RESTARTS =
      Set.of("start", "restart", "try-restart", "reload-or-restart", "force-reload", "reload");

  /** Directories a copy into keeps the file's name in. */
  private static final Set<String> KNOWN_DIRECTORIES =
      Set.of(
          "/etc/sysctl.d",
          "/run/sysctl.d",
          "/usr/lib/sysctl.d",
          "/etc/iptables",
          "/etc/sysconfig",
          "/etc/nftables.d",
          "/etc/nftables",
          "/etc/ufw");

  private static final Set<String> IPV4_RULE_FILES =
      Set.of(
          "/etc/sysconfig/iptables",
          "/etc/iptables/rules.v4",
          "/etc/iptables/iptables.rules",
          "/etc/ufw/before.rules");
  private static final Set<String> IPV6_RULE_FILES =
      Set.of(
          "/etc/sysconfig/ip6tables",
          "/etc/iptables/rules.v6",
          "/etc/iptables/ip6tables.rules",
          "/etc/ufw/before6.rules");

  private static final Pattern FORWARDING_MENTION =
      Pattern.compile("ip_forward|conf[./]all[./]forwarding");
  private static final Pattern NAT_MENTION =
      Pattern.compile("MASQUERADE|masquerade|\\bSNAT\\b|\\bsnat\\b");
  private static final Pattern SDC_MENTION =
      Pattern.compile("(?i)source-dest-check|sourcedestcheck");
  private static final Pattern SED_SUBSTITUTE =
      Pattern.compile("s([/|#,:@!])((?:\\\\.|(?!\\1).)*)\\1((?:\\\\.|(?!\\1).)*)\\1");
  private static final Pattern FORWARD_VALUE =
      Pattern.compile("(?:ip_forward|all\\.forwarding)\\s*=\\s*([01])");

  private final UserData root;
  private final Map<String, ScriptFile> files = new LinkedHashMap<>();
  private final List<PacketFilterRule> rules = new ArrayList<>();
  private final List<PacketFilterRule> rejected = new ArrayList<>();
  private final ForwardingState forwarding = new ForwardingState();
  private final List<AwsCliCall> calls = new ArrayList<>();
  private final Set<String> loadedRuleFiles = new java.util.HashSet<>();
  private boolean rebooted;
  private boolean sawSourceNat;
  private boolean sawSourceDestCheck;

  private final Consumer<ShellCommand> beforeCommand;

  /** The line of the command being read, for a {@link Failure}. */
  private ScriptLine current = new ScriptLine(1, "");

  private HostFactsExtractor(UserData root, Consumer<ShellCommand> beforeCommand) {
    this.root = root;
    this.beforeCommand = beforeCommand;
  }

  /** Reads the host facts of user data; {@link HostFacts#NONE} for Windows and opaque data. */
  public static HostFacts extract(UserData userData) {
    return read(userData).facts();
  }

  /**
   * The host facts of user data, and why netlint could not read them when it failed.
   *
   * @param facts what was read; every topic {@linkplain HostFacts#unread() unread} after a failure
   * @param failure the failure, or null
   */
  public record Extraction(HostFacts facts, @Nullable Failure failure) {}

  /**
   * A failure of netlint while reading host facts: a bug, which the engine reports as {@code NL004}
   * rather than hiding it.
   *
   * @param at the script line netlint was reading
   * @param error what went wrong (the exception's class and message)
   */
  public record Failure(ScriptLine at, String error) {}

  /**
   * Reads the host facts of user data, as {@link #extract}, saying so when netlint fails on it.
   * Never throws.
   */
  public static Extraction read(UserData userData) {
    return read(userData, c -> {});
  }

  /** {@link #read(UserData)} with {@code beforeCommand} run before each command: a test seam. */
  static Extraction read(UserData userData, Consumer<ShellCommand> beforeCommand) {
    if (userData.format() == UserData.Format.OPAQUE
        || userData.format() == UserData.Format.WINDOWS) {
      return new Extraction(HostFacts.NONE, null);
    }
    HostFactsExtractor extractor = new HostFactsExtractor(userData, beforeCommand);
    HostFacts facts;
    Failure failure = null;
    try {
      facts = extractor.run();
    } catch (RuntimeException | StackOverflowError e) {
      // One script that trips a netlint bug must not cost the analysis of the rest.
      facts =
          new HostFacts(
              List.of(), List.of(), Forwarding.NOT_SET, List.of(), EnumSet.allOf(Topic.class));
      failure =
          new Failure(
              extractor.current,
              e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    // Proxies are read from the configuration files' text alone, whatever the rest of the script
    // does, so a script netlint cannot follow still tells where its proxies forward.
    try {
      facts = facts.withProxies(ProxyConfigurations.read(userData));
    } catch (RuntimeException | StackOverflowError e) {
      if (failure == null) {
        failure =
            new Failure(
                extractor.current,
                e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
    }
    return new Extraction(facts, failure);
  }

  private HostFacts run() {
    CloudConfigFiles.Result cloudConfig = CloudConfigFiles.read(root);
    List<ShellCommand> commands = root.commands();
    for (int i = 0; i < commands.size(); i++) {
      if (isBootcmd(commands.get(i))) {
        command(root, i, null, 0);
      }
    }
    for (CloudConfigFiles.WriteFile f : cloudConfig.files()) {
      write(f.path(), f.append(), f.content(), f.at(), "write_files");
    }
    for (int i = 0; i < commands.size(); i++) {
      if (!isBootcmd(commands.get(i))) {
        command(root, i, null, 0);
      }
    }
    rebooted |= cloudConfig.reboots();
    savedRuleFiles();
    Forwarding ipv4Forwarding = forwarding.result(files, rebooted);
    Set<Topic> unread = EnumSet.noneOf(Topic.class);
    String text = root.text();
    if (!forwarding.seen() && FORWARDING_MENTION.matcher(text).find()) {
      unread.add(Topic.FORWARDING);
    }
    if (!sawSourceNat && NAT_MENTION.matcher(text).find()) {
      unread.add(Topic.SOURCE_NAT);
    }
    if (!sawSourceDestCheck && SDC_MENTION.matcher(text).find()) {
      unread.add(Topic.SOURCE_DEST_CHECK);
    }
    return new HostFacts(rules, rejected, ipv4Forwarding, calls, unread);
  }

  private static boolean isBootcmd(ShellCommand c) {
    return c.part().endsWith("bootcmd");
  }

  // ------------------------------------------------------------------ one command

  private void command(UserData script, int index, @Nullable ScriptLine outer, int depth) {
    ShellCommand c = script.commands().get(index);
    ScriptLine at = outer != null ? outer : new ScriptLine(c.line(), c.part());
    current = at;
    beforeCommand.accept(c);
    String program = c.program().orElse("");
    List<HostValue> args = new ArrayList<>();
    for (ShellWord w : c.arguments()) {
      args.add(Words.value(w, script, index));
    }
    String stdin = stdin(script, index, 0);
    String stdout = stdout(script, index, stdin);
    for (ShellCommand.Redirect r : c.redirects()) {
      String op = r.operator();
      if (op.equals(">") || op.equals(">>") || op.equals(">|")) {
        Optional<String> path = Words.literal(r.target(), script, index);
        if (path.isPresent()) {
          String shown =
              stdout != null && !stdout.isBlank() && stdout.strip().indexOf('\n') < 0
                  ? program + " " + stdout.strip()
                  : program;
          write(path.get(), op.equals(">>"), stdout, at, shown + " " + op + " " + path.get());
        }
      }
    }
    if (Iptables.IPV4.contains(program) || Iptables.IPV6.contains(program)) {
      Family family = Iptables.IPV4.contains(program) ? Family.IPV4 : Family.IPV6;
      Iptables.command(args, family, at, program, null).ifPresent(this::rule);
      return;
    }
    if (Iptables.RESTORE_IPV4.contains(program) || Iptables.RESTORE_IPV6.contains(program)) {
      for (ShellCommand.Redirect r : c.redirects()) {
        if (r.operator().equals("<")) {
          Words.literal(r.target(), script, index).ifPresent(loadedRuleFiles::add);
        }
      }
      restore(program, args, stdin, at, script, index);
      return;
    }
    switch (program) {
      case "tee" -> tee(args, stdin, at);
      case "nft" -> nft(args, stdin, at, script, index);
      case "firewall-cmd", "firewall-offline-cmd" ->
          Firewalld.command(args, at, program).forEach(this::rule);
      case "sysctl" -> sysctl(args, at);
      case "aws" -> AwsCli.aws(args, at).ifPresent(this::call);
      case "sed" -> sed(args, at);
      case "cp", "mv", "install" -> copy(program, args, at);
      case "reboot" -> rebooted = true;
      case "shutdown" -> rebooted |= has(args, "-r") || has(args, "--reboot");
      case "init", "telinit" -> rebooted |= has(args, "6");
      case "systemctl" -> systemctl(args, at);
      case "service", "rc-service" -> {
        if (args.size() >= 2) {
          service(lit(args.get(0)), lit(args.get(1)), at, program + " " + lit(args.get(0)));
        }
      }
      case "procps", "network", "systemd-sysctl" -> {
        if (!args.isEmpty()) {
          service(program, lit(args.get(0)), at, program + " " + lit(args.get(0)));
        }
      }
      case "ufw" -> {
        if (has(args, "enable") || has(args, "reload")) {
          forwarding.load("/etc/ufw/sysctl.conf", files.get("/etc/ufw/sysctl.conf"), at, "ufw");
        }
      }
      default -> {
        AwsCli.apiTools(program, args, at).ifPresent(this::call);
        nested(script, index, c, program, args, at, depth);
      }
    }
  }

  // ------------------------------------------------------------------ files

  private void write(
      String rawPath, boolean append, @Nullable String content, ScriptLine at, String how) {
    String path = rawPath.strip().replaceAll("/+", "/");
    if (ForwardingState.PROC_FILES.contains(path)) {
      if (content != null) {
        forwarding.set(ForwardingState.KEYS.get(0), content, at, how);
      }
      return;
    }
    ScriptFile old = files.get(path);
    String text = content;
    if (content != null && append && old != null && old.content() != null) {
      text = old.content() + content;
    }
    files.put(path, new ScriptFile(text, at));
    if (text != null) {
      forwarding.written(text);
    }
  }

  /** What a command reads on standard input: its here-document, a file, or the pipe. */
  private @Nullable String stdin(UserData script, int index, int depth) {
    ShellCommand c = script.commands().get(index);
    for (ShellCommand.Redirect r : c.redirects()) {
      if (r.hereDocument() != null) {
        return r.hereDocument();
      }
      if (r.operator().equals("<<<")) {
        return Words.text(r.target(), script, index) + "\n";
      }
      if (r.operator().equals("<")) {
        return Words.literal(r.target(), script, index)
            .map(files::get)
            .map(ScriptFile::content)
            .orElse(null);
      }
    }
    int from = pipedFrom(script, index);
    if (from < 0 || depth >= MAX_PIPE) {
      return null;
    }
    return stdout(script, from, stdin(script, from, depth + 1));
  }

  /**
   * The command whose output is piped into command {@code index}. The model does not say which
   * commands form a pipeline; a writer ({@code echo}, {@code printf}, {@code cat}, {@code sysctl})
   * right before, on the same or the previous line and not redirecting its own output, is taken to
   * feed it.
   */
  private static int pipedFrom(UserData script, int index) {
    if (index == 0) {
      return -1;
    }
    ShellCommand c = script.commands().get(index);
    ShellCommand prev = script.commands().get(index - 1);
    String p = prev.program().orElse("");
    boolean writer =
        p.equals("echo") || p.equals("printf") || p.equals("cat") || p.equals("sysctl");
    boolean near = c.line() - prev.line() <= 1 && c.line() >= prev.line();
    return writer && near && prev.part().equals(c.part()) && prev.writtenFiles().isEmpty()
        ? index - 1
        : -1;
  }

  /** What a command writes on standard output, when netlint can tell. */
  private @Nullable String stdout(UserData script, int index, @Nullable String stdin) {
    ShellCommand c = script.commands().get(index);
    List<ShellWord> words = c.arguments();
    switch (c.program().orElse("")) {
      case "echo" -> {
        return echo(words, script, index);
      }
      case "printf" -> {
        return printf(words, script, index);
      }
      case "tee" -> {
        return stdin;
      }
      case "cat" -> {
        List<String> paths = new ArrayList<>();
        for (ShellWord w : words) {
          String t = Words.text(w, script, index);
          if (!t.startsWith("-")) {
            paths.add(t);
          }
        }
        if (paths.isEmpty() || paths.equals(List.of("-"))) {
          return stdin;
        }
        StringBuilder sb = new StringBuilder();
        for (String p : paths) {
          ScriptFile f = files.get(p);
          if (f == null || f.content() == null) {
            return null;
          }
          sb.append(f.content());
        }
        return sb.toString();
      }
      case "sysctl" -> {
        StringBuilder sb = new StringBuilder();
        for (ShellWord w : words) {
          String t = Words.text(w, script, index);
          int eq = t.indexOf('=');
          if (eq > 0 && !t.startsWith("-")) {
            sb.append(t, 0, eq).append(" = ").append(t.substring(eq + 1)).append('\n');
          }
        }
        return sb.toString();
      }
      default -> {
        return null;
      }
    }
  }

  private static String echo(List<ShellWord> words, UserData script, int index) {
    boolean newline = true;
    boolean escapes = false;
    int i = 0;
    while (i < words.size()) {
      String t = Words.text(words.get(i), script, index);
      if (!t.matches("-[neE]+")) {
        break;
      }
      newline &= !t.contains("n");
      escapes |= t.contains("e");
      i++;
    }
    List<String> parts = new ArrayList<>();
    for (; i < words.size(); i++) {
      parts.add(Words.text(words.get(i), script, index));
    }
    String text = String.join(" ", parts);
    return (escapes ? unescape(text) : text) + (newline ? "\n" : "");
  }

  private static String printf(List<ShellWord> words, UserData script, int index) {
    if (words.isEmpty()) {
      return "";
    }
    String format = unescape(Words.text(words.get(0), script, index));
    List<String> args = new ArrayList<>();
    for (ShellWord w : words.subList(1, words.size())) {
      args.add(Words.text(w, script, index));
    }
    StringBuilder out = new StringBuilder();
    int used = 0;
    do {
      int before = used;
      StringBuilder once = new StringBuilder();
      for (int i = 0; i < format.length(); i++) {
        char c = format.charAt(i);
        if (c == '%' && i + 1 < format.length()) {
          char spec = format.charAt(++i);
          if (spec == '%') {
            once.append('%');
          } else {
            once.append(used < args.size() ? args.get(used) : "");
            used++;
          }
        } else {
          once.append(c);
        }
      }
      out.append(once);
      if (used == before) {
        break;
      }
    } while (used < args.size());
    return out.toString();
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
  }

  private void tee(List<HostValue> args, @Nullable String stdin, ScriptLine at) {
    boolean append = has(args, "-a") || has(args, "--append");
    for (HostValue a : args) {
      Optional<String> path = a.literalText();
      if (path.isPresent() && !path.get().startsWith("-")) {
        write(path.get(), append, stdin, at, "tee " + path.get());
      }
    }
  }

  private void sed(List<HostValue> args, ScriptLine at) {
    boolean inPlace = false;
    List<String> expressions = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String t = lit(args.get(i));
      if (t.startsWith("-i") || t.startsWith("--in-place")) {
        inPlace = true;
      } else if ((t.equals("-e") || t.equals("--expression")) && i + 1 < args.size()) {
        expressions.add(lit(args.get(++i)));
      } else if (t.startsWith("--expression=")) {
        expressions.add(t.substring("--expression=".length()));
      } else if (t.equals("-f") && i + 1 < args.size()) {
        i++;
      } else if (!t.startsWith("-") || t.equals("-")) {
        paths.add(t);
      }
    }
    if (!inPlace) {
      return;
    }
    if (expressions.isEmpty() && !paths.isEmpty()) {
      expressions.add(paths.remove(0));
    }
    for (String expression : expressions) {
      String value = sedForwarding(expression);
      if (value == null) {
        continue;
      }
      for (String path : paths) {
        ScriptFile old = files.get(path);
        String before = old == null || old.content() == null ? "" : old.content();
        write(path, false, before + "\nnet.ipv4.ip_forward = " + value + "\n", at, "sed -i");
      }
    }
  }

  /**
   * The value of {@code net.ipv4.ip_forward} a {@code sed} expression leaves in a sysctl file: a
   * substitution that writes {@code ip_forward = 1}, or one that uncomments the line (Ubuntu and
   * Debian ship {@code #net.ipv4.ip_forward=1} commented out); null for other edits.
   */
  static @Nullable String sedForwarding(String expression) {
    if (!expression.contains("ip_forward") && !expression.contains("all.forwarding")) {
      return null;
    }
    Matcher m = SED_SUBSTITUTE.matcher(expression);
    if (!m.find()) {
      return null;
    }
    String pattern = m.group(2);
    String replacement = m.group(3);
    Matcher v = FORWARD_VALUE.matcher(replacement);
    if (v.find()) {
      return v.group(1);
    }
    boolean uncomment = pattern.matches("\\^?(\\s|\\\\s|\\*|\\[.*?\\])*#.*");
    boolean aboutForwarding =
        replacement.contains("ip_forward")
            || pattern.contains("ip_forward")
            || expression.substring(0, m.start()).contains("ip_forward");
    if (uncomment && aboutForwarding) {
      return FORWARD_VALUE.matcher(pattern).find() && pattern.matches(".*=\\s*0.*") ? "0" : "1";
    }
    return null;
  }

  private void copy(String program, List<HostValue> args, ScriptLine at) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String t = lit(args.get(i));
      if (program.equals("install") && (t.equals("-m") || t.equals("-o") || t.equals("-g"))) {
        i++;
      } else if (!t.startsWith("-") && !t.isEmpty()) {
        paths.add(t);
      }
    }
    if (paths.size() < 2) {
      return;
    }
    String target = paths.get(paths.size() - 1);
    boolean directory = target.endsWith("/") || KNOWN_DIRECTORIES.contains(target);
    for (String source : paths.subList(0, paths.size() - 1)) {
      ScriptFile f = files.get(source);
      if (f == null) {
        continue;
      }
      String to =
          directory
              ? target.replaceAll("/+$", "") + source.substring(source.lastIndexOf('/'))
              : target;
      write(to, false, f.content(), at, program + " " + source + " " + to);
      if (program.equals("mv")) {
        files.remove(source);
      }
    }
  }

  // ------------------------------------------------------------------ programs

  private void rule(PacketFilterRule r) {
    sawSourceNat |= r.isSourceNat();
    if (!r.rejection().isEmpty()) {
      rejected.add(r);
      return;
    }
    switch (r.operation()) {
      case FLUSH ->
          rules.removeIf(
              x ->
                  x.operation() != Operation.POLICY
                      && sameScope(x, r)
                      && (r.table().isEmpty() || x.table().equals(r.table()))
                      && (r.chain().isEmpty() || x.chain().equals(r.chain())));
      case DELETE -> {
        for (int i = 0; i < rules.size(); i++) {
          PacketFilterRule x = rules.get(i);
          if (x.operation() != Operation.POLICY
              && sameScope(x, r)
              && x.table().equals(r.table())
              && x.chain().equals(r.chain())
              && x.target().equals(r.target())
              && same(x.outInterface(), r.outInterface())
              && same(x.source(), r.source())) {
            rules.remove(i);
            break;
          }
        }
      }
      case POLICY -> {
        rules.removeIf(
            x ->
                x.operation() == Operation.POLICY
                    && sameScope(x, r)
                    && x.table().equals(r.table())
                    && x.chain().equals(r.chain()));
        rules.add(r);
      }
      default -> rules.add(r);
    }
  }

  private static boolean sameScope(PacketFilterRule a, PacketFilterRule b) {
    return a.tool() == b.tool()
        && (a.family() == b.family() || a.family() == Family.BOTH || b.family() == Family.BOTH);
  }

  private static boolean same(
      PacketFilterRule.@Nullable Match a, PacketFilterRule.@Nullable Match b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.negated() == b.negated() && a.value().text().equals(b.value().text());
  }

  private void restore(
      String program,
      List<HostValue> args,
      @Nullable String stdin,
      ScriptLine at,
      UserData script,
      int index) {
    boolean noflush = has(args, "-n") || has(args, "--noflush");
    String input = stdin;
    for (HostValue a : args) {
      Optional<String> path = a.literalText().filter(t -> !t.startsWith("-"));
      if (path.isPresent()) {
        loadedRuleFiles.add(path.get());
        ScriptFile f = files.get(path.get());
        input = f == null ? null : f.content();
      }
    }
    if (input == null) {
      return;
    }
    Family family = Iptables.RESTORE_IPV4.contains(program) ? Family.IPV4 : Family.IPV6;
    Iptables.restore(input, family, at, program, !noflush, script, index).forEach(this::rule);
  }

  private void nft(
      List<HostValue> args, @Nullable String stdin, ScriptLine at, UserData script, int index) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String t = args.get(i).literalText().orElse(args.get(i).text());
      if (t.equals("-c") || t.equals("--check")) {
        return;
      }
      if (t.equals("-f") || t.equals("--file")) {
        String path = i + 1 < args.size() ? lit(args.get(i + 1)) : "-";
        String text = path.equals("-") ? stdin : content(path);
        loadedRuleFiles.add(path);
        if (text != null) {
          Nftables.read(text, at, "nft -f " + path, script, index).forEach(this::rule);
        }
        return;
      }
      if (!(words.isEmpty() && t.startsWith("-"))) {
        words.add(t);
      }
    }
    if (!words.isEmpty()) {
      Nftables.read(String.join(" ", words), at, "nft", script, index).forEach(this::rule);
    }
  }

  private void sysctl(List<HostValue> args, ScriptLine at) {
    boolean load = false;
    boolean system = false;
    List<String> loadFiles = new ArrayList<>();
    for (HostValue a : args) {
      Optional<String> lit = a.literalText();
      if (lit.isEmpty()) {
        continue;
      }
      String t = lit.get();
      if (t.equals("--system")) {
        system = true;
      } else if (t.equals("-p") || t.equals("--load") || t.equals("-f")) {
        load = true;
      } else if (t.startsWith("--load=")) {
        load = true;
        loadFiles.add(t.substring("--load=".length()));
      } else if (t.startsWith("-p") && !t.startsWith("--")) {
        load = true;
        loadFiles.add(t.substring(2));
      } else if (t.startsWith("-")) {
        continue;
      } else if (t.contains("=")) {
        int eq = t.indexOf('=');
        forwarding.set(t.substring(0, eq), t.substring(eq + 1), at, "sysctl -w " + t);
      } else if (load) {
        loadFiles.add(t);
      }
    }
    if (system) {
      forwarding.loadSystem(files, at, "sysctl --system");
    }
    if (load) {
      if (loadFiles.isEmpty()) {
        loadFiles.add(ForwardingState.SYSCTL_CONF);
      }
      for (String pattern : loadFiles) {
        for (String path : matching(pattern)) {
          forwarding.load(path, files.get(path), at, "sysctl -p");
        }
      }
    }
  }

  /** The written files a path names, expanding a {@code *} glob as the shell would. */
  private List<String> matching(String pattern) {
    if (!pattern.contains("*")) {
      return List.of(pattern);
    }
    String regex = Pattern.quote(pattern).replace("*", "\\E[^/]*\\Q");
    return files.keySet().stream().filter(p -> p.matches(regex)).sorted().toList();
  }

  private void systemctl(List<HostValue> args, ScriptLine at) {
    List<String> words = new ArrayList<>();
    for (HostValue a : args) {
      String t = lit(a);
      if (!t.startsWith("-")) {
        words.add(t);
      }
    }
    if (words.isEmpty()) {
      return;
    }
    if (words.get(0).equals("reboot")) {
      rebooted = true;
      return;
    }
    for (String unit : words.subList(1, words.size())) {
      service(unit, words.get(0), at, "systemctl " + words.get(0) + " " + unit);
    }
  }

  /** A service started or restarted: some apply the sysctl files as they start. */
  private void service(String name, String verb, ScriptLine at, String how) {
    String unit = name.endsWith(".service") ? name.substring(0, name.length() - 8) : name;
    if (!RESTARTS.contains(verb)) {
      return;
    }
    // systemd-sysctl and procps apply the sysctl files; so do the initscripts' network service
    // (apply_sysctl) and OpenRC's sysctl service.
    if (Set.of("systemd-sysctl", "procps", "network", "sysctl").contains(unit)) {
      forwarding.loadSystem(files, at, how);
    }
  }

  private void call(AwsCliCall call) {
    calls.add(call);
    sawSourceDestCheck |=
        call.disablesSourceDestCheck()
            || call.options().containsKey("--source-dest-check")
            || call.flags().contains("--source-dest-check");
  }

  /** Scripts run through a shell, sourced, or executed from a file the script wrote. */
  private void nested(
      UserData script,
      int index,
      ShellCommand c,
      String program,
      List<HostValue> args,
      ScriptLine at,
      int depth) {
    String text = null;
    if (SHELLS.contains(program) || program.equals("su")) {
      for (int i = 0; i < args.size(); i++) {
        String t = lit(args.get(i));
        if (t.equals("-c") && i + 1 < args.size()) {
          text = Words.text(c.arguments().get(i + 1), script, index);
          break;
        }
        if (!t.startsWith("-") && !program.equals("su")) {
          text = content(t);
          break;
        }
      }
    } else if ((program.equals("source") || program.equals(".")) && !args.isEmpty()) {
      text = content(lit(args.get(0)));
    } else if (!c.words().isEmpty()) {
      ShellWord programWord = c.words().get(c.words().size() - c.arguments().size() - 1);
      text = Words.literal(programWord, script, index).map(this::content).orElse(null);
    }
    if (text == null || depth >= MAX_NESTING) {
      return;
    }
    UserData inner = UserDataReader.read(new Value.Text(text, root.origin()), root.origin());
    for (int i = 0; i < inner.commands().size(); i++) {
      command(inner, i, at, depth + 1);
    }
  }

  private @Nullable String content(String path) {
    ScriptFile f = files.get(path);
    return f == null ? null : f.content();
  }

  /**
   * Rule files that a firewall service loads at boot or when it starts, unless the script already
   * loaded them itself.
   */
  private void savedRuleFiles() {
    int end = root.commands().size();
    for (Map.Entry<String, ScriptFile> e : new ArrayList<>(files.entrySet())) {
      String path = e.getKey();
      String text = e.getValue().content();
      ScriptLine at = e.getValue().writtenAt();
      if (text == null || loadedRuleFiles.contains(path)) {
        continue;
      }
      if (IPV4_RULE_FILES.contains(path) || IPV6_RULE_FILES.contains(path)) {
        Family family = IPV4_RULE_FILES.contains(path) ? Family.IPV4 : Family.IPV6;
        Iptables.restore(text, family, at, path, false, root, end).forEach(this::rule);
      } else if (path.equals("/etc/nftables.conf")
          || path.equals("/etc/sysconfig/nftables.conf")
          || path.startsWith("/etc/nftables/")
          || path.startsWith("/etc/nftables.d/")) {
        Nftables.read(text, at, path, root, end).forEach(this::rule);
      }
    }
  }

  private static boolean has(List<HostValue> args, String flag) {
    return args.stream().anyMatch(a -> a.literalText().filter(flag::equals).isPresent());
  }

  private static String lit(HostValue v) {
    return v.literalText().orElse("");
  }
}
