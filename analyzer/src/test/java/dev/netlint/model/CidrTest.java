package dev.netlint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  @Test
  void parsesIpv4AndClearsHostBits() {
    Cidr c = Cidr.parse("10.0.1.7/16").orElseThrow();

    assertThat(c.toString()).isEqualTo("10.0.0.0/16");
    assertThat(c.firstV4()).isEqualTo(0x0A000000L);
    assertThat(c.lastV4()).isEqualTo(0x0A00FFFFL);
    assertThat(Cidr.parse("192.168.1.1").orElseThrow().prefixLength()).isEqualTo(32);
  }

  @Test
  void parsesIpv6() {
    Cidr c = Cidr.parse("2001:db8::/56").orElseThrow();

    assertThat(c.ipv6()).isTrue();
    assertThat(c.toString()).isEqualTo("2001:db8::/56");
    assertThat(c.contains(Cidr.parse("2001:db8:0:ff::/64").orElseThrow())).isTrue();
    assertThat(Cidr.parse("::/0").orElseThrow().toString()).isEqualTo("::/0");
  }

  /** Input as a template may hold it, and the one text netlint prints for it. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.0.0/16            | 10.0.0.0/16",
        "10.0.1.7/16            | 10.0.0.0/16",
        "' 10.0.0.0/8 '         | 10.0.0.0/8",
        "192.168.1.1            | 192.168.1.1/32",
        "0.0.0.0/0              | 0.0.0.0/0",
        "255.255.255.255/32     | 255.255.255.255/32",
        "010.001.000.000/16     | 10.1.0.0/16",
        "10.0.0.0/016           | 10.0.0.0/16",
        "::/0                   | ::/0",
        "::1                    | ::1/128",
        "2001:DB8::/32          | 2001:db8::/32",
        "2001:0db8:0000:0000:0000:0000:0000:0000/64 | 2001:db8::/64",
        "2001:db8::1:0:0:0/127  | 2001:db8:0:0:1::/127",
        "2001:db8:0:0:1:0:0:0/127 | 2001:db8:0:0:1::/127",
        "1:0:0:2:0:0:0:3/127    | 1:0:0:2::2/127",
        "2001:0:0:1:0:0:1:0/127 | 2001::1:0:0:1:0/127",
        "1:2:3:4:5:6:7::/128    | 1:2:3:4:5:6:7:0/128",
        "2001:db8:0:1:1:1:1:1/64 | 2001:db8:0:1::/64",
        "fd00:0:0:ff00::/56     | fd00:0:0:ff00::/56",
        "::ffff:10.0.0.0/120    | ::ffff:a00:0/120",
        "fe80::1/10             | fe80::/10",
      })
  void canonicalText(String input, String expected) {
    Cidr c = Cidr.parse(input).orElseThrow();

    assertThat(c).hasToString(expected);
    assertThat(Cidr.parse(expected)).hasValue(c);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "10.0.0.0/33",
        "10.0.0/16",
        "10.0.0",
        "256.0.0.0/8",
        "${VpcCidr}",
        "1::2::3/64",
        "10.0.0.0/",
        "10.0.0.0/-1",
        "10.0.0.0/8/8",
        "10.0.0.0/255.255.0.0",
        "+1.0.0.0/8",
        "0x0a.0.0.0/8",
        "0010.0.0.0/8",
        "10.0.0.1-5/32",
        "10.*.0.0/16",
        "*",
        "10.0.0.0 /8",
        "example.com/24",
        "::-1/0",
        "::-1",
        "2001:db8:::/64",
        "2001:db8:g::/64",
        "2001:db8::/129",
        "1:2:3:4:5:6:7:8:9/64",
        "1:2:3/64",
        ":1.2.3.4/96",
        "::1.2.3/96",
        "fe80::1%eth0",
        "00000::/0",
        "1::/0x10",
      })
  void rejectsWhatIsNotAPrefix(String text) {
    assertThat(Cidr.parse(text)).isEmpty();
  }

  @Test
  void theConstructorRefusesWhatIsNotAPrefix() {
    assertThatThrownBy(() -> new Cidr(true, BigInteger.ONE.negate(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Cidr(false, BigInteger.ONE.shiftLeft(32), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Cidr(false, BigInteger.ZERO, 33))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.ipv4(0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Cidr(false, BigInteger.valueOf(0x0A000107L), 16))
        .isEqualTo(Cidr.parse("10.0.0.0/16").orElseThrow())
        .hasSameHashCodeAs(Cidr.parse("10.0.0.0/16").orElseThrow());
    assertThat(Cidr.ipv4(0x0A000107L, 32).address()).isEqualTo("10.0.1.7");
    assertThat(Cidr.IPV4_ANY).hasToString("0.0.0.0/0");
  }

  @Test
  void ipv6TextIsRfc5952ForRandomAddresses() {
    Random random = new Random(5952);
    for (int n = 0; n < 20_000; n++) {
      int[] groups = new int[8];
      BigInteger value = BigInteger.ZERO;
      for (int i = 0; i < 8; i++) {
        // Mostly zero groups, so that zero runs of every length and position come up.
        groups[i] = random.nextInt(3) == 0 ? random.nextInt(0x10000) : 0;
        value = value.shiftLeft(16).or(BigInteger.valueOf(groups[i]));
      }
      Cidr c = new Cidr(true, value, 128);

      assertThat(c.toString()).isEqualTo(rfc5952(groups) + "/128");
      assertThat(Cidr.parse(c.toString())).hasValue(c);
      assertThat(Cidr.parse(uncompressed(groups))).hasValue(c);
    }
  }

  @Test
  void prefixArithmeticAgreesWithNumbers() {
    Random random = new Random(7);
    for (int n = 0; n < 5_000; n++) {
      Cidr a = randomIpv4(random);
      Cidr b = randomIpv4(random);
      boolean contains = a.firstV4() <= b.firstV4() && b.lastV4() <= a.lastV4();
      boolean overlaps = a.firstV4() <= b.lastV4() && b.firstV4() <= a.lastV4();

      assertThat(a.contains(b)).as("%s contains %s", a, b).isEqualTo(contains);
      assertThat(a.overlaps(b)).as("%s overlaps %s", a, b).isEqualTo(overlaps);
      assertThat(a.lastV4() - a.firstV4() + 1).isEqualTo(1L << (32 - a.prefixLength()));
      assertThat(a.firstV4() & ((1L << (32 - a.prefixLength())) - 1)).isZero();
      assertThat(Integer.signum(a.compareTo(b)))
          .isEqualTo(
              a.firstV4() != b.firstV4()
                  ? Long.signum(a.firstV4() - b.firstV4())
                  : Integer.signum(a.prefixLength() - b.prefixLength()));
    }
  }

  @Test
  void containsAndOverlaps() {
    Cidr vpc = Cidr.parse("10.0.0.0/16").orElseThrow();
    Cidr subnet = Cidr.parse("10.0.3.0/24").orElseThrow();
    Cidr other = Cidr.parse("10.1.0.0/16").orElseThrow();

    assertThat(vpc.contains(subnet)).isTrue();
    assertThat(subnet.contains(vpc)).isFalse();
    assertThat(vpc.overlaps(subnet)).isTrue();
    assertThat(vpc.overlaps(other)).isFalse();
    assertThat(vpc.contains(Cidr.parse("::/0").orElseThrow())).isFalse();
    assertThat(Cidr.IPV4_ANY.overlaps(Cidr.parse("::/0").orElseThrow())).isFalse();
    assertThat(Cidr.parse("::ffff:0:0/96").orElseThrow().contains(vpc)).isFalse();
  }

  @Test
  void carvesSubnetsAsFnCidrDoes() {
    Cidr vpc = Cidr.parse("10.0.0.0/16").orElseThrow();

    assertThat(vpc.subnet(2, 6, 8).orElseThrow().toString()).isEqualTo("10.0.2.0/24");
    assertThat(vpc.subnet(6, 6, 8)).isEmpty();
    assertThat(vpc.subnet(0, 2, 17)).isEmpty();
    assertThat(vpc.subnet(0, 257, 8)).isEmpty();
    assertThat(vpc.subnet(-1, 2, 8)).isEmpty();
    assertThat(vpc.subnet(255, 256, 8).map(Cidr::toString)).hasValue("10.0.255.0/24");
    assertThat(Cidr.parse("2001:db8::/56").orElseThrow().subnet(255, 256, 64).map(Cidr::toString))
        .hasValue("2001:db8:0:ff::/64");
    assertThat(Cidr.parse("::/0").orElseThrow().subnet(1, 2, 127).map(Cidr::toString))
        .hasValue("8000::/1");
  }

  private static Cidr randomIpv4(Random random) {
    int length = random.nextInt(33);
    // Few distinct high bits, so that nesting and overlap are common.
    long address = ((long) random.nextInt(4) << 30) | (random.nextInt(1 << 16) & 0xF0F0);
    return Cidr.ipv4(address, length);
  }

  private static String uncompressed(int[] groups) {
    StringBuilder sb = new StringBuilder();
    for (int g : groups) {
      sb.append(sb.length() == 0 ? "" : ":").append(String.format("%04X", g));
    }
    return sb.toString();
  }

  /** RFC 5952 section 4, written out independently of the library. */
  private static String rfc5952(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(i, j);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLength - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(groups[i]));
    }
    return sb.toString();
  }
}
