package dev.netlint.parse.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Origin;
import dev.netlint.model.ShellCommand;
import dev.netlint.model.ShellWord;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellScannerTest {

  private static List<ShellCommand> scan(String script) {
    return ShellScanner.scan(script, List.of(), "", 0).commands();
  }

  private static List<String> words(ShellCommand c) {
    return c.words().stream().map(ShellWord::display).toList();
  }

  @Test
  void splitsCommandsOnSeparatorsAndKeepsLines() {
    List<ShellCommand> cs =
        scan("#!/bin/bash\nset -e\nyum install -y x && sysctl -w net.ipv4.ip_forward=1; echo ok\n");
    assertThat(cs)
        .extracting(ShellScanner_Test_Helpers::first)
        .containsExactly("set", "yum", "sysctl", "echo");
    assertThat(cs).extracting(ShellCommand::line).containsExactly(2, 3, 3, 3);
  }

  @Test
  void quotesExpansionsAndSubstitutions() {
    ShellCommand c =
        scan("iptables -t nat -A POSTROUTING -o \"$NIC\" -s '10.0.0.0/16' -j MASQUERADE\n").get(0);
    assertThat(c.program()).contains("iptables");
    assertThat(c.arguments().get(5).soleVariable()).contains("NIC");
    assertThat(c.arguments().get(7).literalText()).contains("10.0.0.0/16");
    ShellCommand sub = scan("IF=$(ip route | awk '/default/ {print $5}')\n").get(0);
    assertThat(sub.words()).isEmpty();
    assertThat(sub.assignments().get("IF").hasCommandSubstitution()).isTrue();
  }

  @Test
  void lineContinuationsJoinOneCommand() {
    List<ShellCommand> cs =
        scan("iptables -t nat \\\n  -A POSTROUTING \\\n  -o eth0 -j MASQUERADE\necho x\n");
    assertThat(cs).hasSize(2);
    assertThat(words(cs.get(0))).contains("-o", "eth0");
    assertThat(cs.get(1).line()).isEqualTo(4);
  }

  @Test
  void hereDocumentBodiesAreNotCommands() {
    List<ShellCommand> cs =
        scan(
            "cat <<EOF > /etc/sysctl.d/nat.conf\nnet.ipv4.ip_forward = 1\niptables -o eth0\nEOF\necho done\n");
    assertThat(cs).extracting(ShellScanner_Test_Helpers::first).containsExactly("cat", "echo");
    assertThat(cs.get(1).line()).isEqualTo(5);
  }

  @Test
  void hereDocumentBodiesAndRedirectTargetsAreKept() {
    List<ShellCommand> cs =
        scan(
            "cat <<-'EOF' > /etc/sysctl.d/99-nat.conf\n\tnet.ipv4.ip_forward = 1\nEOF\n"
                + "echo 1 >> /proc/sys/net/ipv4/ip_forward 2>&1\n");
    assertThat(cs.get(0).hereDocument()).contains("net.ipv4.ip_forward = 1\n");
    assertThat(cs.get(0).writtenFiles())
        .extracting(ShellWord::display)
        .containsExactly("/etc/sysctl.d/99-nat.conf");
    assertThat(cs.get(1).writtenFiles())
        .extracting(ShellWord::display)
        .containsExactly("/proc/sys/net/ipv4/ip_forward");
    assertThat(cs.get(1).redirects())
        .extracting(ShellCommand.Redirect::operator)
        .containsExactly(">>");
  }

  @Test
  void reservedWordsAndWrappersAreLookedThrough() {
    List<ShellCommand> cs = scan("if true; then\n  sudo /sbin/iptables -o ens5 -j ACCEPT\nfi\n");
    ShellCommand ipt =
        cs.stream()
            .filter(c -> c.program().orElse("").equals("iptables"))
            .findFirst()
            .orElseThrow();
    assertThat(ipt.line()).isEqualTo(2);
    assertThat(ipt.arguments().get(1).literalText()).contains("ens5");
  }

  @Test
  void anUnterminatedQuoteHidesOnlyItsLine() {
    ShellScanner.Result r =
        ShellScanner.scan("echo \"oops\niptables -o eth0 -j MASQUERADE\n", List.of(), "", 0);
    assertThat(r.unparsedLines()).containsExactly(1);
    assertThat(r.commands())
        .extracting(ShellScanner_Test_Helpers::first)
        .containsExactly("iptables");
  }

  @Test
  void placeholdersBecomeDeployTimeValues() {
    Value cidr =
        new Value.Attribute(
            new dev.netlint.model.ResourceId("S", "Vpc"),
            "CidrBlock",
            new Origin(new SourceLocation("t", 1, 1), List.of()));
    String text =
        "iptables -s "
            + ShellScanner.PLACEHOLDER_START
            + "0"
            + ShellScanner.PLACEHOLDER_END
            + " -j ACCEPT\n";
    ShellCommand c = ShellScanner.scan(text, List.of(cidr), "", 0).commands().get(0);
    assertThat(c.arguments().get(1).hasPlaceholder()).isTrue();
    assertThat(c.arguments().get(1).display()).isEqualTo("${Vpc.CidrBlock}");
  }
}

final class ShellScanner_Test_Helpers {
  private ShellScanner_Test_Helpers() {}

  static String first(ShellCommand c) {
    return c.program().orElse("?");
  }
}
