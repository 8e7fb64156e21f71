package dev.netlint.model;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address prefix in CIDR notation, as {@code CidrBlock}, {@code CidrIp}, {@code
 * CidrIpv6}, {@code DestinationCidrBlock} and the other CIDR properties of CloudFormation hold it
 * ({@code 10.0.0.0/16}, {@code 2001:db8::/56}). Host bits are cleared: {@code 10.0.1.7/16} is
 * {@code 10.0.0.0/16}. A bare address is a {@code /32} (or {@code /128}) prefix. Immutable; equal
 * when the IP version, the first address and the prefix length are equal.
 *
 * <p>This is netlint's one address type: parsing, text, containment and prefix arithmetic are done
 * by the IPAddress library ({@code com.github.seancfoley:ipaddress}), restricted to the notations
 * AWS takes: four dotted decimal octets, or eight colon-separated hexadecimal groups with at most
 * one {@code ::} and optionally a trailing dotted IPv4 part; no ranges, wildcards, masks, zones or
 * {@code inet_aton} forms. IPv6 prefixes print as RFC 5952 recommends ({@code
 * 2001:db8:0:0:1::/127}: lower case, the longest run of two or more zero groups compressed, the
 * first of equal runs).
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html">VPC CIDR
 * blocks</a>.
 */
public final class Cidr implements Comparable<Cidr> {

  /** What AWS writes in a CIDR property, and nothing of the library's wider syntax. */
  private static final IPAddressStringParameters NOTATION = notation();

  /** {@code 0.0.0.0/0}. */
  public static final Cidr IPV4_ANY = new Cidr(false, BigInteger.ZERO, 0);

  private final IPAddress block;
  private final boolean ipv6;
  private final BigInteger network;
  private final int prefixLength;

  /**
   * The prefix of {@code prefixLength} bits that holds {@code network}; host bits of {@code
   * network} are cleared.
   *
   * @param ipv6 true for IPv6
   * @param network an address of the prefix, as an unsigned number below 2^32 (IPv4) or 2^128
   * @param prefixLength the prefix length, 0 to 32 (IPv4) or 0 to 128 (IPv6)
   * @throws IllegalArgumentException when {@code network} or {@code prefixLength} is out of range
   */
  public Cidr(boolean ipv6, BigInteger network, int prefixLength) {
    this(block(ipv6, network, prefixLength));
  }

  private Cidr(IPAddress block) {
    this.block = block;
    this.ipv6 = block.isIPv6();
    this.network = block.getValue();
    this.prefixLength = Objects.requireNonNull(block.getNetworkPrefixLength());
  }

  private static IPAddress block(boolean ipv6, BigInteger network, int prefixLength) {
    int bits = ipv6 ? IPv6Address.BIT_COUNT : IPv4Address.BIT_COUNT;
    if (prefixLength < 0
        || prefixLength > bits
        || network.signum() < 0
        || network.bitLength() > bits) {
      throw new IllegalArgumentException("not a prefix: " + network + "/" + prefixLength);
    }
    IPAddress address =
        ipv6
            ? new IPv6Address(network, prefixLength)
            : new IPv4Address(network.intValue(), prefixLength);
    return address.toPrefixBlock();
  }

  /**
   * Parses CIDR notation or a bare address; surrounding white space is ignored.
   *
   * @return empty when {@code text} is not an IPv4 or IPv6 prefix in the notation AWS takes
   */
  public static Optional<Cidr> parse(String text) {
    IPAddress address = new IPAddressString(text.trim(), NOTATION).getAddress();
    if (address == null) {
      return Optional.empty();
    }
    if (address.getNetworkPrefixLength() == null) {
      address = address.setPrefixLength(address.getBitCount(), false);
    }
    return Optional.of(new Cidr(address.toPrefixBlock()));
  }

  /**
   * The IPv4 prefix of {@code prefixLength} bits that holds {@code address}.
   *
   * @param address an IPv4 address as a number from 0 to 2^32-1
   * @param prefixLength 0 to 32
   * @throws IllegalArgumentException when either is out of range
   */
  public static Cidr ipv4(long address, int prefixLength) {
    return new Cidr(false, BigInteger.valueOf(address), prefixLength);
  }

