package dev.netlint.parse.userdata.facts;

import dev.netlint.model.HostValue;
import dev.netlint.model.PacketFilterRule;
import dev.netlint.model.PacketFilterRule.Family;
import dev.netlint.model.PacketFilterRule.Match;
import dev.netlint.model.PacketFilterRule.Operation;
import dev.netlint.model.ScriptLine;
import dev.netlint.model.UserData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads nftables rules from {@code nft} command lines ({@code nft add rule ip nat postrouting
 * oifname "eth0" masquerade}) and from ruleset files ({@code nft -f}, {@code /etc/nftables.conf})
 * in both the flat ({@code add rule ...}) and the block ({@code table ip nat { chain postrouting {
 * ... } }}) syntax. Statements netlint does not need are skipped.
 *
 * <p>See <a href="https://www.netfilter.org/projects/nftables/manpage.html">nft(8)</a>.
 */
final class Nftables {
  private static final Set<String> FAMILIES =
      Set.of("ip", "ip6", "inet", "arp", "bridge", "netdev");
  private static final Map<String, String> VERDICTS =
      Map.of(
          "masquerade", "MASQUERADE",
          "snat", "SNAT",
          "dnat", "DNAT",
          "redirect", "REDIRECT",
          "accept", "ACCEPT",
          "drop", "DROP",
          "reject", "REJECT");

  private final List<String> tokens;
  private final ScriptLine at;
  private final String via;
  private final UserData script;
  private final int index;
  private final Map<String, String> defines = new HashMap<>();
  private final List<PacketFilterRule> rules = new ArrayList<>();
  private int pos;

  private Nftables(String text, ScriptLine at, String via, UserData script, int index) {
    this.tokens = tokenize(text);
    this.at = at;
    this.via = via;
    this.script = script;
    this.index = index;
  }

  /**
   * Reads nftables commands or a ruleset file.
   *
   * @param index the command whose shell variables a {@code $NAME} not defined in the text is
   *     looked up at
   */
  static List<PacketFilterRule> read(
      String text, ScriptLine at, String via, UserData script, int index) {
    Nftables n = new Nftables(text, at, via, script, index);
    n.commands();
    return n.rules;
  }

  // ------------------------------------------------------------------ tokens

  private static final String END = ";";

