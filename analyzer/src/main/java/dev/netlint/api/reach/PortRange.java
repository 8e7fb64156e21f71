package dev.netlint.api.reach;

/**
 * An inclusive range of ports, 0 to 65535 ({@code FromPort}..{@code ToPort} of a security group or
 * network ACL rule).
 *
 * @param from first port, inclusive
 * @param to last port, inclusive
 */
public record PortRange(int from, int to) {

  /** Every port. */
  public static final PortRange ALL = new PortRange(0, 65535);

  /** The ephemeral ports a return path uses (1024-65535), as network ACLs must allow. */
  public static final PortRange EPHEMERAL = new PortRange(1024, 65535);

  public PortRange {
    if (from < 0 || to > 65535 || from > to) {
      throw new IllegalArgumentException("not a port range: " + from + "-" + to);
    }
  }

  /** One port. */
  public static PortRange of(int port) {
    return new PortRange(port, port);
  }

  /** True when every port of {@code other} is in this range. */
  public boolean contains(PortRange other) {
    return from <= other.from && other.to <= to;
  }

  /** True when some port is in both ranges. */
  public boolean overlaps(PortRange other) {
    return from <= other.to && other.from <= to;
  }

  @Override
  public String toString() {
    return from == to ? Integer.toString(from) : from + "-" + to;
  }
}
