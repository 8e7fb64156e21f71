package dev.netlint.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.engine.Analysis;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edge cases of NL202, NL203 and NL204 that the fixtures do not show: what netlint cannot know
 * stays silent, and one bug gets one rule's finding.
 */
class RoutingRulesTest {

  @TempDir Path dir;

  /** A VPC with an attached internet gateway and a public subnet routed to it. */
  private static final String VPC =
      """
      AWSTemplateFormatVersion: '2010-09-09'
      Parameters:
        Unknown:
          Type: String
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties:
            CidrBlock: 10.0.0.0/16
        Igw:
          Type: AWS::EC2::InternetGateway
        IgwAttachment:
          Type: AWS::EC2::VPCGatewayAttachment
          Properties:
            VpcId: !Ref Vpc
            InternetGatewayId: !Ref Igw
        PublicSubnet:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: 10.0.0.0/24
        PublicTable:
          Type: AWS::EC2::RouteTable
          Properties:
            VpcId: !Ref Vpc
        PublicDefault:
          Type: AWS::EC2::Route
          DependsOn: IgwAttachment
          Properties:
            RouteTableId: !Ref PublicTable
            DestinationCidrBlock: 0.0.0.0/0
            GatewayId: !Ref Igw
        PublicAssociation:
          Type: AWS::EC2::SubnetRouteTableAssociation
          Properties:
            SubnetId: !Ref PublicSubnet
            RouteTableId: !Ref PublicTable
        PrivateSubnet:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: 10.0.1.0/24
        PrivateTable:
          Type: AWS::EC2::RouteTable
          Properties:
            VpcId: !Ref Vpc
        PrivateAssociation:
          Type: AWS::EC2::SubnetRouteTableAssociation
          Properties:
            SubnetId: !Ref PrivateSubnet
            RouteTableId: !Ref PrivateTable
      """;

