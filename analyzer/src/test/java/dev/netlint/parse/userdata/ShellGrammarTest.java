package dev.netlint.parse.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Origin;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ShellCommand;
import dev.netlint.model.ShellWord;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shell grammar construct by construct, and its recovery from what it cannot read. */
class ShellGrammarTest {

  private static final String P0 =
      ShellScanner.PLACEHOLDER_START + "0" + ShellScanner.PLACEHOLDER_END;

  private static final Value VPC_CIDR =
      new Value.Attribute(
          new ResourceId("S", "Vpc"),
          "CidrBlock",
          new Origin(new SourceLocation("t.yaml", 1, 1), List.of()));

  private static ShellScanner.Result result(String script) {
    return ShellScanner.scan(script, List.of(VPC_CIDR), "", 0);
  }

  private static List<ShellCommand> scan(String script) {
    ShellScanner.Result r = result(script);
    assertThat(r.unparsedLines()).as("unparsed lines of %s", script).isEmpty();
    return r.commands();
  }

  private static ShellCommand only(String script) {
    List<ShellCommand> cs = scan(script);
    assertThat(cs).as("commands of %s", script).hasSize(1);
    return cs.get(0);
  }

  private static List<String> words(ShellCommand c) {
    return c.words().stream().map(ShellWord::display).toList();
  }

  private static List<String> programs(List<ShellCommand> cs) {
    return cs.stream().map(c -> c.program().orElse("?")).toList();
  }

  private static List<ShellWord.Segment> segments(ShellWord w) {
    return w.segments();
  }

  @Nested
  class Quoting {

    @Test
    void singleQuotesKeepEverythingLiteral() {
      ShellCommand c = only("echo 'a  b $x \"c\" `d` \\e'\n");
      assertThat(c.words().get(1).literalText()).contains("a  b $x \"c\" `d` \\e");
    }

    @Test
    void doubleQuotesExpandVariablesAndSubstitutions() {
      ShellCommand c = only("echo \"a $B ${C:-d} $(e \"f\") `g` \\$h \\\"i\\\" \\j\"\n");
      assertThat(segments(c.words().get(1)))
          .containsExactly(
              new ShellWord.Literal("a "),
              new ShellWord.Variable("B"),
              new ShellWord.Literal(" "),
              new ShellWord.Variable("C"),
              new ShellWord.Literal(" "),
              new ShellWord.CommandSubstitution("e \"f\""),
              new ShellWord.Literal(" "),
              new ShellWord.CommandSubstitution("g"),
              new ShellWord.Literal(" $h \"i\" \\j"));
    }

    @Test
    void ansiCQuotingDecodesEscapes() {
      ShellCommand c = only("printf $'a\\tb\\x41\\101\\n\\'' x\n");
      assertThat(c.words().get(1).literalText()).contains("a\tbAA\n'");
    }

    @Test
    void localeQuotingIsDoubleQuoting() {
      ShellCommand c = only("echo $\"hello $USER\"\n");
      assertThat(segments(c.words().get(1)))
          .containsExactly(new ShellWord.Literal("hello "), new ShellWord.Variable("USER"));
    }

    @Test
    void backslashEscapesOneCharacter() {
      ShellCommand c = only("echo a\\ b \\$c \\\\d\n");
      assertThat(c.words())
          .extracting(w -> w.literalText().orElse("?"))
          .containsExactly("echo", "a b", "$c", "\\d");
    }

    @Test
    void adjacentPartsMakeOneWord() {
      ShellCommand c = only("echo pre'single'\"double\"$VAR'tail'\n");
      assertThat(c.words()).hasSize(2);
      assertThat(segments(c.words().get(1)))
          .containsExactly(
              new ShellWord.Literal("presingledouble"),
              new ShellWord.Variable("VAR"),
              new ShellWord.Literal("tail"));
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
      ShellCommand c = only("iptables -o \"\" -j MASQUERADE\n");
      assertThat(c.arguments().get(1).literalText()).contains("");
      assertThat(c.arguments()).hasSize(4);
    }

