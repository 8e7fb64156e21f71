package dev.netlint.graph;

import static dev.netlint.graph.SecurityGroupHopTest.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Reachability;
import dev.netlint.api.reach.Verdict;
import org.junit.jupiter.api.Test;

/** Network ACLs: rule order, default deny, the return path on ephemeral ports, same subnet. */
class NetworkAclHopTest {

  /** App in AppSubnet, Db in DbSubnet guarded by DbAcl with {@code entries}. */
  static String withDbAcl(String entries) {
    return SecurityGroupHopTest.VPC
        + """
            App:
              Type: AWS::EC2::Instance
              Properties:
                SubnetId: !Ref AppSubnet
            Db:
              Type: AWS::EC2::Instance
              Properties:
                SubnetId: !Ref DbSubnet
            Peer:
              Type: AWS::EC2::Instance
              Properties:
                SubnetId: !Ref DbSubnet
            DbAcl:
              Type: AWS::EC2::NetworkAcl
              Properties:
                VpcId: !Ref Vpc
            DbAclAssoc:
              Type: AWS::EC2::SubnetNetworkAclAssociation
              Properties:
                SubnetId: !Ref DbSubnet
                NetworkAclId: !Ref DbAcl
          """
        + entries;
  }

  static String entry(
      String name, int number, boolean egress, String action, String cidr, int from, int to) {
    return "  "
        + name
        + ":\n"
        + "    Type: AWS::EC2::NetworkAclEntry\n"
        + "    Properties:\n"
        + "      NetworkAclId: !Ref DbAcl\n"
        + "      RuleNumber: "
        + number
        + "\n"
        + "      Protocol: 6\n"
        + "      Egress: "
        + egress
        + "\n"
        + "      RuleAction: "
        + action
        + "\n"
        + "      CidrBlock: "
        + cidr
        + "\n"
        + "      PortRange:\n"
        + "        From: "
        + from
        + "\n"
        + "        To: "
        + to
        + "\n";
  }

  @Test
  void anAclWithNoEntriesDeniesByItsDefaultRule() {
    ReachResult r = tcp(NetworkGraph.build(Models.of(withDbAcl(""))), "App", "Db", 5432);

    assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
    Hop hop = r.blockingHop().orElseThrow();
    assertThat(hop.kind()).isEqualTo(Hop.Kind.NETWORK_ACL_INBOUND);
    assertThat(hop.element()).isEqualTo(Models.id("DbAcl"));
    assertThat(hop.detail()).contains("default rule * denies");
  }

  @Test
  void inboundAllowedButNoReturnOnEphemeralPortsBlocksTheReply() {
    ReachResult r =
        tcp(
            NetworkGraph.build(
                Models.of(withDbAcl(entry("In", 100, false, "allow", "10.0.0.0/16", 5432, 5432)))),
            "App",
            "Db",
            5432);

    assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
    Hop hop = r.blockingHop().orElseThrow();
    assertThat(hop.kind()).isEqualTo(Hop.Kind.NETWORK_ACL_RETURN);
    assertThat(hop.detail()).contains("outbound", "the reply, tcp to ephemeral ports 32768-65535");
  }

  @Test
  void bothDirectionsAllowedIsReachableAndNamesTheDecidingEntries() {
    String yaml =
        withDbAcl(
            entry("In", 100, false, "allow", "10.0.0.0/16", 5432, 5432)
                + entry("Out", 100, true, "allow", "10.0.0.0/16", 1024, 65535));
    ReachResult r = tcp(NetworkGraph.build(Models.of(yaml)), "App", "Db", 5432);

    assertThat(r.verdict()).as(r.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.hops())
        .filteredOn(
            h ->
                h.kind() == Hop.Kind.NETWORK_ACL_INBOUND || h.kind() == Hop.Kind.NETWORK_ACL_RETURN)
        .extracting(Hop::element)
        .contains(Models.id("In"), Models.id("Out"));
  }

  @Test
  void theLowestRuleNumberDecidesWhateverTheTemplateOrder() {
    String yaml =
        withDbAcl(
            entry("AllowLater", 200, false, "allow", "10.0.0.0/16", 0, 65535)
                + entry("DenyFirst", 100, false, "deny", "10.0.1.0/24", 5432, 5432)
                + entry("Out", 100, true, "allow", "0.0.0.0/0", 0, 65535));
    Reachability r = NetworkGraph.build(Models.of(yaml));

    ReachResult db = tcp(r, "App", "Db", 5432);
    ReachResult other = tcp(r, "App", "Db", 443);

    assertThat(db.blockingHop().orElseThrow().element()).isEqualTo(Models.id("DenyFirst"));
    assertThat(other.verdict()).as(other.reason()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void returnAllowedForTheClientsEphemeralRangeIsReachable() {
    String yaml =
        withDbAcl(
            entry("In", 100, false, "allow", "10.0.0.0/16", 5432, 5432)
                + entry("Out", 100, true, "allow", "10.0.0.0/16", 32768, 65535));
    ReachResult r = tcp(NetworkGraph.build(Models.of(yaml)), "App", "Db", 5432);

    assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void returnAllowedOnlyForWindowsEphemeralPortsIsUnknownNotBlocked() {
    // Windows clients pick 49152-65535, Linux clients 32768-60999: which one connects is not known.
    String yaml =
        withDbAcl(
            entry("In", 100, false, "allow", "10.0.0.0/16", 5432, 5432)
                + entry("Out", 100, true, "allow", "10.0.0.0/16", 49152, 65535));
    ReachResult r = tcp(NetworkGraph.build(Models.of(yaml)), "App", "Db", 5432);

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.reason()).contains("ephemeral ports");
  }

  @Test
  void anEntryWhoseDirectionIsAParameterMakesBothDirectionsUnknownNotBlocked() {
    String yaml =
        "Parameters:\n  Outbound:\n    Type: String\n"
            + withDbAcl(
                entry("Either", 100, false, "allow", "0.0.0.0/0", 0, 65535)
                    .replace("Egress: false", "Egress: !Ref Outbound"));
    ReachResult r = tcp(NetworkGraph.build(Models.of(yaml)), "App", "Db", 5432);

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.hops())
        .filteredOn(h -> h.element() != null && h.element().logicalId().equals("Either"))
        .extracting(Hop::kind)
        .contains(Hop.Kind.NETWORK_ACL_INBOUND, Hop.Kind.NETWORK_ACL_RETURN);
  }

  @Test
  void trafficInsideOneSubnetDoesNotCrossItsAcl() {
    ReachResult r = tcp(NetworkGraph.build(Models.of(withDbAcl(""))), "Peer", "Db", 5432);

    assertThat(r.verdict()).as(r.reason()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.hops())
        .extracting(Hop::kind)
        .containsExactly(Hop.Kind.SECURITY_GROUP_EGRESS, Hop.Kind.SECURITY_GROUP_INGRESS);
  }

  @Test
  void aPortRangeHalfDeniedIsBlockedForAllButReachableForSome() {
    String yaml =
        withDbAcl(
            entry("In", 100, false, "allow", "10.0.0.0/16", 8000, 8049)
                + entry("Out", 100, true, "allow", "0.0.0.0/0", 0, 65535));
    ReachResult r =
        NetworkGraph.build(Models.of(yaml))
            .reach(
                new Endpoint.Workload(Models.id("App")),
                new Endpoint.Workload(Models.id("Db")),
                Protocol.TCP,
                new PortRange(8000, 8099));

    assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(r.anyTraffic()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.reason()).contains("tcp/8050-8099");
  }
}
