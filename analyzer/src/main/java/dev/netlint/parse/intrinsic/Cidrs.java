package dev.netlint.parse.intrinsic;

import dev.netlint.model.Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code Fn::Cidr} computes: {@code count} consecutive subnets of an IPv4 or IPv6 block, each
 * with {@code cidrBits} host bits (a prefix of /(32 - cidrBits) for IPv4, /(128 - cidrBits) for
 * IPv6), starting at the block's network address. The block is read and the subnets are written by
 * {@link Cidr}, so IPv6 results are written as RFC 5952 says ({@code 2001:db8:0:1::/64}).
 *
 * <p>Follows <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-cidr.html">Fn::Cidr</a>.
 */
final class Cidrs {
  private Cidrs() {}

  /**
   * The subnets, in address order.
   *
   * @throws IllegalArgumentException with a message for the template's author when the block is not
   *     a CIDR block, {@code count} is not 1 to 256, or the subnets do not fit in the block
   */
  static List<String> subnets(String ipBlock, int count, int cidrBits) {
    String block = ipBlock.trim();
    int slash = block.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(ipBlock + " is not a CIDR block");
    }
    String address = block.substring(0, slash);
    boolean v6 = address.indexOf(':') >= 0;
    if (Cidr.parse(address).isEmpty()) {
      throw new IllegalArgumentException(
          address + (v6 ? " is not an IPv6 address" : " is not an IPv4 address"));
    }
    Cidr cidr = Cidr.parse(block).orElseThrow(() -> badPrefix(block, v6, ipBlock));
    int width = cidr.bits();
    int prefix = cidr.prefixLength();
    if (count < 1 || count > 256) {
      throw new IllegalArgumentException("count " + count + " is not between 1 and 256");
    }
    if (cidrBits < 1 || cidrBits > width) {
      throw new IllegalArgumentException(
          "cidrBits " + cidrBits + " is not between 1 and " + width + " for " + ipBlock);
    }
    int newPrefix = width - cidrBits;
    if (newPrefix < prefix) {
      throw new IllegalArgumentException(
          "a /" + newPrefix + " subnet (cidrBits " + cidrBits + ") is larger than " + ipBlock);
    }
    if (newPrefix - prefix < 9 && count > (1 << (newPrefix - prefix))) {
      int room = 1 << (newPrefix - prefix);
      throw new IllegalArgumentException(
          ipBlock
              + " has room for "
              + room
              + (room == 1 ? " subnet" : " subnets")
              + " of /"
              + newPrefix
              + ", not "
              + count);
    }
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(cidr.subnet(i, count, cidrBits).orElseThrow().toString());
    }
    return out;
  }

  /** The address is good, so the prefix length is what is wrong. */
  private static IllegalArgumentException badPrefix(String block, boolean v6, String ipBlock) {
    String length = block.substring(block.indexOf('/') + 1);
    int width = v6 ? 128 : 32;
    boolean tooLong =
        !length.isEmpty()
            && length.length() <= 3
            && length.chars().allMatch(c -> c >= '0' && c <= '9')
            && Integer.parseInt(length) > width;
    return new IllegalArgumentException(
        tooLong
            ? ipBlock + " has a prefix longer than /" + width
            : ipBlock + " is not a CIDR block");
  }
}