    @Test
    void quotesSpanLines() {
      List<ShellCommand> cs = scan("echo 'a\nb' \"c\nd\"\necho e\n");
      assertThat(cs.get(0).words().get(1).literalText()).contains("a\nb");
      assertThat(cs.get(0).words().get(2).literalText()).contains("c\nd");
      assertThat(cs.get(1).line()).isEqualTo(4);
    }

    @Test
    void reservedWordsAreOrdinaryArguments() {
      ShellCommand c = only("echo if then fi done { } ! in case esac\n");
      assertThat(words(c))
          .containsExactly("echo", "if", "then", "fi", "done", "{", "}", "!", "in", "case", "esac");
    }
  }

  @Nested
  class Expansions {

    @Test
    void parameterExpansionsNameTheirVariable() {
      ShellCommand c = only("echo $A ${B} ${C:-x} ${D%%.*} ${#E} $1 $@ $? ${F/\\//_}\n");
      assertThat(c.arguments())
          .extracting(w -> w.soleVariable().orElse("?"))
          .containsExactly("A", "B", "C", "D", "#E", "1", "@", "?", "F");
    }

    @Test
    void nestedCommandSubstitutionsStayOneSegment() {
      ShellCommand c = only("X=$(echo $(echo \"$(date +%s)\") 'a)b')\n");
      assertThat(c.words()).isEmpty();
      assertThat(segments(c.assignments().get("X")))
          .containsExactly(new ShellWord.CommandSubstitution("echo $(echo \"$(date +%s)\") 'a)b'"));
    }

    @Test
    void substitutionsInsideDoubleQuotesInsideSubstitutions() {
      ShellCommand c = only("IF=\"$(ip route | awk '/default/ {print $5}' | head -1)\"\n");
      assertThat(c.assignments().get("IF").hasCommandSubstitution()).isTrue();
      assertThat(c.assignments().get("IF").display())
          .isEqualTo("$(ip route | awk '/default/ {print $5}' | head -1)");
    }

    @Test
    void backquotesAndArithmetic() {
      ShellCommand c = only("echo `uname -r` $((1 + (2 * 3))) \"$((N+1))\"\n");
      assertThat(c.arguments())
          .extracting(ShellWord::display)
          .containsExactly("$(uname -r)", "$((1 + (2 * 3)))", "$((N+1))");
    }

    @Test
    void processSubstitutionIsASubstitution() {
      ShellCommand c = only("diff <(sort a) <(sort b)\n");
      assertThat(c.arguments()).allMatch(ShellWord::hasCommandSubstitution).hasSize(2);
    }

    @Test
    void loneDollarIsLiteral() {
      ShellCommand c = only("echo $ \"a$\" b$\n");
      assertThat(c.arguments())
          .extracting(w -> w.literalText().orElse("?"))
          .containsExactly("$", "a$", "b$");
    }

    @Test
    void caseInsideCommandSubstitutionClosesAtItsParenthesis() {
      List<ShellCommand> cs =
          scan("X=$(case $A in a) echo 1;; (b) echo 2;; esac)\niptables -o eth0\n");
      assertThat(cs).hasSize(2);
      assertThat(cs.get(0).assignments().get("X").hasCommandSubstitution()).isTrue();
      assertThat(cs.get(1).program()).contains("iptables");
    }
  }

  @Nested
  class Placeholders {

    @Test
    void placeholdersBecomeValuesInEveryQuotingForm() {
      ShellCommand c =
          only("iptables -s " + P0 + " -d '" + P0 + "' -m \"x" + P0 + "y\" -n $'" + P0 + "'\n");
      assertThat(c.arguments())
          .filteredOn(ShellWord::hasPlaceholder)
          .extracting(ShellWord::display)
          .containsExactly(
              "${Vpc.CidrBlock}", "${Vpc.CidrBlock}", "x${Vpc.CidrBlock}y", "${Vpc.CidrBlock}");
      assertThat(segments(c.arguments().get(1)))
          .containsExactly(new ShellWord.Placeholder(VPC_CIDR));
    }

