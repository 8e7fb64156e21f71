package dev.netlint.api.reach;

import java.util.Locale;

/**
 * An IP protocol as security group and network ACL rules name it ({@code IpProtocol}: {@code
 * tcp}/{@code 6}, {@code udp}/{@code 17}, {@code icmp}/{@code 1}, {@code -1} for all).
 */
public enum Protocol {
  TCP(6),
  UDP(17),
  ICMP(1),
  /** {@code -1}: every protocol. */
  ALL(-1);

  private final int number;

  Protocol(int number) {
    this.number = number;
  }

  /** The IANA protocol number, -1 for all. */
  public int number() {
    return number;
  }

  /** The lower-case name: tcp, udp, icmp, all. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an {@code IpProtocol} value: a name or a number; {@code -1} and {@code all} are ALL.
   *
   * @throws IllegalArgumentException for other protocols (netlint models tcp, udp and icmp)
   */
  public static Protocol parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "tcp", "6" -> TCP;
      case "udp", "17" -> UDP;
      case "icmp", "1" -> ICMP;
      case "-1", "all" -> ALL;
      default -> throw new IllegalArgumentException("protocol '" + value + "' is not modeled");
    };
  }

  /** True when a rule for {@code this} protocol covers traffic of {@code other}. */
  public boolean covers(Protocol other) {
    return this == ALL || this == other;
  }
}
