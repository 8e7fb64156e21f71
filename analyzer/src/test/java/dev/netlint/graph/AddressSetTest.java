package dev.netlint.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Cidr;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Address set operations against bit sets over a small universe. */
class AddressSetTest {

  private static AddressSet random(Random r, BitSet bits) {
    AddressSet s = AddressSet.EMPTY;
    int ranges = r.nextInt(4);
    for (int i = 0; i < ranges; i++) {
      int lo = r.nextInt(64);
      int hi = lo + r.nextInt(64 - lo);
      s = s.plus(AddressSet.range(lo, hi));
      bits.set(lo, hi + 1);
    }
    return s;
  }

  private static BitSet bits(AddressSet s) {
    BitSet b = new BitSet();
    for (int i = 0; i < 64; i++) {
      if (!AddressSet.range(i, i).disjoint(s)) {
        b.set(i);
      }
    }
    return b;
  }

  @Test
  void unionIntersectionDifferenceAndTestsMatchBitSets() {
    Random r = new Random(11);
    for (int n = 0; n < 5000; n++) {
      BitSet a = new BitSet();
      BitSet b = new BitSet();
      AddressSet x = random(r, a);
      AddressSet y = random(r, b);
      BitSet union = (BitSet) a.clone();
      union.or(b);
      BitSet both = (BitSet) a.clone();
      both.and(b);
      BitSet diff = (BitSet) a.clone();
      diff.andNot(b);

      assertThat(bits(x)).isEqualTo(a);
      assertThat(bits(x.plus(y))).isEqualTo(union);
      assertThat(bits(x.intersect(y))).isEqualTo(both);
      assertThat(bits(x.minus(y))).isEqualTo(diff);
      assertThat(x.disjoint(y)).isEqualTo(both.isEmpty());
      assertThat(x.within(y)).isEqualTo(diff.isEmpty());
      assertThat(x.minus(y).plus(x.intersect(y))).isEqualTo(x);
    }
  }

  @Test
  void publicSpaceExcludesPrivateRangesAndPrintsAsCidrs() {
    AddressSet vpc = AddressSet.of(Cidr.parse("10.0.0.0/16").orElseThrow());

    assertThat(vpc.disjoint(AddressSet.PUBLIC)).isTrue();
    assertThat(AddressSet.of(Cidr.parse("52.0.0.0/8").orElseThrow()).within(AddressSet.PUBLIC))
        .isTrue();
    assertThat(vpc).hasToString("10.0.0.0/16");
    assertThat(AddressSet.range(AddressSet.MAX - 1, AddressSet.MAX))
        .hasToString("255.255.255.254/31");
    assertThat(AddressSet.range(1, 3)).hasToString("0.0.0.1-0.0.0.3");
  }
}