    @Test
    void placeholdersInAssignmentsAndSubstitutionsAndHereDocuments() {
      List<ShellCommand> cs =
          scan("CIDR=" + P0 + "\nX=$(echo " + P0 + ")\ncat <<EOF\nallow " + P0 + "\nEOF\n");
      assertThat(segments(cs.get(0).assignments().get("CIDR")))
          .containsExactly(new ShellWord.Placeholder(VPC_CIDR));
      assertThat(cs.get(1).assignments().get("X").display()).isEqualTo("$(echo ${Vpc.CidrBlock})");
      // Here-document bodies keep the numbered marker: their readers need the value behind it.
      assertThat(cs.get(2).hereDocument()).contains("allow " + P0 + "\n");
    }

    @Test
    void anIndexThatIsNotOursStaysText() {
      String odd = ShellScanner.PLACEHOLDER_START + "7" + ShellScanner.PLACEHOLDER_END;
      ShellCommand c = only("echo " + odd + "\n");
      assertThat(c.arguments().get(0).literalText()).contains(odd);
    }
  }

  @Nested
  class HereDocuments {

    @Test
    void bodyIsKeptAndIsNotCommands() {
      List<ShellCommand> cs =
          scan(
              "cat <<EOF > /etc/sysctl.d/nat.conf\nnet.ipv4.ip_forward = 1\n"
                  + "iptables -o eth0 'unbalanced \"\nEOF\necho done\n");
      assertThat(programs(cs)).containsExactly("cat", "echo");
      assertThat(cs.get(0).hereDocument())
          .contains("net.ipv4.ip_forward = 1\niptables -o eth0 'unbalanced \"\n");
      assertThat(cs.get(0).writtenFiles())
          .extracting(ShellWord::display)
          .containsExactly("/etc/sysctl.d/nat.conf");
      assertThat(cs.get(1).line()).isEqualTo(5);
    }

    @Test
    void quotedDelimitersAreUnquoted() {
      for (String delimiter : List.of("'EOF'", "\"EOF\"", "\\EOF", "E\"O\"F")) {
        ShellCommand c = scan("cat << " + delimiter + "\n$X `y`\nEOF\n").get(0);
        assertThat(c.redirects().get(0).target().literalText()).as(delimiter).contains("EOF");
        assertThat(c.hereDocument()).as(delimiter).contains("$X `y`\n");
      }
    }

    @Test
    void dashStripsLeadingTabs() {
      ShellCommand c = only("cat <<-END\n\tone\n\t\ttwo\n\tEND\n");
      assertThat(c.redirects().get(0).operator()).isEqualTo("<<-");
      assertThat(c.hereDocument()).contains("one\ntwo\n");
    }

    @Test
    void twoOnOneLineAreReadInOrder() {
      ShellCommand c = only("cat <<A - <<B\nfirst\nA\nsecond\nB\n");
      assertThat(c.redirects())
          .extracting(ShellCommand.Redirect::hereDocument)
          .containsExactly("first\n", "second\n");
    }

    @Test
    void operatorLineGoesOnAfterTheOperator() {
      List<ShellCommand> cs =
          scan("cat <<EOF | tee -a /etc/sysctl.conf && sysctl -p\nnet.ipv4.ip_forward=1\nEOF\n");
      assertThat(programs(cs)).containsExactly("cat", "tee", "sysctl");
      assertThat(cs.get(0).hereDocument()).contains("net.ipv4.ip_forward=1\n");
    }

    @Test
    void insideCommandSubstitution() {
      List<ShellCommand> cs = scan("CONF=$(cat <<EOF\nx ) y\nEOF\n)\necho $CONF\n");
      assertThat(programs(cs)).containsExactly("?", "echo");
      assertThat(cs.get(1).line()).isEqualTo(5);
    }

    @Test
    void indentedDelimiterAndCarriageReturnsAreAccepted() {
      List<ShellCommand> cs = scan("cat <<EOF\r\nbody\r\n    EOF\r\necho after\r\n");
      assertThat(cs.get(0).hereDocument()).contains("body\n");
      assertThat(programs(cs)).containsExactly("cat", "echo");
    }

