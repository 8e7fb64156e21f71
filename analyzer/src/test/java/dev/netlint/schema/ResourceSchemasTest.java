package dev.netlint.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Origin;
import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.InputException;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.TemplateLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceSchemasTest {

  private final ResourceSchemas schemas = ResourceSchemas.bundled();

  /** Validates every resource of a YAML template and returns all problems. */
  private List<SchemaProblem> check(String yaml) throws InputException {
    Node.MapNode root =
        new TemplateLoader()
            .parse(yaml.getBytes(StandardCharsets.UTF_8), TemplateLoader.Format.YAML, "t.yaml");
    Node.MapNode resources = (Node.MapNode) root.get("Resources");
    List<SchemaProblem> out = new ArrayList<>();
    for (Node r : resources.entries().values()) {
      Node.MapNode resource = (Node.MapNode) r;
      String type = ((Node.ScalarNode) resource.get("Type")).textOrEmpty();
      out.addAll(schemas.validate(type, resource.get("Properties"), resource.origin()));
    }
    return out;
  }

  @Test
  void validNetworkFromARealLookingTemplateHasNoProblems() throws Exception {
    assertThat(
            check(
                """
                Parameters:
                  AmiId:
                    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
                Conditions:
                  HasNat: !Equals [true, true]
                Resources:
                  Vpc:
                    Type: AWS::EC2::VPC
                    Properties:
                      CidrBlock: 10.0.0.0/16
                      EnableDnsSupport: "true"
                      EnableDnsHostnames: true
                      Tags:
                        - Key: Name
                          Value: !Sub "${AWS::StackName}-vpc"
                  PublicSubnet:
                    Type: AWS::EC2::Subnet
                    Properties:
                      VpcId: !Ref Vpc
                      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
                      AvailabilityZone: !Select [0, !GetAZs ""]
                      MapPublicIpOnLaunch: true
                  Igw:
                    Type: AWS::EC2::InternetGateway
                  Attach:
                    Type: AWS::EC2::VPCGatewayAttachment
                    Properties:
                      VpcId: !Ref Vpc
                      InternetGatewayId: !Ref Igw
                  PublicRoutes:
                    Type: AWS::EC2::RouteTable
                    Properties:
                      VpcId: !Ref Vpc
                  DefaultRoute:
                    Type: AWS::EC2::Route
                    DependsOn: Attach
                    Properties:
                      RouteTableId: !Ref PublicRoutes
                      DestinationCidrBlock: 0.0.0.0/0
                      GatewayId: !Ref Igw
                  NatRoute:
                    Type: AWS::EC2::Route
                    Properties:
                      RouteTableId: !Ref PublicRoutes
                      DestinationCidrBlock: 10.1.0.0/16
                      InstanceId: !If [HasNat, !Ref Nat, !Ref AWS::NoValue]
                  WebSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: web
                      VpcId: !Ref Vpc
                      SecurityGroupIngress:
                        - IpProtocol: tcp
                          FromPort: "443"
                          ToPort: 443
                          CidrIp: 0.0.0.0/0
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          SourceSecurityGroupId: !Ref AdminSg
                        - IpProtocol: "-1"
                          CidrIp: !If [HasNat, 10.0.0.0/8, !Ref AWS::NoValue]
                          SourcePrefixListId: !If [HasNat, !Ref AWS::NoValue, pl-12345678]
                      SecurityGroupEgress:
                        - IpProtocol: "-1"
                          CidrIp: 0.0.0.0/0
                  AdminSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: admin
                      VpcId: !Ref Vpc
                  Nat:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: !Ref AmiId
                      InstanceType: t3.micro
                      SubnetId: !Ref PublicSubnet
                      SourceDestCheck: false
                      SecurityGroupIds: [!Ref WebSg, !GetAtt AdminSg.GroupId]
                      UserData: !Base64
                        Fn::Sub: |
                          #!/bin/bash
                          sysctl -w net.ipv4.ip_forward=1
                          echo ${Vpc.CidrBlock}
                      Tags:
                        - Key: Name
                          Value: nat
                """))
        .isEmpty();
  }

  @Test
  void unknownPropertyOnARouteIsReportedAtItsKey() throws Exception {
    List<SchemaProblem> problems =
        check(
            """
            Resources:
              R:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: rtb-12345678
                  DestinationCidrBlock: 0.0.0.0/0
                  GatewayID: igw-12345678
            """);
    assertThat(problems).hasSize(1);
    SchemaProblem p = problems.get(0);
    assertThat(p.keyword()).isEqualTo("additionalProperties");
    assertThat(p.message()).isEqualTo("Properties.GatewayID: unknown property 'GatewayID'");
    assertThat(p.location().line()).isEqualTo(7);
    assertThat(p.location().column()).isEqualTo(7);
    assertThat(p.templatePath()).containsExactly("Resources", "R", "Properties", "GatewayID");
  }

  @Test
  void missingVpcIdOnASubnetIsReported() throws Exception {
    List<SchemaProblem> problems =
        check(
            """
            Resources:
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  CidrBlock: 10.0.1.0/24
            """);
    assertThat(problems)
        .extracting(SchemaProblem::keyword, SchemaProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "required", "Properties: 'VpcId' is a required property"));
    assertThat(problems.get(0).location().line()).isEqualTo(5);
    assertThat(problems.get(0).templatePath()).containsExactly("Resources", "Subnet", "Properties");
  }

  @Test
  void absentPropertiesAreCheckedAsEmptyAtTheResource() throws Exception {
    List<SchemaProblem> problems =
        check(
            """
            Resources:
              Subnet:
                Type: AWS::EC2::Subnet
            """);
    assertThat(problems)
        .extracting(SchemaProblem::message)
        .contains("Properties: 'VpcId' is a required property");
    assertThat(problems.get(0).location().line()).isEqualTo(3);
    assertThat(problems.get(0).templatePath()).containsExactly("Resources", "Subnet", "Properties");
  }

  @Test
  void aListWhereABooleanBelongsIsAWrongType() throws Exception {
    List<SchemaProblem> problems =
        check(
            """
            Resources:
              Nat:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  SourceDestCheck:
                    - false
            """);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).keyword()).isEqualTo("type");
    assertThat(problems.get(0).message())
        .isEqualTo("Properties.SourceDestCheck: [false] is not of type 'boolean'");
    assertThat(problems.get(0).location().line()).isEqualTo(7);
  }

  @Test
  void quotedNumbersAndBooleansAreWhatCloudFormationAccepts() throws Exception {
    assertThat(
            check(
                """
                Resources:
                  Ingress:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties:
                      GroupId: sg-12345678
                      IpProtocol: 6
                      FromPort: "443"
                      ToPort: "443"
                      CidrIp: 10.0.0.0/8
                  Nat:
                    Type: AWS::EC2::Instance
                    Properties:
                      SourceDestCheck: "false"
                """))
        .isEmpty();
  }

  @Test
  void aCidrBlockThatIsNotOneIsReported() throws Exception {
    List<SchemaProblem> problems =
        check(
            """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: foo
              Route:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: rtb-12345678
                  DestinationCidrBlock: 10.0.0.0/33
                  GatewayId: igw-12345678
            """);
    assertThat(problems)
        .extracting(SchemaProblem::message)
        .containsExactly(
            "Properties.CidrBlock: 'foo' is not a valid ipv4-network",
            "Properties.DestinationCidrBlock: '10.0.0.0/33' is not a valid ipv4-network");
    assertThat(problems).extracting(p -> p.location().line()).containsExactly(5, 10);
  }

  @Test
  void errorsAtOrInsideIntrinsicFunctionsAreDropped() throws Exception {
    assertThat(
            check(
                """
                Resources:
                  Nat:
                    Type: AWS::EC2::Instance
                    Properties:
                      SourceDestCheck: !If [C, [1, 2], {Bad: 1}]
                      SecurityGroupIds: !Split [",", !ImportValue Sgs]
                      BlockDeviceMappings: !FindInMap [M, K, V]
                      Tags:
                        - !If [C, {Key: a, Value: b}, !Ref AWS::NoValue]
                  Sub:
                    Type: AWS::EC2::Subnet
                    Properties: !If [C, {VpcId: v}, {Wrong: 1}]
                """))
        .isEmpty();
  }

  @Test
  void dynamicReferencesAndPackagedCodeAreNotChecked() throws Exception {
    assertThat(
            check(
                """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBInstanceClass: db.t3.micro
                      MasterUsername: '{{resolve:secretsmanager:db:SecretString:username}}'
                  Ingress:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties:
                      GroupId: sg-12345678
                      IpProtocol: tcp
                      CidrIp: '{{resolve:ssm:office-cidr}}'
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Code: ./src
                      Role: arn:aws:iam::123456789012:role/fn
                """))
        .isEmpty();
    assertThat(
            check(
                """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Code: ./src
                      DeadLetterConfig: ./dlq
                      Role: arn:aws:iam::123456789012:role/fn
                """))
        .extracting(SchemaProblem::message)
        .containsExactly("Properties.DeadLetterConfig: './dlq' is not of type 'object'");
  }

  @Test
  void choicesGiveOneProblemNamingTheAlternatives() throws Exception {
    List<SchemaProblem> problems =
        check(
            """
            Resources:
              I:
                Type: AWS::EC2::Instance
                Properties:
                  LaunchTemplate:
                    LaunchTemplateId: lt-1
              L:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: x
                  DefaultActions:
                    - Type: authenticate-oidc
                      AuthenticateOidcConfig:
                        AuthorizationEndpoint: a
                        ClientId: b
                        Issuer: c
                        TokenEndpoint: d
                        UserInfoEndpoint: e
              Ok:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: x
                  DefaultActions:
                    - Type: authenticate-oidc
                      AuthenticateOidcConfig:
                        AuthorizationEndpoint: a
                        ClientId: b
                        ClientSecret: s
                        Issuer: c
                        TokenEndpoint: d
                        UserInfoEndpoint: e
            """);
    assertThat(problems)
        .extracting(SchemaProblem::keyword, SchemaProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "oneOf",
                "Properties.LaunchTemplate: must match exactly one of {LaunchTemplateName, Version}"
                    + " or {LaunchTemplateId, Version}"),
            org.assertj.core.groups.Tuple.tuple(
                "anyOf",
                "Properties.DefaultActions[0].AuthenticateOidcConfig: must match at least one of"
                    + " {ClientSecret} or {UseExistingClientSecret}"));
    assertThat(problems).extracting(p -> p.location().line()).containsExactly(6, 14);
  }

  @Test
  void exclusiveChoicesAreCheckedOnlyForValuesSurelyThere() throws Exception {
    List<SchemaProblem> problems =
        check(
            """
            Resources:
              Ingress:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: !Ref Sg
                  IpProtocol: tcp
                  FromPort: 22
                  ToPort: 22
                  CidrIp: 10.0.0.0/8
                  SourceSecurityGroupId: !Ref Other
              NoSource:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: !Ref Sg
                  IpProtocol: tcp
            """);
    assertThat(problems)
        .extracting(SchemaProblem::keyword, p -> p.location().line())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("requiredXor", 10),
            org.assertj.core.groups.Tuple.tuple("requiredXor", 14));
    assertThat(problems.get(0).message())
        .isEqualTo(
            "Properties.SourceSecurityGroupId: only one of [CidrIp, CidrIpv6, SourcePrefixListId,"
                + " SourceSecurityGroupId, SourceSecurityGroupName] may be given");
  }

  @Test
  void problemsAreCappedAndSorted() throws Exception {
    StringBuilder yaml =
        new StringBuilder(
            "Resources:\n"
                + "  R:\n"
                + "    Type: AWS::EC2::Route\n"
                + "    Properties:\n"
                + "      RouteTableId: r\n");
    for (int i = 0; i < 50; i++) {
      yaml.append("      Unknown").append(100 - i).append(": x\n");
    }
    List<SchemaProblem> problems = check(yaml.toString());
    assertThat(problems).hasSize(ResourceSchemas.MAX_PROBLEMS);
    assertThat(problems).extracting(p -> p.location().line()).isSorted();
    assertThat(problems.get(0).message())
        .isEqualTo("Properties.Unknown100: unknown property 'Unknown100'");
  }

  @Test
  void hugePropertiesGiveOneProblemInsteadOfACheck() {
    Origin tags =
        new Origin(
            new SourceLocation("t.yaml", 6, 7), List.of("Resources", "R", "Properties", "Tags"));
    List<Node> items = new ArrayList<>();
    for (int i = 0; i < InstanceTree.MAX_VALUES; i++) {
      items.add(
          new Node.ScalarNode(
              "1", Node.ScalarNode.Kind.NUMBER, tags.child(Integer.toString(i), tags.location())));
    }
    Origin props =
        new Origin(new SourceLocation("t.yaml", 5, 7), List.of("Resources", "R", "Properties"));
    Node properties =
        new Node.MapNode(Map.of("Tags", new Node.ListNode(items, tags)), Map.of(), props);
    List<SchemaProblem> problems = schemas.validate("AWS::EC2::SecurityGroup", properties);
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).contains("too large");
              assertThat(p.location().line()).isEqualTo(5);
            });
  }

  @Test
  void manyBadValuesAndHugeStringsGiveCappedProblems() {
    Origin tags =
        new Origin(
            new SourceLocation("t.yaml", 6, 7), List.of("Resources", "R", "Properties", "Tags"));
    List<Node> items = new ArrayList<>();
    for (int i = 0; i < InstanceTree.MAX_VALUES - 10; i++) {
      items.add(
          new Node.ScalarNode(
              "1",
              Node.ScalarNode.Kind.NUMBER,
              tags.child(Integer.toString(i), new SourceLocation("t.yaml", 7 + i, 9))));
    }
    Origin props =
        new Origin(new SourceLocation("t.yaml", 5, 7), List.of("Resources", "R", "Properties"));
    Node description =
        new Node.ScalarNode(
            "a".repeat(1 << 20) + "^",
            Node.ScalarNode.Kind.STRING,
            props.child("GroupDescription", new SourceLocation("t.yaml", 5, 25)));
    Node properties =
        new Node.MapNode(
            Map.of("GroupDescription", description, "Tags", new Node.ListNode(items, tags)),
            Map.of(),
            props);
    List<SchemaProblem> problems = schemas.validate("AWS::EC2::SecurityGroup", properties);
    assertThat(problems).hasSize(ResourceSchemas.MAX_PROBLEMS);
    assertThat(problems.get(0).message())
        .startsWith("Properties.GroupDescription: 'aaaa")
        .endsWith("is longer than 255 characters");
    assertThat(problems.get(1).message())
        .isEqualTo("Properties.Tags[0]: 1 is not of type 'object'");
  }

  @Test
  void deepPropertiesGiveOneProblemInsteadOfACheck() {
    Origin o =
        new Origin(new SourceLocation("t.yaml", 5, 7), List.of("Resources", "R", "Properties"));
    Node n = new Node.ScalarNode("x", Node.ScalarNode.Kind.STRING, o);
    for (int i = 0; i < 100_000; i++) {
      n = new Node.ListNode(List.of(n), o);
    }
    Node properties = new Node.MapNode(Map.of("Tags", n), Map.of(), o);
    assertThat(schemas.validate("AWS::EC2::SecurityGroup", properties))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("too deep"));
  }

  @Test
  void unmodeledTypesAreNotChecked() {
    assertThat(schemas.validate("AWS::S3::Bucket", null)).isEmpty();
    assertThat(schemas.isModeled("AWS::S3::Bucket")).isFalse();
  }

  @Test
  void getAttAttributesFollowCfnLint() {
    assertThat(schemas.getAttAttributes("AWS::EC2::Instance"))
        .contains("PrivateIp", "PublicIp", "AvailabilityZone", "PrivateDnsName", "VpcId")
        .doesNotContain("NetworkInterfaces.DeviceIndex");
    assertThat(schemas.getAttAttributes("AWS::RDS::DBInstance"))
        .contains("Endpoint.Address", "Endpoint.Port", "DBInstanceArn");
    assertThat(schemas.getAttAttributes("AWS::RDS::DBCluster"))
        .contains("Endpoint.Address", "ReadEndpoint.Address");
    assertThat(schemas.getAttAttributes("AWS::EC2::SecurityGroup")).contains("GroupId", "VpcId");
    assertThat(schemas.getAttAttributes("AWS::EC2::NetworkInterface"))
        .containsExactlyInAnyOrder(
            "Id",
            "SecondaryPrivateIpAddresses",
            "PrimaryPrivateIpAddress",
            "PrimaryIpv6Address",
            "VpcId");
    assertThat(schemas.getAttAttributes("AWS::EC2::VPC"))
        .contains("CidrBlock", "DefaultSecurityGroup");
    assertThat(schemas.acceptsGetAtt("AWS::CloudFormation::Stack", "Outputs.VpcId")).isTrue();
    assertThat(schemas.acceptsGetAtt("AWS::CloudFormation::Stack", "Outputs.")).isFalse();
    assertThat(schemas.acceptsGetAtt("AWS::EC2::Instance", "PrivateIp")).isTrue();
    assertThat(schemas.acceptsGetAtt("AWS::EC2::Route", "PrivateIp")).isFalse();
    assertThat(schemas.getAttAttributes("AWS::S3::Bucket")).isEmpty();
  }
}
