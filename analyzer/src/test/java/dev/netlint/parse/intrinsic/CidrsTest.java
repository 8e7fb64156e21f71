package dev.netlint.parse.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netlint.model.Cidr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrsTest {

  @Test
  void ipv4SubnetsStartAtTheNetworkAddress() {
    assertThat(Cidrs.subnets("192.168.1.77/24", 4, 6))
        .containsExactly(
            "192.168.1.0/26", "192.168.1.64/26", "192.168.1.128/26", "192.168.1.192/26");
    assertThatThrownBy(() -> Cidrs.subnets("10.0.0.0/8", 2, 24))
        .hasMessage("10.0.0.0/8 has room for 1 subnet of /8, not 2");
  }

  @Test
  void wholeIpv4SpaceAndSingleHosts() {
    assertThat(Cidrs.subnets("0.0.0.0/0", 2, 31)).containsExactly("0.0.0.0/1", "128.0.0.0/1");
    assertThat(Cidrs.subnets("10.0.0.0/30", 2, 1)).containsExactly("10.0.0.0/31", "10.0.0.2/31");
  }

  @Test
  void ipv6IsWrittenCompressed() {
    assertThat(Cidrs.subnets("2001:DB8::/31", 2, 96))
        .containsExactly("2001:db8::/32", "2001:db9::/32");
    assertThat(Cidrs.subnets("fd00:0:0:ff00::/56", 2, 64))
        .containsExactly("fd00:0:0:ff00::/64", "fd00:0:0:ff01::/64");
    assertThat(Cidrs.subnets("::/0", 1, 127)).containsExactly("::/1");
    assertThat(Cidrs.subnets("::ffff:10.0.0.0/120", 2, 4))
        .containsExactly("::ffff:a00:0/124", "::ffff:a00:10/124");
    assertThat(Cidrs.subnets("1:0:0:2:0:0:0:3/127", 1, 1)).containsExactly("1:0:0:2::2/127");
  }

  @Test
  void ipv6ZeroRunRulesFollowRfc5952() {
    assertThat(Cidrs.subnets("2001:db8:0:1:0:0:0:0/64", 1, 64))
        .containsExactly("2001:db8:0:1::/64");
    assertThat(Cidrs.subnets("2001:0:0:1:0:0:1:0/127", 1, 1))
        .containsExactly("2001::1:0:0:1:0/127");
  }

  @Test
  void fnCidrAndTheModelWriteOnePrefixTheSameWay() {
    Cidr block = Cidr.parse("2001:db8::1:0:0:0/127").orElseThrow();

    assertThat(block).hasToString("2001:db8:0:0:1::/127");
    assertThat(Cidrs.subnets("2001:db8::1:0:0:0/127", 1, 1)).containsExactly(block.toString());
    assertThat(Cidrs.subnets("10.0.0.0/16", 3, 8))
        .containsExactly(
            block("10.0.0.0/16").subnet(0, 3, 8).orElseThrow().toString(),
            block("10.0.0.0/16").subnet(1, 3, 8).orElseThrow().toString(),
            block("10.0.0.0/16").subnet(2, 3, 8).orElseThrow().toString());
  }

  @Test
  void malformedBlocksAreNamedForTheAuthor() {
    assertThatThrownBy(() -> Cidrs.subnets("10.0.0.300/24", 1, 4))
        .hasMessage("10.0.0.300 is not an IPv4 address");
    assertThatThrownBy(() -> Cidrs.subnets("::-1/64", 1, 4))
        .hasMessage("::-1 is not an IPv6 address");
    assertThatThrownBy(() -> Cidrs.subnets("fe80::/129", 1, 4))
        .hasMessage("fe80::/129 has a prefix longer than /128");
    assertThatThrownBy(() -> Cidrs.subnets("10.0.0.0/x", 1, 4))
        .hasMessage("10.0.0.0/x is not a CIDR block");
    assertThatThrownBy(() -> Cidrs.subnets("10.0.0.0", 1, 4))
        .hasMessage("10.0.0.0 is not a CIDR block");
  }

  private static Cidr block(String text) {
    return Cidr.parse(text).orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0",
        "10.0.0/16",
        "10.0.0.256/16",
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/",
        "+1.0.0.0/8",
        "2001:db8::1::/64",
        "2001:db8:::/64",
        "2001:db8:g::/64",
        "1:2:3:4:5:6:7:8:9/64",
        "1:2:3/64",
        "fe80::/129",
        "example.com/24",
        ":1.2.3.4/96",
        "::-1/0",
        "10.0.0.0/8/8",
        "10.0.0.0/255.255.0.0",
        "10.0.0.*/24",
        "fe80::1%eth0/64"
      })
  void malformedBlocksAreRefused(String block) {
    assertThatThrownBy(() -> Cidrs.subnets(block, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countAndBitsAreChecked() {
    assertThatThrownBy(() -> Cidrs.subnets("10.0.0.0/16", 0, 8))
        .hasMessage("count 0 is not between 1 and 256");
    assertThatThrownBy(() -> Cidrs.subnets("10.0.0.0/16", 257, 4))
        .hasMessage("count 257 is not between 1 and 256");
    assertThatThrownBy(() -> Cidrs.subnets("10.0.0.0/16", 1, 33))
        .hasMessage("cidrBits 33 is not between 1 and 32 for 10.0.0.0/16");
    assertThatThrownBy(() -> Cidrs.subnets("10.0.0.0/16", 1, 0))
        .hasMessage("cidrBits 0 is not between 1 and 32 for 10.0.0.0/16");
  }
}