    @Test
    void unterminatedBodyRunsToTheEnd() {
      List<ShellCommand> cs = scan("cat <<EOF\nline\niptables -o eth0\n");
      assertThat(programs(cs)).containsExactly("cat");
      assertThat(cs.get(0).hereDocument()).contains("line\niptables -o eth0\n");
    }

    @Test
    void hereStringHasNoBody() {
      ShellCommand c = only("grep x <<< \"$A\"\n");
      assertThat(c.redirects().get(0).operator()).isEqualTo("<<<");
      assertThat(c.redirects().get(0).hereDocument()).isNull();
      assertThat(c.hereDocument()).isEmpty();
    }
  }

  @Nested
  class Commands {

    @Test
    void assignmentsPrefixesAndArrays() {
      List<ShellCommand> cs =
          scan("A=1 B=\"x y\" cmd C=3\nD+=z\narr=(a \"b c\" $E)\nexport F=2\nG[0]=h\n");
      assertThat(cs.get(0).assignments()).containsOnlyKeys("A", "B");
      assertThat(cs.get(0).assignments().get("B").literalText()).contains("x y");
      assertThat(words(cs.get(0))).containsExactly("cmd", "C=3");
      assertThat(cs.get(1).assignments()).containsOnlyKeys("D");
      assertThat(cs.get(2).assignments().get("arr").display()).isEqualTo("(a b c $E)");
      assertThat(words(cs.get(3))).containsExactly("export", "F=2");
      assertThat(cs.get(4).assignments()).containsOnlyKeys("G");
    }

    @Test
    void pipelinesAndListsWithRedirections() {
      List<ShellCommand> cs =
          scan(
              "! cat /x 2>/dev/null | grep -q y > /tmp/o 2>&1 || echo missing &\n"
                  + "true && false; echo $? &> /tmp/all\n");
      assertThat(programs(cs)).containsExactly("cat", "grep", "echo", "true", "false", "echo");
      assertThat(cs.get(0).redirects())
          .extracting(r -> r.operator() + r.target().display())
          .containsExactly(">/dev/null");
      assertThat(cs.get(1).redirects())
          .extracting(r -> r.operator() + r.target().display())
          .containsExactly(">/tmp/o");
      assertThat(cs.get(5).writtenFiles())
          .extracting(ShellWord::display)
          .containsExactly("/tmp/all");
    }

    @Test
    void commentsMayHoldQuotes() {
      List<ShellCommand> cs =
          scan("# don't \"stop\" here\necho a # isn't (a) `problem`\necho b#c \"#d\"\n");
      assertThat(cs).hasSize(2);
      assertThat(words(cs.get(0))).containsExactly("echo", "a");
      assertThat(words(cs.get(1))).containsExactly("echo", "b#c", "#d");
    }

    @Test
    void lineContinuationsJoinWordsAndCommands() {
      ShellCommand c = only("ipt\\\nables -t nat \\\n  -o eth0\n");
      assertThat(words(c)).containsExactly("iptables", "-t", "nat", "-o", "eth0");
    }

    @Test
    void carriageReturnLineEnds() {
      List<ShellCommand> cs =
          scan("#!/bin/bash\r\nif true; then\r\n  iptables -o eth0 \\\r\n  -j ACCEPT\r\nfi\r\n");
      assertThat(programs(cs)).containsExactly("true", "iptables");
      assertThat(words(cs.get(1))).containsExactly("iptables", "-o", "eth0", "-j", "ACCEPT");
      assertThat(cs.get(1).line()).isEqualTo(3);
    }

    @Test
    void timeAndWrappersAreLookedThrough() {
      assertThat(only("time sudo -E /sbin/iptables -L\n").program()).contains("iptables");
    }
  }

  @Nested
  class CompoundCommands {

    @Test
    void ifElifElseKeepTheirCommandsInOrder() {
      List<ShellCommand> cs =
          scan("if [ -f /a ]; then\n  a\nelif b; then c\nelse\n  d\nfi > /tmp/log\n");
      assertThat(programs(cs)).containsExactly("[", "a", "b", "c", "d", "?");
      assertThat(cs.get(5).words()).isEmpty();
      assertThat(cs.get(5).writtenFiles())
          .extracting(ShellWord::display)
          .containsExactly("/tmp/log");
    }

