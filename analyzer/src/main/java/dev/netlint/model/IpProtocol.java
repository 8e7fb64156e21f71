package dev.netlint.model;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * IP protocol numbers as security group rules ({@code IpProtocol}) and network ACL entries ({@code
 * Protocol}) spell them: a name ({@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}), an IANA
 * number ({@code 6}), or {@code -1} for every protocol.
 *
 * <p>See <a
 * href="https://www.iana.org/assignments/protocol-numbers/protocol-numbers.xhtml">Protocol
 * Numbers</a> and <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-security-group-ingress.html">IpProtocol</a>.
 */
public final class IpProtocol {
  private IpProtocol() {}

  /** Every protocol ({@code -1}). */
  public static final int ALL = -1;

  /** A protocol known only at deploy, or a spelling netlint does not read. */
  public static final int UNKNOWN = -2;

  public static final int ICMP = 1;
  public static final int TCP = 6;
  public static final int UDP = 17;
  public static final int ICMPV6 = 58;

  /**
   * The protocol number a property names: {@link #ALL}, 0 to 255, or {@link #UNKNOWN} when it is
   * absent, symbolic or not a protocol.
   */
  public static int parse(@Nullable Value value) {
    if (value == null) {
      return UNKNOWN;
    }
    String text = value.literal().orElse(null);
    if (text == null) {
      return UNKNOWN;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "tcp":
        return TCP;
      case "udp":
        return UDP;
      case "icmp":
        return ICMP;
      case "icmpv6":
        return ICMPV6;
      case "-1":
      case "all":
        return ALL;
      default:
        break;
    }
    try {
      int n = Integer.parseInt(t);
      return n >= 0 && n <= 255 ? n : UNKNOWN;
    } catch (NumberFormatException e) {
      return UNKNOWN;
    }
  }

  /** The name to show: {@code tcp}, {@code udp}, {@code icmp}, {@code all}, or the number. */
  public static String label(int protocol) {
    return switch (protocol) {
      case TCP -> "tcp";
      case UDP -> "udp";
      case ICMP -> "icmp";
      case ICMPV6 -> "icmpv6";
      case ALL -> "all";
      case UNKNOWN -> "?";
      default -> Integer.toString(protocol);
    };
  }

  /** True for protocols whose rules carry a port range (tcp, udp). */
  public static boolean hasPorts(int protocol) {
    return protocol == TCP || protocol == UDP;
  }

  /** A port, ICMP type or code property as an integer, or null when absent or not literal. */
  static @Nullable Integer integer(@Nullable Value value) {
    if (value == null) {
      return null;
    }
    String text = value.literal().orElse(null);
    if (text == null) {
      return null;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
