package dev.netlint.parse.intrinsic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code Fn::Cidr} computes: {@code count} consecutive subnets of an IPv4 or IPv6 block, each
 * with {@code cidrBits} host bits (a prefix of /(32 - cidrBits) for IPv4, /(128 - cidrBits) for
 * IPv6), starting at the block's network address. IPv6 results are written as RFC 5952 says ({@code
 * 2001:db8:0:1::/64}).
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
    boolean v6 = block.substring(0, slash).indexOf(':') >= 0;
    int width = v6 ? 128 : 32;
    BigInteger address =
        v6 ? parseV6(block.substring(0, slash)) : parseV4(block.substring(0, slash));
    int prefix = parsePrefix(block.substring(slash + 1), width, ipBlock);
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
    BigInteger hostMask = BigInteger.ONE.shiftLeft(width - prefix).subtract(BigInteger.ONE);
    BigInteger base = address.andNot(hostMask);
    BigInteger step = BigInteger.ONE.shiftLeft(cidrBits);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      BigInteger a = base.add(step.multiply(BigInteger.valueOf(i)));
      out.add((v6 ? formatV6(a) : formatV4(a)) + "/" + newPrefix);
    }
    return out;
  }

  private static int parsePrefix(String s, int width, String block) {
    if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(block + " is not a CIDR block");
    }
    int p = Integer.parseInt(s);
    if (p > width) {
      throw new IllegalArgumentException(block + " has a prefix longer than /" + width);
    }
    return p;
  }

  private static BigInteger parseV4(String s) {
    String[] octets = s.split("\\.", -1);
    if (octets.length != 4) {
      throw new IllegalArgumentException(s + " is not an IPv4 address");
    }
    long value = 0;
    for (String o : octets) {
      if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException(s + " is not an IPv4 address");
      }
      int n = Integer.parseInt(o);
      if (n > 255) {
        throw new IllegalArgumentException(s + " is not an IPv4 address");
      }
      value = (value << 8) | n;
    }
    return BigInteger.valueOf(value);
  }

  private static BigInteger parseV6(String s) {
    String text = s;
    List<Integer> tailV4 = new ArrayList<>();
    int lastColon = text.lastIndexOf(':');
    if (text.indexOf('.', lastColon + 1) >= 0) {
      long v4 = parseV4(text.substring(lastColon + 1)).longValue();
      tailV4.add((int) (v4 >>> 16));
      tailV4.add((int) (v4 & 0xffff));
      text = text.substring(0, lastColon + 1);
      if (!text.endsWith("::")) {
        text = text.substring(0, text.length() - 1);
        if (text.isEmpty()) {
          throw new IllegalArgumentException(s + " is not an IPv6 address");
        }
      }
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      throw new IllegalArgumentException(s + " is not an IPv6 address");
    }
    List<Integer> head = groups(gap >= 0 ? text.substring(0, gap) : text, s);
    List<Integer> tail = gap >= 0 ? groups(text.substring(gap + 2), s) : new ArrayList<>();
    tail.addAll(tailV4);
    int total = head.size() + tail.size();
    if (gap < 0 ? total != 8 : total > 7) {
      throw new IllegalArgumentException(s + " is not an IPv6 address");
    }
    BigInteger value = BigInteger.ZERO;
    List<Integer> all = new ArrayList<>(head);
    for (int i = total; i < 8; i++) {
      all.add(0);
    }
    all.addAll(tail);
    for (int g : all) {
      value = value.shiftLeft(16).or(BigInteger.valueOf(g));
    }
    return value;
  }

  private static List<Integer> groups(String text, String address) {
    List<Integer> out = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String g : text.split(":", -1)) {
      if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(Cidrs::isHex)) {
        throw new IllegalArgumentException(address + " is not an IPv6 address");
      }
      out.add(Integer.parseInt(g, 16));
    }
    return out;
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static String formatV4(BigInteger a) {
    long v = a.longValue();
    return ((v >>> 24) & 0xff)
        + "."
        + ((v >>> 16) & 0xff)
        + "."
        + ((v >>> 8) & 0xff)
        + "."
        + (v & 0xff);
  }

  private static String formatV6(BigInteger a) {
    int[] g = new int[8];
    for (int i = 7; i >= 0; i--) {
      g[7 - i] = a.shiftRight(16 * i).intValue() & 0xffff;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]).toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }
}
