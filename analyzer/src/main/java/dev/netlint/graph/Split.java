package dev.netlint.graph;

/**
 * Raised while a box is traced when a rule covers only part of it along a dimension where every
 * packet must get through: the box is split along the rule's boundary and each part traced again.
 */
final class Split extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which dimension of a {@link Box} to split. */
  enum Dim {
    SRC,
    DST,
    PROTO,
    PORT,
    /**
     * The remote address of one rule list's view when it is one unknown address: split only while
     * that list is evaluated, then the parts' answers are combined.
     */
    VIEW_REMOTE,
    /** Likewise for the ephemeral ports of a reply, which the client picks. */
    VIEW_PORT
  }

  final Dim dim;
  final transient AddressSet addresses;
  final int lo;
  final int hi;

  Split(Dim dim, AddressSet addresses, int lo, int hi) {
    super(null, null, false, false);
    this.dim = dim;
    this.addresses = addresses;
    this.lo = lo;
    this.hi = hi;
  }

  /** The parts of {@code box} on either side of this split's boundary, never empty ones. */
  java.util.List<Box> apply(Box box) {
    java.util.List<Box> out = new java.util.ArrayList<>(3);
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
