package dev.netlint.model;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One packet-filtering or NAT rule that a user-data script leaves on the host: from {@code
 * iptables}/{@code ip6tables} commands, {@code iptables-restore} input, rule files the firewall
 * service loads ({@code /etc/sysconfig/iptables}), {@code nft} rules and {@code firewalld}'s
 * masquerade. Chain policies ({@code -P FORWARD DROP}) are rules with {@link Operation#POLICY}.
 *
 * <p>See <a href="https://ipset.netfilter.org/iptables.man.html">iptables(8)</a>, <a
 * href="https://ipset.netfilter.org/iptables-extensions.man.html">iptables-extensions(8)</a> and <a
 * href="https://wiki.nftables.org/wiki-nftables/index.php/Performing_Network_Address_Translation_(NAT)">nftables
 * NAT</a>.
 *
 * @param at where the script adds the rule
 * @param tool the firewall front end
 * @param family the address family the rule applies to
 * @param table the table ({@code nat}, {@code filter}; for nftables the table's name)
 * @param operation what the command does with the rule
 * @param chain the chain ({@code POSTROUTING}, {@code FORWARD}; nftables chain names as written)
 * @param inInterface {@code -i}/{@code iifname}, or null when the rule matches any
 * @param outInterface {@code -o}/{@code oifname}, or null when the rule matches any
 * @param source {@code -s}/{@code saddr}, or null
 * @param destination {@code -d}/{@code daddr}, or null
 * @param protocol {@code -p} ({@code tcp}), or empty
 * @param destinationPort {@code --dport} as written ({@code 80}, {@code 1024:65535}), or empty
 * @param target the jump target or verdict in upper case ({@code MASQUERADE}, {@code SNAT}, {@code
 *     DNAT}, {@code REDIRECT}, {@code ACCEPT}, {@code DROP}), or the policy; empty when none
 * @param via how the script gives the rule ({@code iptables}, {@code iptables-restore}, {@code
 *     /etc/sysconfig/iptables}, {@code nft}, {@code firewall-cmd --add-masquerade})
 * @param rejection why the program rejects the command and adds no rule (an option whose value
 *     expanded to nothing, so that the option after it is taken as its value), or empty
 */
public record PacketFilterRule(
    ScriptLine at,
    Tool tool,
    Family family,
    String table,
    Operation operation,
    String chain,
    @Nullable Match inInterface,
    @Nullable Match outInterface,
    @Nullable Match source,
    @Nullable Match destination,
    String protocol,
    String destinationPort,
    String target,
    String via,
    String rejection) {

  /** Firewall front ends. */
  public enum Tool {
    IPTABLES,
    NFTABLES,
    FIREWALLD
  }

  /** Address families. */
  public enum Family {
    IPV4,
    IPV6,
    /** nftables {@code inet} tables and firewalld zones: both families. */
    BOTH
  }

  /** What a command does with a rule. */
  public enum Operation {
    APPEND,
    INSERT,
    REPLACE,
    DELETE,
    POLICY,
    FLUSH
  }

  /**
   * A match on an interface or address.
   *
   * @param value what the script gives
   * @param negated true for {@code ! -o eth0}: everything but the value
   */
  public record Match(HostValue value, boolean negated) {}

  /** True when the rule applies to IPv4 packets. */
  public boolean appliesToIpv4() {
    return family != Family.IPV6;
  }

  /**
   * True for a rule that rewrites the source address of forwarded packets: {@code MASQUERADE} or
   * {@code SNAT} in iptables' {@code nat} table {@code POSTROUTING} chain, an nftables {@code
   * masquerade} or {@code snat} statement, or firewalld's masquerade.
   */
  public boolean isSourceNat() {
    if (operation != Operation.APPEND
        && operation != Operation.INSERT
        && operation != Operation.REPLACE) {
      return false;
    }
    if (!target.equals("MASQUERADE") && !target.equals("SNAT")) {
      return false;
    }
    return tool != Tool.IPTABLES
        || (table.equals("nat") && chain.toUpperCase(Locale.ROOT).equals("POSTROUTING"));
  }
}