  private List<String> findings(String resources) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, VPC + resources, StandardCharsets.UTF_8);
    AnalysisResult result =
        Analysis.run(List.of(file), BuiltInRules.all(), new AnalysisOptions(dir, Severity.INFO));
    return result.findings().stream()
        // Routing rules only: the host rules (NL10x) judge the same NAT instances on other grounds.
        .filter(f -> f.ruleId().startsWith("NL2"))
        .map(RoutingRulesTest::describe)
        .toList();
  }

  private static String describe(Finding f) {
    return f.ruleId() + " " + f.logicalId();
  }

  @Test
  void theBaseTemplateIsClean() throws IOException {
    assertThat(findings("")).isEmpty();
  }

  @Test
  void natInstanceInItsClientsSubnetIsNl202AndNotAlsoNl203() throws IOException {
    String t =
        """
          Nat:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              SubnetId: !Ref PrivateSubnet
          PrivateDefault:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 0.0.0.0/0
              InstanceId: !Ref Nat
        """;
    assertThat(findings(t)).containsExactly("NL202 Nat");
  }

  @Test
  void interfaceNamedInTheInstancesNetworkInterfacesCountsAsItsOwn() throws IOException {
    String t =
        """
          NatEni:
            Type: AWS::EC2::NetworkInterface
            Properties:
              SubnetId: !Ref PrivateSubnet
          Nat:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              NetworkInterfaces:
                - NetworkInterfaceId: !Ref NatEni
                  DeviceIndex: '0'
          PrivateDefault:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 0.0.0.0/0
              NetworkInterfaceId: !Ref NatEni
        """;
    assertThat(findings(t)).containsExactly("NL202 Nat");
  }

  @Test
  void instanceInASubnetFromAParameterIsUnknown() throws IOException {
    String t =
        """
          Nat:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              SubnetId: !Ref Unknown
          PrivateDefault:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 0.0.0.0/0
              InstanceId: !Ref Nat
        """;
    assertThat(findings(t)).isEmpty();
  }

  @Test
  void interfaceAttachedAtBootHasNoKnownInstance() throws IOException {
    String t =
        """
          NatEni:
            Type: AWS::EC2::NetworkInterface
            Properties:
              SubnetId: !Ref PrivateSubnet
          PrivateDefault:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 0.0.0.0/0
              NetworkInterfaceId: !Ref NatEni
        """;
    assertThat(findings(t)).isEmpty();
  }

  @Test
  void routeToAnInstanceForAPrivateRangeIsNotANatRoute() throws IOException {
    String t =
        """
          VpnRouter:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              SubnetId: !Ref PrivateSubnet
          OnPremises:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PublicTable
              DestinationCidrBlock: 192.168.0.0/16
              InstanceId: !Ref VpnRouter
        """;
    assertThat(findings(t)).isEmpty();
  }

  @Test
  void natGatewayInASubnetOnTheMainRouteTableHasNoWayOut() throws IOException {
    String t =
        """
          LoneSubnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: 10.0.9.0/24
          Nat:
            Type: AWS::EC2::NatGateway
            Properties:
              SubnetId: !Ref LoneSubnet
          PrivateDefault:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 0.0.0.0/0
              NatGatewayId: !Ref Nat
        """;
    assertThat(findings(t)).containsExactly("NL203 PrivateDefault");
  }

  @Test
  void mainRouteTableFoundByACustomResourceMayHaveTheInternetRoute() throws IOException {
    String t =
        """
          LoneSubnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: 10.0.9.0/24
          MainTable:
            Type: Custom::MainRouteTable
            Properties:
              ServiceToken: !Ref Unknown
              VpcId: !Ref Vpc
          MainDefault:
            Type: AWS::EC2::Route
            DependsOn: IgwAttachment
            Properties:
              RouteTableId: !GetAtt MainTable.RouteTableId
              DestinationCidrBlock: 0.0.0.0/0
              GatewayId: !Ref Igw
          Nat:
            Type: AWS::EC2::NatGateway
            Properties:
              SubnetId: !Ref LoneSubnet
          PrivateDefault:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 0.0.0.0/0
              NatGatewayId: !Ref Nat
        """;
    assertThat(findings(t)).isEmpty();
  }

  @Test
  void privateNatGatewayNeedsNoInternetGateway() throws IOException {
    String t =
        """
          Nat:
            Type: AWS::EC2::NatGateway
            Properties:
              ConnectivityType: private
              SubnetId: !Ref PrivateSubnet
          ViaNat:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 0.0.0.0/0
              NatGatewayId: !Ref Nat
        """;
    assertThat(findings(t)).isEmpty();
  }

  @Test
  void natGatewayWithADefaultRouteToATransitGatewayHasAWayOut() throws IOException {
    String t =
        """
          ToTransit:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 0.0.0.0/0
              TransitGatewayId: !Ref Unknown
          Nat:
            Type: AWS::EC2::NatGateway
            Properties:
              SubnetId: !Ref PrivateSubnet
          OtherSubnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: 10.0.2.0/24
          OtherTable:
            Type: AWS::EC2::RouteTable
            Properties:
              VpcId: !Ref Vpc
          OtherDefault:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref OtherTable
              DestinationCidrBlock: 0.0.0.0/0
              NatGatewayId: !Ref Nat
        """;
    assertThat(findings(t)).isEmpty();
  }

  @Test
  void attachmentOfAnInternetGatewayFromAParameterMayBeTheMissingOne() throws IOException {
    String t =
        """
          SecondIgw:
            Type: AWS::EC2::InternetGateway
          SomeAttachment:
            Type: AWS::EC2::VPCGatewayAttachment
            Properties:
              VpcId: !Ref Unknown
              InternetGatewayId: !Ref Unknown
          ToSecond:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 0.0.0.0/0
              GatewayId: !Ref SecondIgw
        """;
    assertThat(findings(t)).isEmpty();
  }

  @Test
  void attachmentWhoseConditionIsFalseDoesNotAttach() throws IOException {
    String t =
        """
          SecondIgw:
            Type: AWS::EC2::InternetGateway
          SecondVpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.1.0.0/16
          SecondAttachment:
            Type: AWS::EC2::VPCGatewayAttachment
            Condition: Never
            Properties:
              VpcId: !Ref SecondVpc
              InternetGatewayId: !Ref SecondIgw
          SecondTable:
            Type: AWS::EC2::RouteTable
            Properties:
              VpcId: !Ref SecondVpc
          ToSecond:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref SecondTable
              DestinationCidrBlock: 0.0.0.0/0
              GatewayId: !Ref SecondIgw
        """;
    assertThat(findings(t + "Conditions:\n  Never: !Equals [a, b]\n"))
        .containsExactly("NL203 ToSecond");
  }

  @Test
  void gatewayEndpointOfAnotherVpcIsUnusable() throws IOException {
    String t =
        """
          OtherVpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.1.0.0/16
          Firewall:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              VpcId: !Ref OtherVpc
              ServiceName: !Ref Unknown
              VpcEndpointType: GatewayLoadBalancer
          Inspect:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 0.0.0.0/0
              VpcEndpointId: !Ref Firewall
        """;
    assertThat(findings(t)).containsExactly("NL203 Inspect");
  }

  @Test
  void unattachedInternetGatewayIsNl203AndNotAlsoNl204() throws IOException {
    String t =
        """
          SecondIgw:
            Type: AWS::EC2::InternetGateway
          ToSecond:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 0.0.0.0/0
              GatewayId: !Ref SecondIgw
        """;
    assertThat(findings(t)).containsExactly("NL203 ToSecond");
  }

  @Test
  void dependencyThroughAnotherResourceIsEnough() throws IOException {
    String t =
        """
          Waiter:
            Type: AWS::CloudFormation::WaitConditionHandle
            DependsOn: IgwAttachment
          WaitingTable:
            Type: AWS::EC2::RouteTable
            Properties:
              VpcId: !Ref Vpc
              Tags:
                - Key: after
                  Value: !Ref Waiter
          Direct:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 203.0.113.0/24
              GatewayId: !Ref Igw
          ThroughDependsOn:
            Type: AWS::EC2::Route
            DependsOn: Waiter
            Properties:
              RouteTableId: !Ref PrivateTable
              DestinationCidrBlock: 192.0.2.0/24
              GatewayId: !Ref Igw
          ThroughTable:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref WaitingTable
              DestinationCidrBlock: 198.51.100.0/24
              GatewayId: !Ref Igw
        """;
    assertThat(findings(t)).containsExactly("NL204 Direct");
  }
}
