package dev.netlint.graph;

import dev.netlint.model.Cidr;

/**
 * A set of IPv4 addresses as sorted, disjoint, non-adjacent inclusive ranges of unsigned 32-bit
 * numbers. Immutable. Prefixes are read and addresses written by {@link Cidr}; this class only does
 * the set arithmetic the tracer needs on many ranges at once.
 */
final class AddressSet {
  static final long MAX = 0xFFFF_FFFFL;
  static final AddressSet EMPTY = new AddressSet(new long[0]);
  static final AddressSet ALL = new AddressSet(new long[] {0, MAX});

  /**
   * The public IPv4 space: everything but the special-purpose ranges of RFC 6890 (this network,
   * private ranges, shared address space, loopback, link local, multicast and reserved).
   */
  static final AddressSet PUBLIC =
      ALL.minus(cidr("0.0.0.0/8"))
          .minus(cidr("10.0.0.0/8"))
          .minus(cidr("100.64.0.0/10"))
          .minus(cidr("127.0.0.0/8"))
          .minus(cidr("169.254.0.0/16"))
          .minus(cidr("172.16.0.0/12"))
          .minus(cidr("192.168.0.0/16"))
          .minus(cidr("224.0.0.0/3"));

  /** Pairs: lo0, hi0, lo1, hi1, ... */
  private final long[] bounds;

  private AddressSet(long[] bounds) {
    this.bounds = bounds;
  }

  static AddressSet of(Cidr cidr) {
    if (cidr.ipv6()) {
      return EMPTY;
    }
    return range(cidr.firstV4(), cidr.lastV4());
  }

  static AddressSet range(long lo, long hi) {
    return lo > hi ? EMPTY : new AddressSet(new long[] {lo, hi});
  }

  private static AddressSet cidr(String text) {
    return of(Cidr.parse(text).orElseThrow());
  }

  boolean isEmpty() {
    return bounds.length == 0;
  }

  AddressSet plus(AddressSet other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    long[][] all = new long[(bounds.length + other.bounds.length) / 2][];
    int n = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      all[n++] = new long[] {bounds[i], bounds[i + 1]};
    }
    for (int i = 0; i < other.bounds.length; i += 2) {
      all[n++] = new long[] {other.bounds[i], other.bounds[i + 1]};
    }
    java.util.Arrays.sort(all, (a, b) -> Long.compare(a[0], b[0]));
    long[] out = new long[all.length * 2];
    int k = 0;
    long lo = all[0][0];
    long hi = all[0][1];
    for (int i = 1; i < all.length; i++) {
      if (all[i][0] > hi + 1) {
        out[k++] = lo;
        out[k++] = hi;
        lo = all[i][0];
        hi = all[i][1];
      } else {
        hi = Math.max(hi, all[i][1]);
      }
    }
    out[k++] = lo;
    out[k++] = hi;
    return new AddressSet(java.util.Arrays.copyOf(out, k));
  }

  AddressSet intersect(AddressSet other) {
    long[] out = new long[bounds.length + other.bounds.length];
    int k = 0;
    int i = 0;
    int j = 0;
    while (i < bounds.length && j < other.bounds.length) {
      long lo = Math.max(bounds[i], other.bounds[j]);
      long hi = Math.min(bounds[i + 1], other.bounds[j + 1]);
      if (lo <= hi) {
        out[k++] = lo;
        out[k++] = hi;
      }
      if (bounds[i + 1] < other.bounds[j + 1]) {
        i += 2;
      } else {
        j += 2;
      }
    }
    return k == 0 ? EMPTY : new AddressSet(java.util.Arrays.copyOf(out, k));
  }

  AddressSet minus(AddressSet other) {
    if (other.isEmpty() || isEmpty()) {
      return this;
    }
    long[] out = new long[bounds.length + other.bounds.length + 2];
    int k = 0;
    int j = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      long lo = bounds[i];
      long hi = bounds[i + 1];
      while (j < other.bounds.length && other.bounds[j + 1] < lo) {
        j += 2;
      }
      int m = j;
      while (lo <= hi) {
        if (m >= other.bounds.length || other.bounds[m] > hi) {
          out = ensure(out, k + 2);
          out[k++] = lo;
          out[k++] = hi;
          break;
        }
        if (other.bounds[m] > lo) {
          out = ensure(out, k + 2);
          out[k++] = lo;
          out[k++] = other.bounds[m] - 1;
        }
        lo = other.bounds[m + 1] + 1;
        if (other.bounds[m + 1] >= hi) {
          break;
        }
        m += 2;
      }
    }
    return k == 0 ? EMPTY : new AddressSet(java.util.Arrays.copyOf(out, k));
  }

  private static long[] ensure(long[] a, int size) {
    return size <= a.length ? a : java.util.Arrays.copyOf(a, Math.max(size, a.length * 2));
  }

  /** True when every address of this set is in {@code other}. */
  boolean within(AddressSet other) {
    int j = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      while (j < other.bounds.length && other.bounds[j + 1] < bounds[i]) {
        j += 2;
      }
      if (j >= other.bounds.length
          || other.bounds[j] > bounds[i]
          || other.bounds[j + 1] < bounds[i + 1]) {
        return false;
      }
    }
    return true;
  }

  /** True when no address is in both. */
  boolean disjoint(AddressSet other) {
    int i = 0;
    int j = 0;
    while (i < bounds.length && j < other.bounds.length) {
      if (Math.max(bounds[i], other.bounds[j]) <= Math.min(bounds[i + 1], other.bounds[j + 1])) {
        return false;
      }
      if (bounds[i + 1] < other.bounds[j + 1]) {
        i += 2;
      } else {
        j += 2;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddressSet a && java.util.Arrays.equals(bounds, a.bounds);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(bounds);
  }

  /** The set as CIDRs or ranges: {@code 10.0.1.0/24}, {@code 10.0.0.0-10.0.0.5}. */
  @Override
  public String toString() {
    if (isEmpty()) {
      return "no address";
    }
    if (equals(ALL)) {
      return "0.0.0.0/0";
    }
    if (equals(PUBLIC)) {
      return "the public IPv4 space";
    }
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      if (shown == 3) {
        sb.append(", ...");
        break;
      }
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(rangeText(bounds[i], bounds[i + 1]));
      shown++;
    }
    return sb.toString();
  }

  private static String rangeText(long lo, long hi) {
    long size = hi - lo + 1;
    if (Long.bitCount(size) == 1 && (lo & (size - 1)) == 0) {
      return Cidr.ipv4(lo, 32 - Long.numberOfTrailingZeros(size)).toString();
    }
    return ip(lo) + "-" + ip(hi);
  }

  /** The dotted text of an IPv4 address given as a number from 0 to 2^32-1. */
  static String ip(long v) {
    return Cidr.ipv4(v, 32).address();
  }
}
