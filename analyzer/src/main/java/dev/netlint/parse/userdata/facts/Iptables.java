package dev.netlint.parse.userdata.facts;

import dev.netlint.model.HostValue;
import dev.netlint.model.PacketFilterRule;
import dev.netlint.model.PacketFilterRule.Family;
import dev.netlint.model.PacketFilterRule.Match;
import dev.netlint.model.PacketFilterRule.Operation;
import dev.netlint.model.ScriptLine;
import dev.netlint.model.UserData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code iptables}/{@code ip6tables} arguments and {@code iptables-restore} input (also the
 * format of {@code /etc/sysconfig/iptables}, {@code /etc/iptables/rules.v4} and {@code
 * /etc/ufw/before.rules}) as packet-filter rules.
 *
 * <p>See <a href="https://ipset.netfilter.org/iptables.man.html">iptables(8)</a> and <a
 * href="https://ipset.netfilter.org/iptables-restore.man.html">iptables-restore(8)</a>.
 */
final class Iptables {
  private Iptables() {}

  /** Program names of iptables for IPv4. */
  static final Set<String> IPV4 = Set.of("iptables", "iptables-legacy", "iptables-nft");

  /** Program names of iptables for IPv6. */
  static final Set<String> IPV6 = Set.of("ip6tables", "ip6tables-legacy", "ip6tables-nft");

  /** Program names of iptables-restore for IPv4. */
  static final Set<String> RESTORE_IPV4 =
      Set.of("iptables-restore", "iptables-legacy-restore", "iptables-nft-restore");

  /** Program names of iptables-restore for IPv6. */
  static final Set<String> RESTORE_IPV6 =
      Set.of("ip6tables-restore", "ip6tables-legacy-restore", "ip6tables-nft-restore");

  /** Options that take no value. */
  private static final Set<String> FLAGS =
      Set.of(
          "-n",
          "--numeric",
          "-v",
          "--verbose",
          "-x",
          "--exact",
          "--line-numbers",
          "-4",
          "-6",
          "--ipv4",
          "--ipv6",
          "-f",
          "--fragment",
          "--random",
          "--random-fully",
          "--persistent",
          "--syn",
          "--log-uid",
          "--rsource",
          "--rdest",
          "--set",
          "--update",
          "--rcheck",
          "--remove",
          "--clamp-mss-to-pmtu",
          "--log-ip-options",
          "--log-tcp-options",
          "--log-tcp-sequence",
          "--strict",
          "--next",
          "--nodst");

