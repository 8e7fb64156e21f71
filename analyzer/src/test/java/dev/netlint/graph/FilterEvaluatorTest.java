package dev.netlint.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.reach.Verdict;
import dev.netlint.graph.FilterEvaluator.Coverage;
import dev.netlint.graph.FilterEvaluator.FilterResult;
import dev.netlint.graph.FilterEvaluator.SplitFirst;
import dev.netlint.model.Cidr;
import dev.netlint.model.IpProtocol;
import dev.netlint.model.NetworkAcl;
import dev.netlint.model.NetworkAclEntry;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.SecurityGroup;
import dev.netlint.model.SecurityGroupRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Security group and network ACL evaluation alone, against views built by hand: which entry
 * decides, when the box must be split and along what, and when an unknown address or ephemeral port
 * makes the answer unknown.
 */
class FilterEvaluatorTest {

  private static final String TEMPLATE =
      """
      Parameters:
        AllowedCidr:
          Type: String
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties:
            CidrBlock: 10.0.0.0/16
        DbSg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: db
            VpcId: !Ref Vpc
            SecurityGroupIngress:
              - IpProtocol: tcp
                FromPort: 5432
                ToPort: 5432
                CidrIp: 10.0.1.0/24
        Acl:
          Type: AWS::EC2::NetworkAcl
          Properties:
            VpcId: !Ref Vpc
        DenyApp:
          Type: AWS::EC2::NetworkAclEntry
          Properties:
            NetworkAclId: !Ref Acl
            RuleNumber: 100
            Protocol: 6
            Egress: false
            RuleAction: deny
            CidrBlock: 10.0.1.0/24
            PortRange: {From: 0, To: 65535}
        AllowAll:
          Type: AWS::EC2::NetworkAclEntry
          Properties:
            NetworkAclId: !Ref Acl
            RuleNumber: 200
            Protocol: 6
            Egress: false
            RuleAction: allow
            CidrBlock: 0.0.0.0/0
            PortRange: {From: 1024, To: 65535}
        OpenAcl:
          Type: AWS::EC2::NetworkAcl
          Properties:
            VpcId: !Ref Vpc
        InParam:
          Type: AWS::EC2::NetworkAclEntry
          Properties:
            NetworkAclId: !Ref OpenAcl
            RuleNumber: 50
            Protocol: -1
            Egress: false
            RuleAction: allow
            CidrBlock: !Ref AllowedCidr
        InAll:
          Type: AWS::EC2::NetworkAclEntry
          Properties:
            NetworkAclId: !Ref OpenAcl
            RuleNumber: 100
            Protocol: -1
            Egress: false
            RuleAction: allow
            CidrBlock: 0.0.0.0/0
        OutParam:
          Type: AWS::EC2::NetworkAclEntry
          Properties:
            NetworkAclId: !Ref OpenAcl
            RuleNumber: 50
            Protocol: -1
            Egress: true
            RuleAction: allow
            CidrBlock: !Ref AllowedCidr
      """;

  private final NetworkModel model = Models.of(TEMPLATE);
  private final FilterEvaluator filters = new FilterEvaluator(model);
  private final SecurityGroup dbSg =
      model.securityGroups().stream()
          .filter(g -> g.resource().logicalId().equals("DbSg"))
          .findFirst()
          .orElseThrow();
  private final List<NetworkAclEntry> inbound = acl("Acl").entries(false);
  private final NetworkAcl openAcl = acl("OpenAcl");

  private NetworkAcl acl(String logicalId) {
    return model.networkAcls().stream()
        .filter(a -> a.resource().logicalId().equals(logicalId))
        .findFirst()
        .orElseThrow();
  }

  private static AddressSet addresses(String cidr) {
    return AddressSet.of(Cidr.parse(cidr).orElseThrow());
  }

  /** Tcp from {@code remote} to ports {@code lo}-{@code hi}. */
  private static View tcp(String remote, Split.Dim remoteDim, int lo, int hi, boolean splittable) {
    return new View(
        addresses(remote),
        remoteDim,
        null,
        false,
        IpProtocol.TCP,
        IpProtocol.TCP,
        lo,
        hi,
        splittable);
  }

  private FilterResult<SecurityGroupRule> ingress(View v) {
    return filters.securityGroups(List.of(dbSg), false, null, v);
  }

