package dev.netlint.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

  @Test
  void rejectsWhatIsNotAPrefix() {
    assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
    assertThat(Cidr.parse("10.0.0/16")).isEmpty();
    assertThat(Cidr.parse("256.0.0.0/8")).isEmpty();
    assertThat(Cidr.parse("${VpcCidr}")).isEmpty();
    assertThat(Cidr.parse("1::2::3/64")).isEmpty();
    assertThat(Cidr.parse("10.0.0.0/")).isEmpty();
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
  }

  @Test
  void carvesSubnetsAsFnCidrDoes() {
    Cidr vpc = Cidr.parse("10.0.0.0/16").orElseThrow();

    assertThat(vpc.subnet(2, 6, 8).orElseThrow().toString()).isEqualTo("10.0.2.0/24");
    assertThat(vpc.subnet(6, 6, 8)).isEmpty();
    assertThat(vpc.subnet(0, 2, 17)).isEmpty();
  }
}