  /**
   * Reads one iptables command.
   *
   * @param args the arguments after the program name
   * @param table the table when the caller already knows it (iptables-restore), or null
   * @return the rule, or empty for commands that list, save or create chains
   */
  static Optional<PacketFilterRule> command(
      List<HostValue> args, Family family, ScriptLine at, String via, @Nullable String table) {
    Parse p = new Parse(table == null ? "filter" : table);
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i).literalText().orElse("");
      String value = null;
      int eq = a.startsWith("--") ? a.indexOf('=') : -1;
      if (eq > 0) {
        value = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      if (a.equals("!")) {
        p.negated = true;
        continue;
      }
      boolean hasNext = i + 1 < args.size();
      switch (a) {
        case "-t", "--table" -> {
          if (value != null) {
            p.table = value;
          } else if (hasNext) {
            p.table = lit(args.get(++i));
          }
        }
        case "-A", "--append" -> i = p.chain(Operation.APPEND, args, i, false);
        case "-I", "--insert" -> i = p.chain(Operation.INSERT, args, i, true);
        case "-R", "--replace" -> i = p.chain(Operation.REPLACE, args, i, true);
        case "-D", "--delete" -> i = p.chain(Operation.DELETE, args, i, false);
        case "-F", "--flush" -> {
          p.operation = Operation.FLUSH;
          if (hasNext && !isOption(args.get(i + 1))) {
            p.chain = lit(args.get(++i));
          }
        }
        case "-P", "--policy" -> {
          p.operation = Operation.POLICY;
          if (i + 2 < args.size()) {
            p.chain = lit(args.get(++i));
            p.target = lit(args.get(++i)).toUpperCase(Locale.ROOT);
          }
        }
        case "-i", "--in-interface" -> {
          p.in = p.match(args, i, value);
          i += p.consumed;
        }
        case "-o", "--out-interface" -> {
          p.out = p.match(args, i, value);
          i += p.consumed;
        }
        case "-s", "--source", "--src" -> {
          p.source = p.match(args, i, value);
          i += p.consumed;
        }
        case "-d", "--destination", "--dst" -> {
          p.destination = p.match(args, i, value);
          i += p.consumed;
        }
        case "-p", "--protocol" -> {
          if (hasNext) {
            p.protocol = lit(args.get(++i)).toLowerCase(Locale.ROOT);
          }
        }
        case "--dport", "--destination-port", "--dports", "--destination-ports" -> {
          if (hasNext) {
            p.port = lit(args.get(++i));
          }
        }
        case "-j", "--jump", "-g", "--goto" -> {
          if (value != null) {
            p.target = value.toUpperCase(Locale.ROOT);
          } else if (hasNext) {
            p.target = lit(args.get(++i)).toUpperCase(Locale.ROOT);
          }
        }
        case "-L",
            "--list",
            "-S",
            "--list-rules",
            "-N",
            "--new-chain",
            "-X",
            "--delete-chain",
            "-Z",
            "--zero",
            "-E",
            "--rename-chain",
            "-C",
            "--check",
            "-h",
            "--help" -> {
          return Optional.empty();
        }
        default -> {
          p.negated = false;
          if (a.startsWith("-")
              && value == null
              && !FLAGS.contains(a)
              && hasNext
              && !isOption(args.get(i + 1))) {
            i++;
          }
        }
      }
    }
    if (p.operation == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PacketFilterRule(
            at,
            PacketFilterRule.Tool.IPTABLES,
            family,
            p.table,
            p.operation,
            p.chain,
            p.in,
            p.out,
            p.source,
            p.destination,
            p.protocol,
            p.port,
            p.target,
            via,
            p.rejection));
  }

  /**
   * Reads iptables-restore input.
   *
   * @param flush true when loading the input replaces the tables it names (iptables-restore without
   *     {@code --noflush}); a flush of each table then comes first
   * @param index the command whose variables {@code $NAME} in the text are looked up at
   */
  static List<PacketFilterRule> restore(
      String text,
      Family family,
      ScriptLine at,
      String via,
      boolean flush,
      UserData script,
      int index) {
    List<PacketFilterRule> rules = new ArrayList<>();
    Set<String> tables = new LinkedHashSet<>();
    String table = "filter";
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.equals("COMMIT")) {
        continue;
      }
      if (line.startsWith("*")) {
        table = line.substring(1).strip();
        tables.add(table);
      } else if (line.startsWith(":")) {
        String[] parts = line.substring(1).split("\\s+");
        if (parts.length >= 2 && !parts[1].equals("-")) {
          rules.add(
              new PacketFilterRule(
                  at,
                  PacketFilterRule.Tool.IPTABLES,
                  family,
                  table,
                  Operation.POLICY,
                  parts[0],
                  null,
                  null,
                  null,
                  null,
                  "",
                  "",
                  parts[1].toUpperCase(Locale.ROOT),
                  via,
                  ""));
        }
      } else if (line.startsWith("-")) {
        List<HostValue> args = new ArrayList<>();
        for (String token : Words.split(line)) {
          args.add(Words.token(token, script, index));
        }
        command(args, family, at, via, table).ifPresent(rules::add);
      }
    }
    if (flush) {
      List<PacketFilterRule> flushes = new ArrayList<>();
      for (String t : tables) {
        flushes.add(
            new PacketFilterRule(
                at,
                PacketFilterRule.Tool.IPTABLES,
                family,
                t,
                Operation.FLUSH,
                "",
                null,
                null,
                null,
                null,
                "",
                "",
                "",
                via,
                ""));
      }
      flushes.addAll(rules);
      return flushes;
    }
    return rules;
  }

  private static String lit(HostValue v) {
    return v.literalText().orElse(v.text());
  }

  private static boolean isOption(HostValue v) {
    return v.literalText()
        .filter(t -> t.startsWith("-") && t.length() > 1 || t.equals("!"))
        .isPresent();
  }

  /** The rule being read. */
  private static final class Parse {
    String table;
    @Nullable Operation operation;
    String chain = "";
    @Nullable Match in;
    @Nullable Match out;
    @Nullable Match source;
    @Nullable Match destination;
    String protocol = "";
    String port = "";
    String target = "";
    String rejection = "";
    boolean negated;

    Parse(String table) {
      this.table = table;
    }

    int chain(Operation op, List<HostValue> args, int i, boolean ruleNumber) {
      operation = op;
      if (i + 1 < args.size()) {
        chain = lit(args.get(++i));
        if (ruleNumber
            && i + 1 < args.size()
            && args.get(i + 1).literalText().filter(t -> t.matches("\\d+")).isPresent()) {
          i++;
        }
      }
      return i;
    }

    /** How many words after the option {@link #match} used. */
    int consumed;

    @Nullable Match match(List<HostValue> args, int i, @Nullable String inline) {
      boolean neg = negated;
      negated = false;
      consumed = inline == null ? 1 : 0;
      if (inline != null) {
        return new Match(HostValue.literal(inline), neg);
      }
      if (i + 1 >= args.size()) {
        return null;
      }
      HostValue v = args.get(i + 1);
      if (v.literalText().filter(t -> t.startsWith("-") && t.length() > 1).isPresent()) {
        // The value expanded to nothing and vanished: getopt takes the next option as the value
        // and the program rejects the word after it.
        String option = args.get(i).literalText().orElse("");
        rejection =
            option
                + " has no value (the word after it expanded to nothing), so iptables takes "
                + v.literalText().orElse("")
                + " as its value and rejects the command";
        consumed = 0;
        return new Match(HostValue.literal(""), neg);
      }
      // Old syntax: -d ! 10.0.0.0/8
      if (v.literalText().filter(t -> t.equals("!")).isPresent() && i + 2 < args.size()) {
        return new Match(args.get(i + 2), true);
      }
      return new Match(v, neg);
    }
  }
}