    @Test
    void loopHeadersAreNotCommands() {
      List<ShellCommand> cs =
          scan(
              "for i in 1 2 \"$X\"; do echo $i; done\nfor j\ndo :; done\n"
                  + "for ((k=0; k<3; k++)); do echo $k; done\n"
                  + "while read -r line; do echo \"$line\"; done < /etc/hosts\n"
                  + "until ping -c1 x; do sleep 1; done\n");
      assertThat(programs(cs))
          .containsExactly("echo", ":", "echo", "read", "echo", "?", "ping", "sleep");
    }

    @Test
    void caseItemsKeepTheirCommands() {
      List<ShellCommand> cs =
          scan(
              "case \"$1\" in\n  start)\n    iptables -A x\n    ;;\n  stop|halt) echo stop ;;\n"
                  + "  (*) echo other\nesac\necho after\n");
      assertThat(programs(cs)).containsExactly("iptables", "echo", "echo", "echo");
      assertThat(cs.get(0).line()).isEqualTo(3);
    }

    @Test
    void emptyCaseItemsAndFallThrough() {
      List<ShellCommand> cs =
          scan("case $x in a) ;; b) echo b ;& c) echo c ;;& esac\ncase y in esac\n");
      assertThat(programs(cs)).containsExactly("echo", "echo");
    }

    @Test
    void functionBodiesAreKeptWhereTheyAreDefined() {
      List<ShellCommand> cs =
          scan(
              "setup() {\n  iptables -A x\n}\nfunction g { echo g; }\n"
                  + "function h() ( echo h )\nk () {\n echo k\n} > /dev/null\nsetup\n");
      assertThat(programs(cs)).containsExactly("iptables", "echo", "echo", "echo", "?", "setup");
    }

    @Test
    void subshellsAndGroups() {
      List<ShellCommand> cs = scan("(cd /tmp && make)\n{ echo a; echo b; } >> /etc/sysctl.conf\n");
      assertThat(programs(cs)).containsExactly("cd", "make", "echo", "echo", "?");
      assertThat(cs.get(4).redirects())
          .extracting(ShellCommand.Redirect::operator)
          .containsExactly(">>");
    }

    @Test
    void conditionalAndArithmeticCommandsAreTestsNotCommands() {
      List<ShellCommand> cs =
          scan(
              "if [[ $a =~ ^(x|y)$ && ! -f /b || $c < d ]]; then echo ok; fi\n"
                  + "(( n > 3 )) && echo big\n");
      assertThat(programs(cs)).containsExactly("echo", "echo");
    }

    @Test
    void nestedCompounds() {
      List<ShellCommand> cs =
          scan(
              "for i in 1; do\n  while true; do\n    case $i in\n      1) if a; then b; fi ;;\n"
                  + "    esac\n    break\n  done\ndone\n");
      assertThat(programs(cs)).containsExactly("true", "a", "b", "break");
    }
  }

  @Nested
  class Recovery {

    @Test
    void anOddLineHidesOnlyItself() {
      ShellScanner.Result r =
          ShellScanner.scan(
              "echo ok\necho \"unterminated\nsysctl -w net.ipv4.ip_forward=1\n"
                  + "iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\n",
              List.of(),
              "part 2",
              10);
      assertThat(r.unparsedLines()).containsExactly(12);
      assertThat(r.unparsed())
          .containsExactly(new UserData.UnparsedLine(12, "part 2", "echo \"unterminated"));
      assertThat(programs(r.commands())).containsExactly("echo", "sysctl", "iptables");
      assertThat(r.commands()).extracting(ShellCommand::line).containsExactly(11, 13, 14);
    }

    @Test
    void anOddLineInsideACompoundKeepsTheCompound() {
      ShellScanner.Result r =
          result("if true; then\n  echo 'oops\n  iptables -o eth0\nfi\necho after\n");
      assertThat(r.unparsedLines()).containsExactly(2);
      assertThat(programs(r.commands())).containsExactly("true", "iptables", "echo");
    }

