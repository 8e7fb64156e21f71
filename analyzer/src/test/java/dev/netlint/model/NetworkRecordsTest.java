package dev.netlint.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.graph.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed records of {@link NetworkModel}, built from resolved templates. */
class NetworkRecordsTest {

  private static ResourceId id(String logicalId) {
    return Models.id(logicalId);
  }

  private static final String VPC =
      """
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties:
            CidrBlock: 10.0.0.0/16
        Secondary:
          Type: AWS::EC2::VPCCidrBlock
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: 10.1.0.0/16
        SubnetA:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: !Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
        SubnetB:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: 10.0.2.0/24
            MapPublicIpOnLaunch: true
      """;

  @Test
  void vpcCidrsIncludeSecondaryBlocksAndSubnetCidrsComeFromFnCidrOfTheVpc() {
    NetworkModel m = Models.of(VPC);

    assertThat(m.vpc(id("Vpc")).orElseThrow().cidrs())
        .extracting(Cidr::toString)
        .containsExactly("10.0.0.0/16", "10.1.0.0/16");
    assertThat(m.subnet(id("SubnetA")).orElseThrow().cidr()).hasToString("10.0.1.0/24");
    assertThat(m.subnet(id("SubnetB")).orElseThrow().mapPublicIpOnLaunch()).isTrue();
    assertThat(m.subnet(id("SubnetB")).orElseThrow().vpc()).isEqualTo(id("Vpc"));
  }

  @Test
  void securityGroupRulesKeepProtocolPortsPeerAndOrigin() {
    NetworkModel m =
        Models.of(
            VPC
                + """
                    Sg:
                      Type: AWS::EC2::SecurityGroup
                      Properties:
                        GroupDescription: sg
                        VpcId: !Ref Vpc
                        SecurityGroupIngress:
                          - IpProtocol: tcp
                            FromPort: 80
                            ToPort: 90
                            CidrIp: 0.0.0.0/0
                          - IpProtocol: "-1"
                            SourceSecurityGroupId: !Ref Other
                          - IpProtocol: icmp
                            FromPort: 8
                            ToPort: -1
                            SourcePrefixListId: pl-1234
                    Other:
                      Type: AWS::EC2::SecurityGroup
                      Properties:
                        GroupDescription: other
                        SecurityGroupEgress:
                          - IpProtocol: tcp
                            FromPort: 443
                            ToPort: 443
                            DestinationSecurityGroupId: !GetAtt Vpc.DefaultSecurityGroup
                    Extra:
                      Type: AWS::EC2::SecurityGroupIngress
                      Properties:
                        GroupId: !GetAtt Sg.GroupId
                        IpProtocol: udp
                        FromPort: 53
                        ToPort: 53
                        CidrIpv6: ::/0
                  """);
    SecurityGroup sg = m.securityGroup(SecurityGroupRef.resource(id("Sg"), null)).orElseThrow();
    SecurityGroup other =
        m.securityGroup(SecurityGroupRef.resource(id("Other"), null)).orElseThrow();

    assertThat(sg.ingress()).hasSize(4);
    SecurityGroupRule http = sg.ingress().get(0);
    assertThat(http.protocol()).isEqualTo(IpProtocol.TCP);
    assertThat(http.trafficLabel()).isEqualTo("tcp/80-90");
    assertThat(http.origin().location().line()).as("the rule item").isEqualTo(28);
    assertThat(((SecurityGroupRule.Peer.Group) sg.ingress().get(1).peer()).group().key())
        .isEqualTo("resource t/Other");
    assertThat(sg.ingress().get(2).peer()).isInstanceOf(SecurityGroupRule.Peer.PrefixList.class);
    assertThat(sg.ingress().get(2).trafficLabel()).isEqualTo("icmp type 8");
    assertThat(sg.ingress().get(3).declaredBy().logicalId()).isEqualTo("Extra");
    assertThat(((SecurityGroupRule.Peer.CidrBlock) sg.ingress().get(3).peer()).cidr().ipv6())
        .isTrue();
    assertThat(sg.implicitEgress()).isTrue();
    assertThat(sg.effectiveEgress()).hasSize(1);
    assertThat(other.implicitEgress()).isFalse();
    assertThat(((SecurityGroupRule.Peer.Group) other.egress().get(0).peer()).group().kind())
        .isEqualTo(SecurityGroupRef.Kind.VPC_DEFAULT);
    assertThat(m.securityGroups().get(0).label()).isEqualTo("the default security group of Vpc");
  }