  @Test
  void aSecurityGroupRuleCoveringTheWholeViewAllowsAndIsNamed() {
    FilterResult<SecurityGroupRule> r = ingress(tcp("10.0.1.7/32", null, 5432, 5432, true));

    assertThat(r).isInstanceOf(Decision.class);
    Decision<SecurityGroupRule> d = (Decision<SecurityGroupRule>) r;
    assertThat(d.verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(d.entry()).isNotNull();
    assertThat(d.entry().firstPort()).isEqualTo(5432);
    assertThat(d.uncertainty()).isNull();
  }

  @Test
  void noSecurityGroupRuleMatchingDeniesWithoutAnEntry() {
    FilterResult<SecurityGroupRule> r = ingress(tcp("10.0.1.7/32", null, 22, 22, true));

    assertThat(r).isEqualTo(Decision.decided(Verdict.BLOCKED, null));
  }

  @Test
  void aRuleCoveringPartOfAWholeCidrAsksForASplitOfTheSource() {
    FilterResult<SecurityGroupRule> r =
        ingress(tcp("10.0.0.0/16", Split.Dim.SRC, 5432, 5432, true));

    assertThat(r)
        .isEqualTo(new SplitFirst<>(Split.addresses(Split.Dim.SRC, addresses("10.0.1.0/24"))));
  }

  @Test
  void aRuleCoveringPartOfOneUnknownAddressIsUnknownNotASplit() {
    FilterResult<SecurityGroupRule> r = ingress(tcp("10.0.0.0/16", null, 5432, 5432, true));

    Decision<SecurityGroupRule> d = (Decision<SecurityGroupRule>) r;
    assertThat(d.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(d.entry()).isNotNull();
    assertThat(d.uncertainty())
        .isEqualTo(new Uncertainty.DependsOnAddress(addresses("10.0.0.0/16")));
  }

  @Test
  void aRuleCoveringPartOfThePortsAsksForASplitOfThePorts() {
    FilterResult<SecurityGroupRule> r = ingress(tcp("10.0.1.7/32", null, 5000, 6000, true));

    assertThat(r).isEqualTo(new SplitFirst<>(Split.range(Split.Dim.PORT, 5432, 5432)));
  }

  @Test
  void aGroupWhoseRulesAreUnknownMakesANonMatchUnknown() {
    FilterResult<SecurityGroupRule> r =
        filters.securityGroups(
            List.of(dbSg), false, dbSg.ref(), tcp("10.0.1.7/32", null, 22, 22, true));

    assertThat(r)
        .isEqualTo(Decision.unknown(null, new Uncertainty.GroupRulesUnknown(dbSg.ref().label())));
  }

  @Test
  void theLowestNumberedMatchingNetworkAclEntryDecides() {
    Decision<NetworkAclEntry> denied =
        (Decision<NetworkAclEntry>)
            filters.networkAcl(inbound, tcp("10.0.1.7/32", null, 5432, 5432, true));
    Decision<NetworkAclEntry> allowed =
        (Decision<NetworkAclEntry>)
            filters.networkAcl(inbound, tcp("10.0.2.7/32", null, 5432, 5432, true));

    assertThat(denied.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(denied.entry().resource().logicalId()).isEqualTo("DenyApp");
    assertThat(allowed.verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(allowed.entry().resource().logicalId()).isEqualTo("AllowAll");
  }

  @Test
  void noNetworkAclEntryMatchingIsDeniedByTheDefaultEntry() {
    FilterResult<NetworkAclEntry> r =
        filters.networkAcl(inbound, tcp("10.0.2.7/32", null, 80, 80, true));

    assertThat(r).isEqualTo(Decision.decided(Verdict.BLOCKED, null));
  }

  @Test
  void entriesThatDisagreeOverOneUnknownAddressMakeItUnknown() {
    Decision<NetworkAclEntry> d =
        (Decision<NetworkAclEntry>)
            filters.networkAcl(inbound, tcp("10.0.0.0/16", null, 5432, 5432, true));

    assertThat(d.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(d.entry().resource().logicalId()).isEqualTo("DenyApp");
    assertThat(d.uncertainty())
        .isEqualTo(new Uncertainty.DependsOnAddress(addresses("10.0.0.0/16")));
  }

  @Test
  void entriesThatDisagreeOverTheClientsEphemeralPortsMakeTheReplyUnknown() {
    Decision<NetworkAclEntry> d =
        (Decision<NetworkAclEntry>)
            filters.networkAcl(inbound, tcp("10.0.2.7/32", null, 80, 2000, false));

    assertThat(d.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(d.uncertainty()).isEqualTo(new Uncertainty.DependsOnEphemeralPort(80, 2000));
  }

  @Test
  void anEntryOfAnotherProtocolDoesNotMatch() {
    View udp =
        new View(
            addresses("10.0.1.7/32"),
            null,
            null,
            false,
            IpProtocol.UDP,
            IpProtocol.UDP,
            53,
            53,
            true);

    assertThat(filters.match(inbound.get(0), udp)).isEqualTo(Coverage.NONE);
    assertThat(filters.match(inbound.get(0), tcp("10.0.1.7/32", null, 53, 53, true)))
        .isEqualTo(Coverage.FULL);
  }

  @Test
  void anEntryWithAnUnknownCidrDefersToTheNextEntryWhenItDecidesTheSame() {
    Decision<NetworkAclEntry> d =
        (Decision<NetworkAclEntry>)
            filters.networkAcl(openAcl.entries(false), tcp("10.0.2.7/32", null, 80, 80, true));

    assertThat(d.verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(d.entry().resource().logicalId()).isEqualTo("InAll");
  }

  @Test
  void anEntryWithAnUnknownCidrBeforeTheDefaultEntryIsUnknown() {
    Decision<NetworkAclEntry> d =
        (Decision<NetworkAclEntry>)
            filters.networkAcl(openAcl.entries(true), tcp("10.0.2.7/32", null, 80, 80, true));

    assertThat(d.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(d.entry().resource().logicalId()).isEqualTo("OutParam");
    assertThat(d.uncertainty()).isInstanceOf(Uncertainty.CidrUnknown.class);
  }
}
