package dev.netlint.model;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the user data of an instance, launch template or launch configuration does to the host's
 * network when it runs at first boot: the packet-filtering and NAT rules it leaves, whether it
 * turns IPv4 forwarding on, and the EC2 API calls it makes through the AWS CLI. Facts are read from
 * the shell commands of the user data (plain scripts, cloud-init {@code bootcmd} and {@code
 * runcmd}, MIME parts) and from the files it writes (redirections, {@code tee}, here-documents,
 * cloud-init {@code write_files}).
 *
 * @param packetFilter the rules in effect when the script ends (rules it flushes or deletes are
 *     gone), in the order they were added
 * @param rejected commands that would add a rule but that the program rejects (see {@link
 *     PacketFilterRule#rejection()}), in script order
 * @param ipv4Forwarding whether the kernel forwards IPv4 packets after the script
 * @param awsCalls the EC2 API calls it makes, in script order
 * @param unread topics the script mentions in a form netlint does not follow (a setting inside a
 *     shell function, a file written by a program netlint does not know), so that no rule judges
 *     them from missing facts
 * @param proxies the proxies it configures (HAProxy, nginx, socat), in script order
 */
public record HostFacts(
    List<PacketFilterRule> packetFilter,
    List<PacketFilterRule> rejected,
    Forwarding ipv4Forwarding,
    List<AwsCliCall> awsCalls,
    Set<Topic> unread,
    List<ProxyConfiguration> proxies) {

  public HostFacts {
    packetFilter = List.copyOf(packetFilter);
    rejected = List.copyOf(rejected);
    awsCalls = List.copyOf(awsCalls);
    unread = Set.copyOf(unread);
    proxies = List.copyOf(proxies);
  }

  /** The facts of user data that configures no proxy. */
  public HostFacts(
      List<PacketFilterRule> packetFilter,
      List<PacketFilterRule> rejected,
      Forwarding ipv4Forwarding,
      List<AwsCliCall> awsCalls,
      Set<Topic> unread) {
    this(packetFilter, rejected, ipv4Forwarding, awsCalls, unread, List.of());
  }

  /** The facts of user data that sets nothing up. */
  public static final HostFacts NONE =
      new HostFacts(List.of(), List.of(), Forwarding.NOT_SET, List.of(), Set.of(), List.of());

  /** These facts with {@code proxies} as the proxies the user data configures. */
  public HostFacts withProxies(List<ProxyConfiguration> proxies) {
    return new HostFacts(packetFilter, rejected, ipv4Forwarding, awsCalls, unread, proxies);
  }

  /** The topics a host fact belongs to. */
  public enum Topic {
    /** {@code net.ipv4.ip_forward}. */
    FORWARDING,
    /** {@code MASQUERADE}/{@code SNAT}. */
    SOURCE_NAT,
    /** The source/destination check of the instance or its network interfaces. */
    SOURCE_DEST_CHECK
  }

  /** The rules that rewrite the source address of forwarded IPv4 packets. */
  public List<PacketFilterRule> ipv4SourceNat() {
    return packetFilter.stream().filter(r -> r.appliesToIpv4() && r.isSourceNat()).toList();
  }

  /** Source NAT rules for IPv4 that the program rejects, so that they never exist. */
  public List<PacketFilterRule> rejectedIpv4SourceNat() {
    return rejected.stream().filter(r -> r.appliesToIpv4() && r.isSourceNat()).toList();
  }

  /** The calls that turn the source/destination check off. */
  public List<AwsCliCall> sourceDestCheckDisabled() {
    return awsCalls.stream().filter(AwsCliCall::disablesSourceDestCheck).toList();
  }

  /** The calls that add or replace a route. */
  public List<AwsCliCall> routesCreated() {
    return awsCalls.stream().filter(AwsCliCall::createsRoute).toList();
  }

  /**
   * The state of {@code net.ipv4.ip_forward} (equivalently {@code net.ipv4.conf.all.forwarding})
   * after the script.
   *
   * <p>A setting written to {@code /etc/sysctl.conf} or {@code /etc/sysctl.d/*.conf} is applied by
   * {@code systemd-sysctl} early at boot, before user data runs: unless the script loads it ({@code
   * sysctl -p}, {@code sysctl --system}) or reboots, it takes effect only at the next boot.
   *
   * @param state the state
   * @param at where the script sets it last, or null when it never does
   * @param how what sets it ({@code sysctl -w net.ipv4.ip_forward=1}, {@code
   *     /etc/sysctl.d/90-nat.conf}), or empty
   * @see <a href="https://docs.kernel.org/networking/ip-sysctl.html">IP Sysctl</a>
   */
  public record Forwarding(State state, @Nullable ScriptLine at, String how) {

    /** Never set by the script: the kernel default, off. */
    public static final Forwarding NOT_SET = new Forwarding(State.NOT_SET, null, "");

    /** States of IPv4 forwarding. */
    public enum State {
      /** On while the script runs, and from then on. */
      ENABLED,
      /** Written to a sysctl file that nothing loads before the next boot. */
      ENABLED_AFTER_REBOOT,
      /** Set to 0 explicitly. */
      DISABLED,
      /** Never set: off, the kernel default. */
      NOT_SET
    }
  }
}
