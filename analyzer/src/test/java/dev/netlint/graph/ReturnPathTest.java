package dev.netlint.graph;

import static dev.netlint.graph.Models.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Cidr;
import dev.netlint.model.IpProtocol;
import dev.netlint.model.NetworkAttachment.PublicIp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The return path alone: which network ACL directions a reply passes, in which order and on which
 * ports.
 */
class ReturnPathTest {

  private static final AddressSet APP = addresses("10.0.1.0/24");
  private static final AddressSet DB = addresses("10.0.2.10/32");

  private static AddressSet addresses(String cidr) {
    return AddressSet.of(Cidr.parse(cidr).orElseThrow());
  }

  private static Box box(int protocol, int lo, int hi) {
    return new Box(APP, true, DB, false, protocol, protocol, lo, hi);
  }

  /** App in AppSubnet sends to Db in DbSubnet. */
  private static List<ReturnPath.Crossing> appToDb(Box box) {
    Sender app =
        new Sender(
            Site.Kind.SUBNET,
            id("AppSubnet"),
            id("Vpc"),
            APP,
            Split.Dim.SRC,
            null,
            PublicIp.NO,
            "App");
    ReturnPath.Crossing c = ReturnPath.crossing(app, id("DbSubnet"), true, box, "Db");
    assertThat(c).isNotNull();
    return List.of(c);
  }

  @Test
  void aReplyLeavesTheReceiversSubnetThenEntersTheSendersOnEphemeralPorts() {
    Box tcp = box(IpProtocol.TCP, 5432, 5432);

    List<ReturnPath.ReplyCheck> checks = ReturnPath.replyChecks(appToDb(tcp), tcp);

    assertThat(checks).hasSize(2);
    ReturnPath.ReplyCheck leaving = checks.get(0);
    ReturnPath.ReplyCheck entering = checks.get(1);
    assertThat(leaving.subnet()).isEqualTo(id("DbSubnet"));
    assertThat(leaving.outbound()).isTrue();
    assertThat(leaving.view().remote()).isEqualTo(APP);
    assertThat(leaving.view().remoteDim()).isEqualTo(Split.Dim.SRC);
    assertThat(entering.subnet()).isEqualTo(id("AppSubnet"));
    assertThat(entering.outbound()).isFalse();
    assertThat(entering.view().remote()).isEqualTo(DB);
    for (ReturnPath.ReplyCheck c : checks) {
      assertThat(c.view().lo()).isEqualTo(ReturnPath.EPHEMERAL_LO);
      assertThat(c.view().hi()).isEqualTo(ReturnPath.EPHEMERAL_HI);
      assertThat(c.view().portsSplittable()).isFalse();
      assertThat(c.view().remoteGroups()).isNull();
    }
  }

  @Test
  void icmpOtherThanEchoHasNoReplyToCheck() {
    Box unreachable = box(IpProtocol.ICMP, 3, 3);
    Box echo = box(IpProtocol.ICMP, 8, 8);

    assertThat(ReturnPath.replyChecks(appToDb(unreachable), unreachable)).isEmpty();
    assertThat(ReturnPath.replyChecks(appToDb(echo), echo)).hasSize(2);
  }

  @Test
  void trafficBetweenTwoPlacesOutsideTheVpcsCrossesNothing() {
    Sender internet =
        new Sender(Site.Kind.OUTSIDE, null, null, APP, null, null, PublicIp.YES, "the internet");

    assertThat(ReturnPath.crossing(internet, null, false, box(IpProtocol.TCP, 443, 443), "x"))
        .isNull();
  }
}
