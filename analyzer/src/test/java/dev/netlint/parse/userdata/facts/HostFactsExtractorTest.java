package dev.netlint.parse.userdata.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.AwsCliCall;
import dev.netlint.model.HostFacts;
import dev.netlint.model.HostFacts.Forwarding.State;
import dev.netlint.model.HostFacts.Topic;
import dev.netlint.model.HostValue;
import dev.netlint.model.Origin;
import dev.netlint.model.PacketFilterRule;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ScriptLine;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.parse.userdata.UserDataReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostFactsExtractorTest {
  private static final Origin AT =
      new Origin(new SourceLocation("t.yaml", 3, 7), List.of("Resources", "Nat", "UserData"));

  private static HostFacts facts(String script) {
    UserData ud = UserDataReader.read(new Value.Text(script, AT), AT);
    return HostFactsExtractor.extract(ud);
  }

  private static HostFacts facts(Value value) {
    return HostFactsExtractor.extract(UserDataReader.read(value, AT));
  }

  private static PacketFilterRule onlySourceNat(HostFacts f) {
    assertThat(f.ipv4SourceNat()).hasSize(1);
    return f.ipv4SourceNat().get(0);
  }

  private static HostValue out(PacketFilterRule r) {
    assertThat(r.outInterface()).isNotNull();
    return r.outInterface().value();
  }

  // ------------------------------------------------------------------ variables

  @Test
  void literalInterfaceThroughAVariable() {
    HostFacts f =
        facts("#!/bin/bash\nNIC=eth0\niptables -t nat -A POSTROUTING -o \"$NIC\" -j MASQUERADE\n");
    PacketFilterRule r = onlySourceNat(f);
    assertThat(out(r).literalText()).contains("eth0");
    assertThat(out(r).variable()).isEqualTo("NIC");
    assertThat(r.at().line()).isEqualTo(3);
    assertThat(r.table()).isEqualTo("nat");
    assertThat(r.chain()).isEqualTo("POSTROUTING");
  }

  @Test
  void interfaceFoundAtRunTime() {
    HostFacts f =
        facts(
            "#!/bin/bash\nIF=$(ip route | awk '/default/ {print $5}')\n"
                + "OUT=$IF\n"
                + "iptables -t nat -A POSTROUTING -o \"$OUT\" -s 10.0.0.0/16 -j MASQUERADE\n");
    PacketFilterRule r = onlySourceNat(f);
    assertThat(out(r).kind()).isEqualTo(HostValue.Kind.RUN_TIME);
    assertThat(r.source().value().literalText()).contains("10.0.0.0/16");
  }

  @Test
  void emptyInterfaceFromAFailedLookupOrAnEmptyVariable() {
    HostFacts quoted = facts("#!/bin/bash\niptables -t nat -A POSTROUTING -o \"\" -j MASQUERADE\n");
    assertThat(out(onlySourceNat(quoted)).isEmptyLiteral()).isTrue();
    assertThat(quoted.rejected()).isEmpty();
    HostFacts variable =
        facts(
            "#!/bin/bash\n"
                + "NIC=\n"
                + "iptables -t nat -A POSTROUTING -o $NIC -j SNAT --to-source 1.2.3.4\n");
    PacketFilterRule r = onlySourceNat(variable);
    assertThat(r.target()).isEqualTo("SNAT");
    assertThat(out(r).isEmptyLiteral()).isTrue();
  }

  @Test
  void anInterfaceThatVanishedMakesIptablesRejectTheRule() {
    // -o ${PublicInterface} with an empty deploy-time value: the word is gone
    HostFacts f = facts("#!/bin/bash\niptables -t nat -A POSTROUTING -o  -j MASQUERADE\n");
    assertThat(f.ipv4SourceNat()).isEmpty();
    assertThat(f.rejectedIpv4SourceNat()).hasSize(1);
    PacketFilterRule r = f.rejectedIpv4SourceNat().get(0);
    assertThat(r.target()).isEqualTo("MASQUERADE");
    assertThat(r.rejection()).contains("-o has no value").contains("takes -j as its value");
    assertThat(f.unread()).isEmpty();
  }

  @Test
  void unassignedVariableIsUnknownNotEmpty() {
    HostFacts f = facts("#!/bin/bash\niptables -t nat -A POSTROUTING -o \"$WAN\" -j MASQUERADE\n");
    assertThat(out(onlySourceNat(f)).kind()).isEqualTo(HostValue.Kind.UNKNOWN);
  }

  // ------------------------------------------------------------------ iptables

  @Test
  void negationsPoliciesAndOtherTables() {
    HostFacts f =
        facts(
            "#!/bin/bash\n"
                + "iptables -P FORWARD DROP\n"
                + "iptables -A FORWARD -i eth0 ! -d 10.0.0.0/8 -m state --state NEW -j ACCEPT\n"
                + "iptables -t nat -A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 3128\n"
                + "iptables -t nat -A POSTROUTING ! -o lo -j MASQUERADE\n"
                + "ip6tables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\n"
                + "iptables -L -n\n");
    assertThat(f.packetFilter())
        .extracting(PacketFilterRule::operation, PacketFilterRule::chain, PacketFilterRule::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                PacketFilterRule.Operation.POLICY, "FORWARD", "DROP"),
            org.assertj.core.groups.Tuple.tuple(
                PacketFilterRule.Operation.APPEND, "FORWARD", "ACCEPT"),
            org.assertj.core.groups.Tuple.tuple(
                PacketFilterRule.Operation.APPEND, "PREROUTING", "REDIRECT"),
            org.assertj.core.groups.Tuple.tuple(
                PacketFilterRule.Operation.APPEND, "POSTROUTING", "MASQUERADE"),
            org.assertj.core.groups.Tuple.tuple(
                PacketFilterRule.Operation.APPEND, "POSTROUTING", "MASQUERADE"));
    PacketFilterRule forward = f.packetFilter().get(1);
    assertThat(forward.destination().negated()).isTrue();
    assertThat(f.packetFilter().get(2).destinationPort()).isEqualTo("80");
    assertThat(f.packetFilter().get(2).protocol()).isEqualTo("tcp");
    assertThat(onlySourceNat(f).outInterface().negated()).isTrue();
    assertThat(f.packetFilter().get(4).family()).isEqualTo(PacketFilterRule.Family.IPV6);
  }

  @Test
  void flushAndDeleteRemoveEarlierRules() {
    HostFacts flushed =
        facts(
            "#!/bin/bash\n"
                + "iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\n"
                + "iptables -t nat -F\n");
    assertThat(flushed.ipv4SourceNat()).isEmpty();
    HostFacts deleted =
        facts(
            "#!/bin/bash\n"
                + "iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\n"
                + "iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE\n");
    assertThat(deleted.ipv4SourceNat()).isEmpty();
    HostFacts flushedFirst =
        facts(
            "#!/bin/bash\n"
                + "iptables -t nat -F\n"
                + "iptables -F FORWARD\n"
                + "iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\n");
    assertThat(flushedFirst.ipv4SourceNat()).hasSize(1);
  }

  @Test
  void iptablesRestoreFromAHereDocumentAndFromASavedFile() {
    HostFacts restore =
        facts(
            "#!/bin/bash\n"
                + "iptables-restore <<EOF\n"
                + "*nat\n"
                + ":POSTROUTING ACCEPT [0:0]\n"
                + "-A POSTROUTING -o ens5 -s 10.0.0.0/16 -j MASQUERADE\n"
                + "COMMIT\n"
                + "EOF\n");
    PacketFilterRule r = onlySourceNat(restore);
    assertThat(r.via()).isEqualTo("iptables-restore");
    assertThat(out(r).literalText()).contains("ens5");
    HostFacts saved =
        facts(
            "#!/bin/bash\n"
                + "IFACE=$(ip route | awk '/default/ {print $5}')\n"
                + "cat > /etc/sysconfig/iptables <<EOF\n"
                + "*nat\n"
                + "-A POSTROUTING -o $IFACE -j MASQUERADE\n"
                + "COMMIT\n"
                + "EOF\n"
                + "systemctl restart iptables\n");
    PacketFilterRule s = onlySourceNat(saved);
    assertThat(s.via()).isEqualTo("/etc/sysconfig/iptables");
    assertThat(out(s).kind()).isEqualTo(HostValue.Kind.RUN_TIME);
    HostFacts fromFile =
        facts(
            "#!/bin/bash\n"
                + "printf '*nat\\n-A POSTROUTING -j MASQUERADE\\nCOMMIT\\n' > /tmp/rules\n"
                + "iptables-restore < /tmp/rules\n");
    assertThat(fromFile.ipv4SourceNat()).hasSize(1);
  }

  // ------------------------------------------------------------------ nftables, firewalld

  @Test
  void nftCommandsAndRulesetFiles() {
    HostFacts command =
        facts(
            "#!/bin/bash\n"
                + "nft add table ip nat\n"
                + "nft 'add chain ip nat postrouting { type nat hook postrouting priority 100 ;"
                + " }'\n"
                + "nft add rule ip nat postrouting oifname \"ens5\" masquerade\n");
    PacketFilterRule r = onlySourceNat(command);
    assertThat(r.tool()).isEqualTo(PacketFilterRule.Tool.NFTABLES);
    assertThat(out(r).literalText()).contains("ens5");
    HostFacts file =
        facts(
            "#!/bin/bash\n"
                + "cat > /etc/nftables.conf <<'EOF'\n"
                + "#!/usr/sbin/nft -f\n"
                + "flush ruleset\n"
                + "define wan = \"eth0\"\n"
                + "table inet nat {\n"
                + "  chain postrouting {\n"
                + "    type nat hook postrouting priority srcnat; policy accept;\n"
                + "    ip saddr 10.0.0.0/16 oifname $wan masquerade\n"
                + "  }\n"
                + "}\n"
                + "EOF\n"
                + "systemctl enable --now nftables\n");
    PacketFilterRule f = onlySourceNat(file);
    assertThat(f.via()).isEqualTo("/etc/nftables.conf");
    assertThat(f.family()).isEqualTo(PacketFilterRule.Family.BOTH);
    assertThat(out(f).literalText()).contains("eth0");
    assertThat(f.source().value().literalText()).contains("10.0.0.0/16");
  }

  @Test
  void firewalldMasqueradeAndDirectRules() {
    HostFacts zone =
        facts(
            "#!/bin/bash\n"
                + "firewall-cmd --permanent --zone=public --add-masquerade\n"
                + "firewall-cmd --reload\n");
    assertThat(onlySourceNat(zone).tool()).isEqualTo(PacketFilterRule.Tool.FIREWALLD);
    HostFacts direct =
        facts(
            "#!/bin/bash\n"
                + "firewall-cmd --permanent --direct --add-rule ipv4 nat POSTROUTING 0 -o eth0 -j"
                + " MASQUERADE\n");
    assertThat(out(onlySourceNat(direct)).literalText()).contains("eth0");
    HostFacts passthrough =
        facts(
            "#!/bin/bash\n"
                + "firewall-cmd --direct --passthrough ipv4 -t nat -I POSTROUTING -o ens5 -j"
                + " MASQUERADE\n");
    assertThat(out(onlySourceNat(passthrough)).literalText()).contains("ens5");
  }

  // ------------------------------------------------------------------ forwarding

  @Test
  void forwardingSetNow() {
    assertThat(facts("#!/bin/bash\nsysctl -w net.ipv4.ip_forward=1\n").ipv4Forwarding().state())
        .isEqualTo(State.ENABLED);
    assertThat(
            facts("#!/bin/bash\nsudo sysctl net.ipv4.conf.all.forwarding=1\n")
                .ipv4Forwarding()
                .state())
        .isEqualTo(State.ENABLED);
    HostFacts proc = facts("#!/bin/sh\necho 1 > /proc/sys/net/ipv4/ip_forward\n");
    assertThat(proc.ipv4Forwarding().state()).isEqualTo(State.ENABLED);
    assertThat(proc.ipv4Forwarding().at().line()).isEqualTo(2);
    assertThat(
            facts("#!/bin/bash\necho 1 | sudo tee /proc/sys/net/ipv4/ip_forward\n")
                .ipv4Forwarding()
                .state())
        .isEqualTo(State.ENABLED);
    assertThat(
            facts("#!/bin/bash\nsudo sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'\n")
                .ipv4Forwarding()
                .state())
        .isEqualTo(State.ENABLED);
    assertThat(facts("#!/bin/bash\nsysctl -w net.ipv4.ip_forward=0\n").ipv4Forwarding().state())
        .isEqualTo(State.DISABLED);
    assertThat(facts("#!/bin/bash\nyum update -y\n").ipv4Forwarding().state())
        .isEqualTo(State.NOT_SET);
  }

  @Test
  void forwardingWrittenToAFileCountsWhenLoaded() {
    String write = "#!/bin/bash\necho 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat.conf\n";
    HostFacts notLoaded = facts(write);
    assertThat(notLoaded.ipv4Forwarding().state()).isEqualTo(State.ENABLED_AFTER_REBOOT);
    assertThat(notLoaded.ipv4Forwarding().how()).isEqualTo("/etc/sysctl.d/90-nat.conf");
    assertThat(facts(write + "sysctl -p /etc/sysctl.d/90-nat.conf\n").ipv4Forwarding().state())
        .isEqualTo(State.ENABLED);
    assertThat(facts(write + "sysctl --system\n").ipv4Forwarding().state())
        .isEqualTo(State.ENABLED);
    assertThat(facts(write + "sysctl -p /etc/sysctl.d/*.conf\n").ipv4Forwarding().state())
        .isEqualTo(State.ENABLED);
    assertThat(facts(write + "systemctl restart systemd-sysctl\n").ipv4Forwarding().state())
        .isEqualTo(State.ENABLED);
    assertThat(facts(write + "reboot\n").ipv4Forwarding().state()).isEqualTo(State.ENABLED);
    // sysctl -p alone reads /etc/sysctl.conf only
    assertThat(facts(write + "sysctl -p\n").ipv4Forwarding().state())
        .isEqualTo(State.ENABLED_AFTER_REBOOT);
    // loading before writing does nothing
    assertThat(
            facts("#!/bin/bash\nsysctl --system\n" + write.substring(12)).ipv4Forwarding().state())
        .isEqualTo(State.ENABLED_AFTER_REBOOT);
    // systemd-sysctl reads only *.conf in sysctl.d
    assertThat(
            facts("#!/bin/bash\necho 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/nat\n")
                .ipv4Forwarding()
                .state())
        .isEqualTo(State.NOT_SET);
  }

  @Test
  void forwardingThroughHereDocumentsTeeAndSed() {
    assertThat(
            facts(
                    "#!/bin/bash\n"
                        + "cat <<EOF > /etc/sysctl.d/99-nat.conf\n"
                        + "net.ipv4.ip_forward = 1\n"
                        + "EOF\n"
                        + "sysctl -p /etc/sysctl.d/99-nat.conf\n")
                .ipv4Forwarding()
                .state())
        .isEqualTo(State.ENABLED);
    assertThat(
            facts(
                    "#!/bin/bash\necho \"net.ipv4.ip_forward = 1\" | sudo tee -a /etc/sysctl.conf\n"
                        + "sudo sysctl -p\n")
                .ipv4Forwarding()
                .state())
        .isEqualTo(State.ENABLED);
    assertThat(
            facts("#!/bin/ash\nsysctl -w net.ipv4.ip_forward=1 | tee -a /etc/sysctl.conf\n")
                .ipv4Forwarding()
                .state())
        .isEqualTo(State.ENABLED);
    assertThat(
            facts(
                    "#!/bin/bash\n"
                        + "sed -i 's/#net.ipv4.ip_forward=1/net.ipv4.ip_forward=1/'"
                        + " /etc/sysctl.conf\n"
                        + "sysctl -p\n")
                .ipv4Forwarding()
                .state())
        .isEqualTo(State.ENABLED);
    assertThat(
            facts("#!/bin/bash\nsed -i '/net.ipv4.ip_forward/s/^#//' /etc/sysctl.conf\n")
                .ipv4Forwarding()
                .state())
        .isEqualTo(State.ENABLED_AFTER_REBOOT);
  }

  @Test
  void sedExpressionsThatSetForwarding() {
    assertThat(
            HostFactsExtractor.sedForwarding("s/net.ipv4.ip_forward = 0/net.ipv4.ip_forward = 1/g"))
        .isEqualTo("1");
    assertThat(HostFactsExtractor.sedForwarding("s/^#\\s*net.ipv4.ip_forward/net.ipv4.ip_forward/"))
        .isEqualTo("1");
    assertThat(HostFactsExtractor.sedForwarding("s|ip_forward=1|ip_forward=0|")).isEqualTo("0");
    assertThat(HostFactsExtractor.sedForwarding("s/foo/bar/")).isNull();
    assertThat(HostFactsExtractor.sedForwarding("/ip_forward/d")).isNull();
  }

  @Test
  void cloudConfigWriteFilesComeBeforeRuncmd() {
    String doc =
        "#cloud-config\n"
            + "write_files:\n"
            + "  - path: /etc/sysctl.d/90-nat.conf\n"
            + "    content: |\n"
            + "      net.ipv4.ip_forward = 1\n"
            + "runcmd:\n"
            + "  - sysctl --system\n"
            + "  - iptables -t nat -A POSTROUTING -j MASQUERADE\n";
    HostFacts f = facts(doc);
    assertThat(f.ipv4Forwarding().state()).isEqualTo(State.ENABLED);
    assertThat(f.ipv4SourceNat()).hasSize(1);
    HostFacts written =
        facts(
            "#cloud-config\nwrite_files:\n  - path: /etc/sysctl.d/90-nat.conf\n"
                + "    content: net.ipv4.ip_forward=1\n");
    assertThat(written.ipv4Forwarding().state()).isEqualTo(State.ENABLED_AFTER_REBOOT);
    assertThat(written.ipv4Forwarding().at().part()).isEqualTo("write_files");
    assertThat(written.ipv4Forwarding().at().line()).isEqualTo(3);
    HostFacts rebooting =
        facts(
            "#cloud-config\nwrite_files:\n  - path: /etc/sysctl.conf\n    append: true\n"
                + "    content: net.ipv4.ip_forward=1\npower_state:\n  mode: reboot\n");
    assertThat(rebooting.ipv4Forwarding().state()).isEqualTo(State.ENABLED);
  }

  @Test
  void multipartCloudConfigPartsWriteFiles() {
    String mime =
        "Content-Type: multipart/mixed; boundary=\"==B==\"\nMIME-Version: 1.0\n\n"
            + "--==B==\nContent-Type: text/cloud-config; charset=\"utf-8\"\n\n"
            + "#cloud-config\nwrite_files:\n  - path: /etc/sysctl.d/nat.conf\n"
            + "    content: net.ipv4.ip_forward=1\n"
            + "--==B==\nContent-Type: text/x-shellscript; charset=\"utf-8\"\n\n"
            + "#!/bin/bash\nsysctl -p /etc/sysctl.d/nat.conf\n"
            + "--==B==--\n";
    HostFacts f = facts(mime);
    assertThat(f.ipv4Forwarding().state()).isEqualTo(State.ENABLED);
  }

  @Test
  void scriptsWrittenAndRun() {
    HostFacts f =
        facts(
            "#!/bin/bash\n"
                + "cat > /opt/nat.sh <<'EOF'\n"
                + "#!/bin/bash\n"
                + "sysctl -w net.ipv4.ip_forward=1\n"
                + "iptables -t nat -A POSTROUTING -j MASQUERADE\n"
                + "EOF\n"
                + "chmod +x /opt/nat.sh\n"
                + "/opt/nat.sh\n");
    assertThat(f.ipv4Forwarding().state()).isEqualTo(State.ENABLED);
    assertThat(f.ipv4Forwarding().at().line()).isEqualTo(8);
    assertThat(f.ipv4SourceNat()).hasSize(1);
  }

  @Test
  void mentionsNetlintDoesNotFollowAreUnread() {
    HostFacts f =
        facts(
            "#!/bin/bash\n"
                + "nat() { iptables -t nat -A POSTROUTING -j \"$1\"; }\n"
                + "nat MASQUERADE\n"
                + "for k in net.ipv4.ip_forward; do sysctl -w \"$k=1\"; done\n");
    assertThat(f.unread()).contains(Topic.SOURCE_NAT, Topic.FORWARDING);
    assertThat(facts("#!/bin/bash\nsysctl -w net.ipv4.ip_forward=1\n").unread()).isEmpty();
  }

  // ------------------------------------------------------------------ AWS CLI

  @Test
  void awsCliCallsAtBoot() {
    HostFacts f =
        facts(
            "#!/bin/bash\n"
                + "INSTANCEID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)\n"
                + "aws --region us-east-1 ec2 modify-instance-attribute --instance-id $INSTANCEID"
                + " --source-dest-check \"{\\\"Value\\\": false}\"\n"
                + "aws ec2 modify-instance-attribute --instance-id $INSTANCEID"
                + " --no-source-dest-check\n"
                + "aws ec2 describe-instances\n");
    assertThat(f.sourceDestCheckDisabled()).hasSize(2);
    AwsCliCall first = f.sourceDestCheckDisabled().get(0);
    assertThat(first.option("--instance-id").orElseThrow().kind())
        .isEqualTo(HostValue.Kind.RUN_TIME);
    assertThat(first.option("--region").orElseThrow().literalText()).contains("us-east-1");
    assertThat(f.awsCalls()).hasSize(3);
    assertThat(f.unread()).isEmpty();
  }

  @Test
  void routeCreatedAtBootKeepsTheTableItNames() {
    ResourceId table = new ResourceId("s", "PrivateRouteTable");
    Value script =
        new Value.Concat(
            List.of(
                new Value.Text("#!/bin/bash\naws ec2 create-route --route-table-id ", AT),
                new Value.ResourceRef(table, AT),
                new Value.Text(" --destination-cidr-block 0.0.0.0/0 --instance-id $ID\n", AT)),
            AT);
    HostFacts f = facts(script);
    assertThat(f.routesCreated()).hasSize(1);
    HostValue id = f.routesCreated().get(0).option("--route-table-id").orElseThrow();
    assertThat(id.kind()).isEqualTo(HostValue.Kind.DEPLOY_TIME);
    assertThat(id.deployTime()).isEqualTo(new Value.ResourceRef(table, AT));
  }

  @Test
  void windowsAndOpaqueUserDataHaveNoFacts() {
    assertThat(facts("<powershell>\nSet-NetIPInterface -Forwarding Enabled\n</powershell>"))
        .isEqualTo(HostFacts.NONE);
    assertThat(facts(new Value.Symbolic(Value.Symbolic.Kind.PARAMETER, "Script", AT)))
        .isEqualTo(HostFacts.NONE);
  }

  /** Issue 7: extraction failures were swallowed; they are now returned with their line. */
  @Test
  void aFailureIsReturnedWithTheLineBeingRead() {
    UserData ud =
        UserDataReader.read(
            new Value.Text("#!/bin/bash\nsysctl -w net.ipv4.ip_forward=1\niptables -F\n", AT), AT);
    HostFactsExtractor.Extraction x =
        HostFactsExtractor.read(
            ud,
            c -> {
              if (c.line() == 3) {
                throw new IllegalStateException("injected");
              }
            });
    assertThat(x.failure()).isNotNull();
    assertThat(x.failure().at()).isEqualTo(new ScriptLine(3, ""));
    assertThat(x.failure().error()).isEqualTo("IllegalStateException: injected");
    assertThat(x.facts().unread()).containsExactlyInAnyOrder(Topic.values());
    assertThat(HostFactsExtractor.read(ud).failure()).isNull();
  }
}
