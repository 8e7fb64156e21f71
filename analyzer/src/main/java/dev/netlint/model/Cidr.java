package dev.netlint.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address prefix in CIDR notation, as {@code CidrBlock}, {@code CidrIp}, {@code
 * DestinationCidrBlock} and the other CIDR properties of CloudFormation hold it ({@code
 * 10.0.0.0/16}, {@code 2001:db8::/56}). Host bits are cleared: {@code 10.0.1.7/16} is {@code
 * 10.0.0.0/16}. A bare address is a {@code /32} (or {@code /128}) prefix.
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html">VPC CIDR
 * blocks</a>.
 *
 * @param ipv6 true for IPv6
 * @param network the first address of the prefix, as an unsigned number
 * @param prefixLength the prefix length, 0 to 32 (IPv4) or 0 to 128 (IPv6)
 */
public record Cidr(boolean ipv6, BigInteger network, int prefixLength) implements Comparable<Cidr> {

  /** {@code 0.0.0.0/0}. */
  public static final Cidr IPV4_ANY = new Cidr(false, BigInteger.ZERO, 0);

  public Cidr {
    int bits = ipv6 ? 128 : 32;
    if (prefixLength < 0 || prefixLength > bits || network.signum() < 0) {
      throw new IllegalArgumentException("not a prefix: " + network + "/" + prefixLength);
    }
    BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE);
    network = network.andNot(hostMask);
  }

  /**
   * Parses CIDR notation or a bare address.
   *
   * @return empty when {@code text} is not an IPv4 or IPv6 prefix
   */
  public static Optional<Cidr> parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    boolean v6 = address.indexOf(':') >= 0;
    int length;
    if (slash < 0) {
      length = v6 ? 128 : 32;
    } else {
      String p = t.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      length = Integer.parseInt(p);
      if (length > (v6 ? 128 : 32)) {
        return Optional.empty();
      }
    }
    BigInteger n = v6 ? parseV6(address) : parseV4(address);
    return n == null ? Optional.empty() : Optional.of(new Cidr(v6, n, length));
  }

  private static BigInteger parseV4(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return null;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return null;
      }
      value = (value << 8) | octet;
    }
    return BigInteger.valueOf(value);
  }

  private static BigInteger parseV6(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    int gap = a.indexOf("::");
    if (gap >= 0 && a.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    List<String> head = groups(gap < 0 ? a : a.substring(0, gap));
    List<String> tail = gap < 0 ? List.of() : groups(a.substring(gap + 2));
    if (head == null || tail == null) {
      return null;
    }
    int missing = 8 - head.size() - tail.size();
    if ((gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
      return null;
    }
    List<String> all = new ArrayList<>(head);
    for (int i = 0; i < (gap < 0 ? 0 : missing); i++) {
      all.add("0");
    }
    all.addAll(tail);
    BigInteger value = BigInteger.ZERO;
    for (String g : all) {
      if (g.isEmpty() || g.length() > 4) {
        return null;
      }
      int n;
      try {
        n = Integer.parseInt(g, 16);
      } catch (NumberFormatException e) {
        return null;
      }
      value = value.shiftLeft(16).or(BigInteger.valueOf(n));
    }
    return value;
  }

  private static List<String> groups(String s) {
    if (s.isEmpty()) {
      return List.of();
    }
    List<String> out = List.of(s.split(":", -1));
    return out.contains("") ? null : out;
  }

  /** The number of address bits: 32 or 128. */
  public int bits() {
    return ipv6 ? 128 : 32;
  }

  /** The last address of the prefix, as an unsigned number. */
  public BigInteger last() {
    return network.add(BigInteger.ONE.shiftLeft(bits() - prefixLength).subtract(BigInteger.ONE));
  }

  /** The first IPv4 address as a number from 0 to 2^32-1. */
  public long firstV4() {
    return network.longValue();
  }

  /** The last IPv4 address as a number from 0 to 2^32-1. */
  public long lastV4() {
    return last().longValue();
  }

  /** True when every address of {@code other} is in this prefix (same IP version). */
  public boolean contains(Cidr other) {
    return ipv6 == other.ipv6
        && prefixLength <= other.prefixLength
        && network.compareTo(other.network) <= 0
        && last().compareTo(other.last()) >= 0;
  }

  /** True when the two prefixes share an address (same IP version). */
  public boolean overlaps(Cidr other) {
    return ipv6 == other.ipv6
        && network.compareTo(other.last()) <= 0
        && other.network.compareTo(last()) <= 0;
  }

  /**
   * The {@code index}-th of the subnets {@code Fn::Cidr} carves from this prefix: {@code count}
   * consecutive prefixes of {@code bits() - hostBits} bits.
   *
   * @return empty when the prefix cannot hold that many subnets of that size
   */
  public Optional<Cidr> subnet(int index, int count, int hostBits) {
    int length = bits() - hostBits;
    if (index < 0 || index >= count || hostBits < 0 || length < prefixLength) {
      return Optional.empty();
    }
    BigInteger size = BigInteger.ONE.shiftLeft(hostBits);
    BigInteger available = BigInteger.ONE.shiftLeft(length - prefixLength);
    if (BigInteger.valueOf(count).compareTo(available) > 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Cidr(ipv6, network.add(size.multiply(BigInteger.valueOf(index))), length));
  }

  @Override
  public int compareTo(Cidr o) {
    int c = Boolean.compare(ipv6, o.ipv6);
    if (c == 0) {
      c = network.compareTo(o.network);
    }
    return c != 0 ? c : Integer.compare(prefixLength, o.prefixLength);
  }

  @Override
  public String toString() {
    if (!ipv6) {
      long v = network.longValue();
      return ((v >>> 24) & 255)
          + "."
          + ((v >>> 16) & 255)
          + "."
          + ((v >>> 8) & 255)
          + "."
          + (v & 255)
          + "/"
          + prefixLength;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 7; i >= 0; i--) {
      int g = network.shiftRight(16 * i).intValue() & 0xffff;
      sb.append(Integer.toHexString(g));
      if (i > 0) {
        sb.append(':');
      }
    }
    return sb.toString().replaceFirst("(^|:)0(:0)+(:|$)", "::") + "/" + prefixLength;
  }
}