  @Test
  void cdkRestrictDefaultSecurityGroupStripsTheDefaultRules() {
    NetworkModel m =
        Models.of(
            VPC
                + """
                    Restrict:
                      Type: Custom::VpcRestrictDefaultSG
                      Properties:
                        ServiceToken: arn
                        DefaultSecurityGroupId: !GetAtt Vpc.DefaultSecurityGroup
                  """);
    SecurityGroup def = m.securityGroup(SecurityGroupRef.vpcDefault(id("Vpc"), null)).orElseThrow();

    assertThat(def.ingress()).isEmpty();
    assertThat(def.effectiveEgress()).isEmpty();
  }

  @Test
  void networkAclEntriesAreSortedByRuleNumberPerDirection() {
    NetworkModel m =
        Models.of(
            VPC
                + """
                    Acl:
                      Type: AWS::EC2::NetworkAcl
                      Properties:
                        VpcId: !Ref Vpc
                    E200:
                      Type: AWS::EC2::NetworkAclEntry
                      Properties:
                        NetworkAclId: !Ref Acl
                        RuleNumber: 200
                        Protocol: -1
                        RuleAction: allow
                        CidrBlock: 0.0.0.0/0
                    E100:
                      Type: AWS::EC2::NetworkAclEntry
                      Properties:
                        NetworkAclId: !Ref Acl
                        RuleNumber: 100
                        Protocol: 6
                        RuleAction: deny
                        CidrBlock: 10.0.0.0/8
                        PortRange: {From: 22, To: 22}
                    Out:
                      Type: AWS::EC2::NetworkAclEntry
                      Properties:
                        NetworkAclId: !Ref Acl
                        RuleNumber: 100
                        Protocol: 1
                        Egress: true
                        RuleAction: allow
                        CidrBlock: 0.0.0.0/0
                        Icmp: {Type: 8, Code: -1}
                    Assoc:
                      Type: AWS::EC2::SubnetNetworkAclAssociation
                      Properties:
                        SubnetId: !Ref SubnetA
                        NetworkAclId: !Ref Acl
                  """);
    NetworkAcl acl = m.networkAclOf(id("SubnetA")).orElseThrow();

    assertThat(acl.inbound())
        .extracting(e -> e.resource().logicalId())
        .containsExactly("E100", "E200");
    assertThat(acl.inbound().get(0).action()).isEqualTo(NetworkAclEntry.Action.DENY);
    assertThat(acl.inbound().get(0).firstPort()).isEqualTo(22);
    assertThat(acl.inbound().get(1).protocol()).isEqualTo(IpProtocol.ALL);
    assertThat(acl.outbound())
        .singleElement()
        .satisfies(e -> assertThat(e.icmpType()).isEqualTo(8));
    assertThat(m.networkAclOf(id("SubnetB"))).isEmpty();
    assertThat(m.networkAclAssociation(id("SubnetB"))).isEmpty();
  }

  @Test
  void vpcEndpointsKeepTheServiceSuffixOfSubAndJoinNames() {
    NetworkModel m =
        Models.of(
            VPC
                + """
                    Ssm:
                      Type: AWS::EC2::VPCEndpoint
                      Properties:
                        VpcEndpointType: Interface
                        VpcId: !Ref Vpc
                        ServiceName: !Join ["", ["com.amazonaws.", !Ref "AWS::Region", ".ssm"]]
                        SubnetIds: [!Ref SubnetA]
                        PrivateDnsEnabled: true
                    Ecr:
                      Type: AWS::EC2::VPCEndpoint
                      Properties:
                        VpcEndpointType: Interface
                        VpcId: !Ref Vpc
                        ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr
                        SubnetIds: [!Ref SubnetA]
                    S3:
                      Type: AWS::EC2::VPCEndpoint
                      Properties:
                        VpcId: !Ref Vpc
                        ServiceName: com.amazonaws.eu-west-1.s3
                        RouteTableIds: [rtb-123]
                  """);
    List<VpcEndpoint> endpoints = m.vpcEndpoints();

    assertThat(endpoints).extracting(VpcEndpoint::service).containsExactly("ssm", "ecr.dkr", "s3");
    assertThat(endpoints)
        .extracting(VpcEndpoint::type)
        .containsExactly(
            VpcEndpoint.Type.INTERFACE, VpcEndpoint.Type.INTERFACE, VpcEndpoint.Type.GATEWAY);
    assertThat(endpoints.get(0).privateDnsEnabled()).isTrue();
    assertThat(endpoints.get(1).privateDnsEnabled()).isFalse();
    assertThat(endpoints.get(0).attachment().securityGroups())
        .extracting(SecurityGroupRef::kind)
        .containsExactly(SecurityGroupRef.Kind.VPC_DEFAULT);
    assertThat(endpoints.get(2).routeTables()).hasSize(1);
    assertThat(endpoints.get(2).routeTableIds()).isEmpty();
  }
}