    @Test
    void aStrayClosingWord() {
      ShellScanner.Result r = result("echo a\nfi\necho b\ndone )\necho c\n");
      assertThat(r.unparsedLines()).containsExactly(2, 4);
      assertThat(programs(r.commands())).containsExactly("echo", "echo", "echo");
    }

    @Test
    void aCompoundLeftOpenIsReportedWhereItStarts() {
      ShellScanner.Result r = result("echo a\nwhile true; do\n  iptables -o eth0\n");
      assertThat(r.unparsedLines()).containsExactly(2);
      assertThat(programs(r.commands())).containsExactly("echo", "iptables");
    }

    @Test
    void anUnterminatedSubstitution() {
      ShellScanner.Result r = result("X=$(curl http://a\necho b\n");
      assertThat(r.unparsedLines()).containsExactly(1);
      assertThat(programs(r.commands())).containsExactly("echo");
    }

    @Test
    void aLoneQuoteWithNoPartner() {
      ShellScanner.Result r = result("echo don't\nsysctl -p\n");
      assertThat(r.unparsedLines()).containsExactly(1);
      assertThat(programs(r.commands())).containsExactly("sysctl");
    }

    @Test
    void commandsBeforeTheErrorAreKeptOnce() {
      ShellScanner.Result r = result("a\nb; c\nd &&\n");
      assertThat(r.unparsedLines()).containsExactly(3);
      assertThat(programs(r.commands())).containsExactly("a", "b", "c");
    }

    @Test
    void nestingBeyondTheBoundIsAnUnparsedLine() {
      String deep = "X=" + "$(".repeat(200) + "x" + ")".repeat(200) + "\necho after\n";
      ShellScanner.Result r = result(deep);
      assertThat(r.unparsedLines()).containsExactly(1);
      assertThat(programs(r.commands())).containsExactly("echo");
      String shallow = "X=" + "$(echo ".repeat(20) + "x" + ")".repeat(20) + "\n";
      assertThat(result(shallow).unparsedLines()).isEmpty();
    }

    @Test
    void nestedCompoundsBeyondTheBound() {
      String deep = "if a; then\n".repeat(300) + "b\n" + "fi\n".repeat(300) + "iptables -L\n";
      ShellScanner.Result r = result(deep);
      assertThat(r.unparsedLines()).isNotEmpty();
      assertThat(programs(r.commands())).contains("iptables");
    }
  }

  /**
   * Pathological input a megabyte long: it must end without a stack overflow. The timeout only
   * guards against a runaway parse; speed is measured by UserDataParsingBenchmark.
   */
  @Nested
  class Pathological {

    private static final int MEGABYTE = 1 << 20;

    private ShellScanner.Result megabyteOf(String unit) {
      String text = unit.repeat(MEGABYTE / unit.length() + 1);
      return result(text);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void substitutionsOpenedOnOneLine() {
      ShellScanner.Result r = megabyteOf("$(");
      assertThat(r.unparsedLines()).containsExactly(1);
      assertThat(r.commands()).isEmpty();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void substitutionsOpenedLineAfterLine() {
      ShellScanner.Result r = megabyteOf("echo $(\n");
      assertThat(r.unparsedLines()).isNotEmpty();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void compoundsNeverClosed() {
      ShellScanner.Result r = megabyteOf("if true; then\n");
      assertThat(r.unparsedLines()).isNotEmpty();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void quotesNeverClosed() {
      ShellScanner.Result r = megabyteOf("echo \"a\necho 'b\n");
      assertThat(r.unparsedLines()).isNotEmpty();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void oddLinesBetweenGoodOnes() {
      ShellScanner.Result r = megabyteOf("iptables -o eth0 -j ACCEPT\nfi\n");
      assertThat(r.commands()).hasSizeGreaterThan(10_000);
      assertThat(r.unparsedLines()).hasSize(r.commands().size());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aValidMegabyte() {
      ShellScanner.Result r =
          megabyteOf(
              "if [ -f /x ]; then\n  iptables -t nat -A POSTROUTING -o \"$NIC\" -j MASQUERADE\nfi\n");
      assertThat(r.unparsedLines()).isEmpty();
      assertThat(r.commands()).hasSizeGreaterThan(10_000);
    }
  }
}
