package dev.netlint.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer "split the box first": a security group rule, a network ACL entry, a route or a
 * gateway covers only part of a box along a dimension where every packet must get through, so the
 * box is split along that boundary and each part traced again. A value, returned by the step that
 * found the boundary up to {@link NetworkGraph}, which splits the box.
 *
 * @param dim the dimension to split along
 * @param addresses for {@link Dim#SRC}, {@link Dim#DST} and {@link Dim#VIEW_REMOTE}: the addresses
 *     on one side of the boundary
 * @param lo for {@link Dim#PROTO}, {@link Dim#PORT} and {@link Dim#VIEW_PORT}: the first protocol
 *     number or port on one side of the boundary
 * @param hi the last one, inclusive
 */
record Split(Dim dim, AddressSet addresses, int lo, int hi)
    implements FilterEvaluator.Match,
        RouteLookup.RouteDecision,
        Gateways.GatewayOutcome,
        Tracer.Outcome {

  /** Which dimension of a {@link Box} to split. */
  enum Dim {
    SRC,
    DST,
    PROTO,
    PORT,
    /**
     * The remote address of one filter's view when it is one unknown address: split only while that
     * filter is evaluated, then the parts' answers are combined.
     */
    VIEW_REMOTE,
    /** Likewise for the ephemeral ports of a reply, which the client picks. */
    VIEW_PORT
  }

  /** A split along an address boundary: {@code addresses} on one side, the rest on the other. */
  static Split addresses(Dim dim, AddressSet addresses) {
    return new Split(dim, addresses, 0, 0);
  }

  /** A split along a protocol or port boundary: {@code lo}-{@code hi} and the rest. */
  static Split range(Dim dim, int lo, int hi) {
    return new Split(dim, AddressSet.EMPTY, lo, hi);
  }

  /**
   * True when the split is local to one filter's view (an unknown address or ephemeral port): the
   * filter evaluates the parts and combines their answers, the box stays whole.
   */
  boolean local() {
    return dim == Dim.VIEW_REMOTE || dim == Dim.VIEW_PORT;
  }

  /** The parts of {@code box} on either side of this split's boundary, never empty ones. */
  List<Box> apply(Box box) {
    List<Box> out = new ArrayList<>(3);
    switch (dim) {
      case SRC -> {
        AddressSet in = box.src().intersect(addresses);
        AddressSet rest = box.src().minus(addresses);
        if (!in.isEmpty()) {
          out.add(box.withSrc(in));
        }
        if (!rest.isEmpty()) {
          out.add(box.withSrc(rest));
        }
      }
      case DST -> {
        AddressSet in = box.dst().intersect(addresses);
        AddressSet rest = box.dst().minus(addresses);
        if (!in.isEmpty()) {
          out.add(box.withDst(in));
        }
        if (!rest.isEmpty()) {
          out.add(box.withDst(rest));
        }
      }
      case PROTO -> {
        int l = Math.max(lo, box.protoLo());
        int h = Math.min(hi, box.protoHi());
        if (box.protoLo() < l) {
          out.add(box.withProtocols(box.protoLo(), l - 1));
        }
        out.add(box.withProtocols(l, h));
        if (h < box.protoHi()) {
          out.add(box.withProtocols(h + 1, box.protoHi()));
        }
      }
      case VIEW_REMOTE, VIEW_PORT -> out.add(box);
      case PORT -> {
        int l = Math.max(lo, box.lo());
        int h = Math.min(hi, box.hi());
        if (box.lo() < l) {
          out.add(box.withPorts(box.lo(), l - 1));
        }
        out.add(box.withPorts(l, h));
        if (h < box.hi()) {
          out.add(box.withPorts(h + 1, box.hi()));
        }
      }
    }
    return out;
  }
}