  private static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        int end = text.indexOf('"', i + 1);
        end = end < 0 ? text.length() : end + 1;
        cur.append(text, i, end);
        i = end;
        continue;
      }
      if (c == '#') {
        flush(cur, out);
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i += 2;
        continue;
      }
      if (c == '\n' || c == ';') {
        flush(cur, out);
        out.add(END);
      } else if (c == '{' || c == '}' || c == ',') {
        flush(cur, out);
        out.add(String.valueOf(c));
      } else if (Character.isWhitespace(c)) {
        flush(cur, out);
      } else {
        cur.append(c);
      }
      i++;
    }
    flush(cur, out);
    out.add(END);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  private @Nullable String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String next() {
    return pos < tokens.size() ? tokens.get(pos++) : END;
  }

  /** The tokens up to the end of the statement, with nested braces kept. */
  private List<String> statement() {
    List<String> s = new ArrayList<>();
    int depth = 0;
    while (pos < tokens.size()) {
      String t = tokens.get(pos);
      if (depth == 0 && (t.equals(END) || t.equals("}"))) {
        if (t.equals(END)) {
          pos++;
        }
        break;
      }
      if (t.equals("{")) {
        depth++;
      } else if (t.equals("}")) {
        depth--;
      }
      s.add(t);
      pos++;
    }
    return s;
  }

  private void skipBlock() {
    int depth = 0;
    while (pos < tokens.size()) {
      String t = tokens.get(pos++);
      if (t.equals("{")) {
        depth++;
      } else if (t.equals("}")) {
        depth--;
        if (depth <= 0) {
          return;
        }
      }
    }
  }

  // ------------------------------------------------------------------ grammar

  private void commands() {
    while (pos < tokens.size()) {
      String t = next();
      switch (t) {
        case END, "}" -> {}
        case "add", "create", "insert", "replace" -> add(t);
        case "table" -> table();
        case "flush" -> flushCommand();
        case "define", "redefine" -> define();
        default -> {
          if (t.equals("{")) {
            pos--;
            skipBlock();
          } else {
            statement();
          }
        }
      }
    }
  }

  private void define() {
    List<String> s = statement();
    if (s.size() >= 3 && s.get(1).equals("=")) {
      defines.put(s.get(0), String.join(" ", s.subList(2, s.size())));
    }
  }

  private void add(String verb) {
    String what = next();
    switch (what) {
      case "table" -> table();
      case "chain" -> {
        String[] name = familyTableName();
        String chain = next();
        if ("{".equals(peek())) {
          next();
          chainBody(family(name[0]), name[1], chain);
        } else {
          statement();
        }
      }
      case "rule" -> {
        String[] name = familyTableName();
        String chain = next();
        List<String> s = statement();
        // position/handle/index N come before the statement
        while (s.size() >= 2 && Set.of("position", "handle", "index").contains(s.get(0))) {
          s = s.subList(2, s.size());
        }
        Operation op = verb.equals("insert") ? Operation.INSERT : Operation.APPEND;
        rule(s, family(name[0]), name[1], chain, op);
      }
      default -> statement();
    }
  }

  /** [family] table, as in {@code add chain ip nat postrouting}. */
  private String[] familyTableName() {
    String first = next();
    if (FAMILIES.contains(first)) {
      return new String[] {first, next()};
    }
    return new String[] {"ip", first};
  }

  private void table() {
    String[] name = familyTableName();
    if (!"{".equals(peek())) {
      statement();
      return;
    }
    next();
    Family family = family(name[0]);
    while (pos < tokens.size()) {
      String t = next();
      if (t.equals("}")) {
        return;
      }
      if (t.equals("chain")) {
        String chain = next();
        if ("{".equals(peek())) {
          next();
          chainBody(family, name[1], chain);
        }
      } else if (t.equals("{")) {
        pos--;
        skipBlock();
      } else if (!t.equals(END)) {
        // set, map, flowtable and other named objects
        while (pos < tokens.size()
            && !"{".equals(peek())
            && !END.equals(peek())
            && !"}".equals(peek())) {
          next();
        }
        if ("{".equals(peek())) {
          skipBlock();
        }
      }
    }
  }

  private void chainBody(Family family, String table, String chain) {
    while (pos < tokens.size()) {
      if ("}".equals(peek())) {
        next();
        return;
      }
      List<String> s = statement();
      if (s.isEmpty()) {
        if (pos < tokens.size() && !"}".equals(peek()) && !END.equals(peek())) {
          next();
        }
        continue;
      }
      if (s.get(0).equals("type")) {
        // type nat hook postrouting priority 100; the policy follows as its own statement
        continue;
      }
      if (s.get(0).equals("policy") && s.size() >= 2) {
        rules.add(
            rule(
                family,
                table,
                chain,
                Operation.POLICY,
                null,
                null,
                null,
                null,
                "",
                "",
                s.get(1).toUpperCase(Locale.ROOT)));
        continue;
      }
      rule(s, family, table, chain, Operation.APPEND);
    }
  }

  private void flushCommand() {
    List<String> s = statement();
    if (s.isEmpty()) {
      return;
    }
    String table = "";
    String chain = "";
    Family family = Family.BOTH;
    if (s.get(0).equals("table") && s.size() >= 2) {
      boolean fam = FAMILIES.contains(s.get(1)) && s.size() >= 3;
      family = fam ? family(s.get(1)) : Family.IPV4;
      table = fam ? s.get(2) : s.get(1);
    } else if (s.get(0).equals("chain") && s.size() >= 3) {
      boolean fam = FAMILIES.contains(s.get(1)) && s.size() >= 4;
      family = fam ? family(s.get(1)) : Family.IPV4;
      table = fam ? s.get(2) : s.get(1);
      chain = fam ? s.get(3) : s.get(2);
    } else if (!s.get(0).equals("ruleset")) {
      return;
    }
    rules.add(rule(family, table, chain, Operation.FLUSH, null, null, null, null, "", "", ""));
  }

  private void rule(List<String> s, Family family, String table, String chain, Operation op) {
    Match in = null;
    Match out = null;
    Match source = null;
    Match destination = null;
    String protocol = "";
    String port = "";
    String target = "";
    for (int i = 0; i < s.size(); i++) {
      String t = s.get(i);
      String verdict = VERDICTS.get(t);
      if (verdict != null) {
        if (target.isEmpty() || verdict.equals("MASQUERADE") || verdict.equals("SNAT")) {
          target = verdict;
        }
        continue;
      }
      switch (t) {
        case "oifname", "oif" -> {
          out = match(s, i);
          i = skipMatch(s, i);
        }
        case "iifname", "iif" -> {
          in = match(s, i);
          i = skipMatch(s, i);
        }
        case "saddr" -> {
          source = match(s, i);
          i = skipMatch(s, i);
        }
        case "daddr" -> {
          destination = match(s, i);
          i = skipMatch(s, i);
        }
        case "tcp", "udp", "sctp" -> {
          if (i + 2 < s.size() && s.get(i + 1).equals("dport")) {
            protocol = t;
            port = s.get(i + 2);
            i += 2;
          }
        }
        default -> {}
      }
    }
    if (!target.isEmpty()) {
      rules.add(
          rule(family, table, chain, op, in, out, source, destination, protocol, port, target));
    }
  }

  private PacketFilterRule rule(
      Family family,
      String table,
      String chain,
      Operation op,
      @Nullable Match in,
      @Nullable Match out,
      @Nullable Match source,
      @Nullable Match destination,
      String protocol,
      String port,
      String target) {
    return new PacketFilterRule(
        at,
        PacketFilterRule.Tool.NFTABLES,
        family,
        table,
        op,
        chain,
        in,
        out,
        source,
        destination,
        protocol,
        port,
        target,
        via,
        "");
  }

  private @Nullable Match match(List<String> s, int i) {
    int j = i + 1;
    boolean negated = false;
    if (j < s.size() && (s.get(j).equals("!=") || s.get(j).equals("=="))) {
      negated = s.get(j).equals("!=");
      j++;
    }
    if (j >= s.size()) {
      return null;
    }
    String v = s.get(j);
    if (v.equals("{")) {
      // An anonymous set of names: which one the host has is not a single value.
      return new Match(new HostValue(HostValue.Kind.UNKNOWN, "{...}", "", null), negated);
    }
    return new Match(value(v), negated);
  }

  private static int skipMatch(List<String> s, int i) {
    int j = i + 1;
    if (j < s.size() && (s.get(j).equals("!=") || s.get(j).equals("=="))) {
      j++;
    }
    if (j < s.size() && s.get(j).equals("{")) {
      while (j < s.size() && !s.get(j).equals("}")) {
        j++;
      }
    }
    return j;
  }

  private HostValue value(String token) {
    if (token.startsWith("$") && defines.containsKey(token.substring(1))) {
      return Words.token(defines.get(token.substring(1)), script, index);
    }
    return Words.token(token, script, index);
  }

  private static Family family(String name) {
    return switch (name) {
      case "ip6" -> Family.IPV6;
      case "inet" -> Family.BOTH;
      default -> Family.IPV4;
    };
  }
}
