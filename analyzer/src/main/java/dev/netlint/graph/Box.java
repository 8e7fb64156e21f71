package dev.netlint.graph;

import dev.netlint.model.IpProtocol;

/**
 * A set of packets evaluated together: source and destination addresses, a range of protocol
 * numbers and, for a single tcp or udp protocol, a range of destination ports (for icmp, a range of
 * ICMP types). Splits keep every box uniform for every security group rule, network ACL entry and
 * route on its path.
 *
 * @param src the source addresses
 * @param srcAll true when every source address must get through (a CIDR or the internet); false
 *     when the source is one address netlint does not know (a workload somewhere in its subnet)
 * @param dst the destination addresses
 * @param dstAll likewise for the destination
 * @param protoLo first protocol number
 * @param protoHi last protocol number
 * @param lo first port (or ICMP type), when the protocol is single
 * @param hi last port (or ICMP type), inclusive
 */
record Box(
    AddressSet src,
    boolean srcAll,
    AddressSet dst,
    boolean dstAll,
    int protoLo,
    int protoHi,
    int lo,
    int hi) {

  boolean single() {
    return protoLo == protoHi;
  }

  boolean hasPorts() {
    return single() && IpProtocol.hasPorts(protoLo);
  }

  boolean icmp() {
    return single() && protoLo == IpProtocol.ICMP;
  }

  Box withSrc(AddressSet s) {
    return new Box(s, srcAll, dst, dstAll, protoLo, protoHi, lo, hi);
  }

  Box withDst(AddressSet d) {
    return new Box(src, srcAll, d, dstAll, protoLo, protoHi, lo, hi);
  }

  Box withPorts(int l, int h) {
    return new Box(src, srcAll, dst, dstAll, protoLo, protoHi, l, h);
  }

  Box withProtocols(int l, int h) {
    return new Box(src, srcAll, dst, dstAll, l, h, 0, 0);
  }

  /** {@code tcp/5432}, {@code udp/1000-2000}, {@code icmp echo}, {@code protocol 47}. */
  String traffic() {
    if (hasPorts()) {
      return IpProtocol.label(protoLo) + "/" + (lo == hi ? Integer.toString(lo) : lo + "-" + hi);
    }
    if (icmp()) {
      if (lo == 8 && hi == 8) {
        return "icmp echo";
      }
      return "icmp type " + (lo == hi ? Integer.toString(lo) : lo + "-" + hi);
    }
    if (single()) {
      return "protocol " + protoLo;
    }
    return "protocols " + protoLo + "-" + protoHi;
  }
}