  /** True for IPv6. */
  public boolean ipv6() {
    return ipv6;
  }

  /** The first address of the prefix, as an unsigned number. */
  public BigInteger network() {
    return network;
  }

  /** The prefix length, 0 to 32 (IPv4) or 0 to 128 (IPv6). */
  public int prefixLength() {
    return prefixLength;
  }

  /** The number of address bits: 32 or 128. */
  public int bits() {
    return block.getBitCount();
  }

  /** The last address of the prefix, as an unsigned number. */
  public BigInteger last() {
    return block.getUpperValue();
  }

  /** The first IPv4 address as a number from 0 to 2^32-1. */
  public long firstV4() {
    return network.longValue();
  }

  /** The last IPv4 address as a number from 0 to 2^32-1. */
  public long lastV4() {
    return last().longValue();
  }

  /**
   * The first address of the prefix without the prefix length: {@code 10.0.0.0}, {@code 2001:db8::}
   * (RFC 5952).
   */
  public String address() {
    return block.getLower().withoutPrefixLength().toCanonicalString();
  }

  /** True when every address of {@code other} is in this prefix (same IP version). */
  public boolean contains(Cidr other) {
    return ipv6 == other.ipv6 && block.contains(other.block);
  }

  /** True when the two prefixes share an address (same IP version). */
  public boolean overlaps(Cidr other) {
    return ipv6 == other.ipv6 && block.overlaps(other.block);
  }

  /**
   * The {@code index}-th of the subnets {@code Fn::Cidr} carves from this prefix: {@code count}
   * consecutive prefixes of {@code bits() - hostBits} bits, the first starting at this prefix's
   * first address.
   *
   * @return empty when the prefix cannot hold that many subnets of that size
   */
  public Optional<Cidr> subnet(int index, int count, int hostBits) {
    int length = bits() - hostBits;
    if (index < 0 || index >= count || hostBits < 0 || length < prefixLength) {
      return Optional.empty();
    }
    BigInteger available = BigInteger.ONE.shiftLeft(length - prefixLength);
    if (BigInteger.valueOf(count).compareTo(available) > 0) {
      return Optional.empty();
    }
    BigInteger offset = BigInteger.valueOf(index).shiftLeft(hostBits);
    IPAddress first = block.getLower().withoutPrefixLength().increment(offset);
    return Optional.of(new Cidr(first.toPrefixBlock(length)));
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
  public boolean equals(Object o) {
    return o instanceof Cidr c
        && ipv6 == c.ipv6
        && prefixLength == c.prefixLength
        && network.equals(c.network);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ipv6, network, prefixLength);
  }

  /** CIDR notation: {@code 10.0.0.0/16}, {@code 2001:db8:0:0:1::/127} (RFC 5952). */
  @Override
  public String toString() {
    return address() + "/" + prefixLength;
  }

  private static IPAddressStringParameters notation() {
    IPAddressStringParameters.Builder b =
        new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowMask(false)
            .allowPrefixOnly(false)
            .allowWildcardedSeparator(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .allow_inet_aton(false);
    b.getIPv4AddressParametersBuilder()
        .allowBinary(false)
        .allowPrefixesBeyondAddressSize(false)
        .allowUnlimitedLeadingZeros(false)
        .allowWildcardedSeparator(false)
        .setRangeOptions(RangeParameters.NO_RANGE);
    b.getIPv6AddressParametersBuilder()
        .allowBase85(false)
        .allowBinary(false)
        .allowZone(false)
        .allowEmptyZone(false)
        .allowMixed(true)
        .allow_mixed_inet_aton(false)
        .allowPrefixesBeyondAddressSize(false)
        .allowUnlimitedLeadingZeros(false)
        .allowWildcardedSeparator(false)
        .setRangeOptions(RangeParameters.NO_RANGE);
    return b.toParams();
  }
}
