package dev.netlint.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.Severity;
import dev.netlint.api.reach.Flow;
import dev.netlint.engine.Analysis;
import dev.netlint.engine.AnalysisOptions;
import dev.netlint.engine.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inference over real templates, read, resolved and modeled as {@code netlint check} does. */
class FlowInferenceTest {
  @TempDir Path dir;

  private static final String NETWORK =
      """
        Vpc:
          Type: AWS::EC2::VPC
          Properties: {CidrBlock: 10.0.0.0/16}
        Igw:
          Type: AWS::EC2::InternetGateway
        PublicSubnet:
          Type: AWS::EC2::Subnet
          Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, MapPublicIpOnLaunch: true}
        PrivateSubnet:
          Type: AWS::EC2::Subnet
          Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
        PrivateTable:
          Type: AWS::EC2::RouteTable
          Properties: {VpcId: !Ref Vpc}
        PrivateAssoc:
          Type: AWS::EC2::SubnetRouteTableAssociation
          Properties: {SubnetId: !Ref PrivateSubnet, RouteTableId: !Ref PrivateTable}
        AppSg:
          Type: AWS::EC2::SecurityGroup
          Properties: {GroupDescription: app, VpcId: !Ref Vpc}
      """;

  private static final String POSTGRES =
      """
        Db:
          Type: AWS::RDS::DBInstance
          Properties: {Engine: postgres, DBInstanceClass: db.t4g.micro, AllocatedStorage: "20"}
      """;

  private List<String> flows(String resources) throws IOException {
    Path file = Files.writeString(dir.resolve("t.yaml"), "Resources:\n" + NETWORK + resources);
    List<Network> networks =
        Analysis.explore(List.of(file), new AnalysisOptions(dir, Severity.INFO)).networks();
    assertThat(networks).hasSize(1);
    return networks.get(0).flows().stream().map(FlowInferenceTest::show).toList();
  }

  static String show(Flow f) {
    return f.source()
        + " -> "
        + f.destination()
        + " "
        + f.protocol().label()
        + "/"
        + f.ports()
        + " "
        + f.kind();
  }

  private static String lambda(String env) {
    String fn =
        """
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Runtime: nodejs20.x
            Handler: index.handler
            Role: arn:aws:iam::123456789012:role/r
            Code: {ZipFile: "exports.handler = async () => 1"}
            VpcConfig: {SubnetIds: [!Ref PrivateSubnet], SecurityGroupIds: [!Ref AppSg]}
            Environment:
              Variables:
        """;
    return (fn + env.indent(8)).indent(2);
  }

  @Test
  void lambdaHandedADatabaseAddressReachesItsEnginePort() throws IOException {
    assertThat(flows(POSTGRES + lambda("DB_HOST: !GetAtt Db.Endpoint.Address\n")))
        .containsExactly("Fn -> Db tcp/5432 ADDRESS_REFERENCE");
  }

  @Test
  void theSiblingPortVariableWinsOverTheEngineDefault() throws IOException {
    assertThat(
            flows(POSTGRES + lambda("DB_HOST: !GetAtt Db.Endpoint.Address\nDB_PORT: \"6432\"\n")))
        .containsExactly("Fn -> Db tcp/6432 ADDRESS_REFERENCE");
  }

  @Test
  void thePortPropertyWinsOverTheEngineDefault() throws IOException {
    String db = POSTGRES.replace("Engine: postgres,", "Engine: postgres, Port: \"5433\",");
    assertThat(flows(db + lambda("DB_HOST: !GetAtt Db.Endpoint.Address\n")))
        .containsExactly("Fn -> Db tcp/5433 ADDRESS_REFERENCE");
  }

  @Test
  void aPortAfterTheAddressInAUrlWins() throws IOException {
    assertThat(
            flows(
                POSTGRES
                    + lambda(
                        "DATABASE_URL: !Sub"
                            + " \"postgres://app@${Db.Endpoint.Address}:6543/orders\"\n")))
        .containsExactly("Fn -> Db tcp/6543 ADDRESS_REFERENCE");
  }

  @Test
  void anAddressWithoutAnyKnownPortImpliesNoFlow() throws IOException {
    String instance =
        """
          Box:
            Type: AWS::EC2::Instance
            Properties: {ImageId: ami-12345678, SubnetId: !Ref PrivateSubnet}
        """;
    assertThat(flows(instance + lambda("BOX: !GetAtt Box.PrivateIp\n"))).isEmpty();
    assertThat(flows(instance + lambda("BOX: !Sub \"https://${Box.PrivateIp}/api\"\n")))
        .containsExactly("Fn -> Box tcp/443 ADDRESS_REFERENCE");
  }

  @Test
  void aSecretAttachedToTheDatabaseInAContainerDefinitionLeadsToIt() throws IOException {
    String ecs =
"""
  Db:
    Type: AWS::RDS::DBCluster
    Properties: {Engine: aurora-mysql}
  DbSecret:
    Type: AWS::SecretsManager::Secret
  Attachment:
    Type: AWS::SecretsManager::SecretTargetAttachment
    Properties: {SecretId: !Ref DbSecret, TargetId: !Ref Db, TargetType: AWS::RDS::DBCluster}
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: app
          Image: app
          Secrets:
            - {Name: DB_SECRET, ValueFrom: !Ref DbSecret}
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsvpcConfiguration: {Subnets: [!Ref PrivateSubnet], SecurityGroups: [!Ref AppSg]}
""";
    assertThat(flows(ecs)).containsExactly("Service -> Db tcp/3306 ADDRESS_REFERENCE");
  }

  @Test
  void userDataOfALaunchTemplateMakesItsAutoScalingGroupTheSource() throws IOException {
    String asg =
        """
          Lt:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                ImageId: ami-12345678
                UserData:
                  Fn::Base64: !Join
                    - ""
                    - - "#!/bin/bash\\ncat > /etc/orders.env <<EOF\\nDB_HOST="
                      - !GetAtt Db.Endpoint.Address
                      - "\\nDB_PORT="
                      - !GetAtt Db.Endpoint.Port
                      - "\\nEOF\\n"
          Asg:
            Type: AWS::AutoScaling::AutoScalingGroup
            Properties:
              MinSize: "1"
              MaxSize: "2"
              VPCZoneIdentifier: [!Ref PrivateSubnet]
              LaunchTemplate: {LaunchTemplateId: !Ref Lt, Version: "1"}
        """;
    List<Network> networks;
    Path file = Files.writeString(dir.resolve("t.yaml"), "Resources:\n" + NETWORK + POSTGRES + asg);
    networks = Analysis.explore(List.of(file), new AnalysisOptions(dir, Severity.INFO)).networks();
    Flow flow = networks.get(0).flows().get(0);
    assertThat(show(flow)).isEqualTo("Asg -> Db tcp/5432 ADDRESS_REFERENCE");
    assertThat(flow.evidence())
        .contains(
            "Asg gets Db.Endpoint.Address in DB_HOST (the user data of Lt)", "engine postgres");
    assertThat(flow.origin().location().line()).isGreaterThan(1);
  }

  @Test
  void loadBalancerReachesTargetsOnTrafficAndHealthCheckPorts() throws IOException {
    String lb =
"""
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Subnets: [!Ref PublicSubnet]}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: HTTP
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Port: 8080, Protocol: HTTP, VpcId: !Ref Vpc, HealthCheckPort: "8081"}
  Web:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-12345678, SubnetId: !Ref PrivateSubnet}
  Tg2:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 9000
      Protocol: HTTP
      VpcId: !Ref Vpc
      HealthCheckPort: traffic-port
      Targets: [{Id: !Ref Web}]
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: 1
      Conditions: []
      Actions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupArn: !Ref Tg2}]}}]
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "1"
      MaxSize: "2"
      VPCZoneIdentifier: [!Ref PrivateSubnet]
      TargetGroupARNs: [!Ref Tg]
""";
    assertThat(flows(lb))
        .containsExactly(
            "Alb -> Asg tcp/8080 LOAD_BALANCER_TARGET",
            "Alb -> Asg tcp/8081 HEALTH_CHECK",
            "Alb -> Web tcp/9000 LOAD_BALANCER_TARGET");
  }

  @Test
  void haproxyInUserDataReachesItsUpstreamAndItsClientsReachIt() throws IOException {
    String proxy =
        """
          Proxy:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              SubnetId: !Ref PrivateSubnet
              UserData:
                Fn::Base64: !Sub |
                  #!/bin/bash
                  echo ${AWS::Region}
                  cat > /etc/haproxy/haproxy.cfg <<EOF
                  frontend pg
                    bind *:6432
                    mode tcp
                    default_backend db
                  backend db
                    mode tcp
                    server db1 ${Db.Endpoint.Address}:5432 check
                  EOF
                  systemctl restart haproxy
        """;
    assertThat(flows(POSTGRES + proxy + lambda("PGHOST: !GetAtt Proxy.PrivateIp\n")))
        .containsExactly(
            "Fn -> Proxy tcp/6432 PROXY_CLIENT", "Proxy -> Db tcp/5432 PROXY_UPSTREAM");
  }

  @Test
  void nginxUpstreamsAndProxyPassAreUpstreams() throws IOException {
    String proxy =
        """
          Api:
            Type: AWS::EC2::Instance
            Properties: {ImageId: ami-12345678, SubnetId: !Ref PrivateSubnet}
          Proxy:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              SubnetId: !Ref PublicSubnet
              UserData:
                Fn::Base64: !Sub |
                  #!/bin/bash
                  tee /etc/nginx/conf.d/app.conf <<'EOF'
                  upstream app {
                    server ${Api.PrivateIp}:8080;
                  }
                  server {
                    listen 80;
                    location / { proxy_pass http://app; }
                    location /legacy { proxy_pass http://10.0.1.7:9090/; }
                  }
                  EOF
        """;
    assertThat(flows(proxy))
        .containsExactly(
            "Proxy -> Api tcp/8080 PROXY_UPSTREAM", "Proxy -> 10.0.1.7/32 tcp/9090 PROXY_UPSTREAM");
  }

  @Test
  void workloadsRoutedToANatInstanceReachItAndItReachesTheInternet() throws IOException {
    String nat =
"""
  Nat:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-12345678, SubnetId: !Ref PublicSubnet, SourceDestCheck: false}
  DefaultRoute:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PrivateTable, DestinationCidrBlock: 0.0.0.0/0, InstanceId: !Ref Nat}
""";
    assertThat(flows(nat + lambda("A: b\n")))
        .containsExactly("Fn -> Nat tcp/443 NAT_INSTANCE", "Nat -> internet tcp/443 NAT_INSTANCE");
  }

  @Test
  void privateInstancesWithTheSsmCorePolicyReachTheThreeServices() throws IOException {
    String managed =
"""
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      ManagedPolicyArns:
        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties: {Roles: [!Ref Role]}
  Private:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-12345678, SubnetId: !Ref PrivateSubnet, IamInstanceProfile: !Ref Profile}
  Public:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-12345678, SubnetId: !Ref PublicSubnet, IamInstanceProfile: !Ref Profile}
""";
    assertThat(flows(managed))
        .containsExactly(
            "Private -> AWS service ec2messages tcp/443 SYSTEMS_MANAGER",
            "Private -> AWS service ssm tcp/443 SYSTEMS_MANAGER",
            "Private -> AWS service ssmmessages tcp/443 SYSTEMS_MANAGER");
  }

  @Test
  void cachesAndLoadBalancersListenOnTheirKnownPortsNarrowedByTheScheme() throws IOException {
    String resources =
        """
          Redis:
            Type: AWS::ElastiCache::CacheCluster
            Properties: {Engine: redis, CacheNodeType: cache.t4g.micro, NumCacheNodes: 1}
          Memcached:
            Type: AWS::ElastiCache::CacheCluster
            Properties: {Engine: memcached, CacheNodeType: cache.t4g.micro, NumCacheNodes: 1}
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties: {Subnets: [!Ref PrivateSubnet], Scheme: internal}
          Http:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties: {LoadBalancerArn: !Ref Alb, Port: 80, Protocol: HTTP, DefaultActions: []}
          Https:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties: {LoadBalancerArn: !Ref Alb, Port: 443, Protocol: HTTPS, DefaultActions: []}
        """;
    String env =
        """
        REDIS_HOST: !GetAtt Redis.RedisEndpoint.Address
        CACHE: !GetAtt Memcached.ConfigurationEndpoint.Address
        API_URL: !Sub "https://${Alb.DNSName}/v1"
        """;
    assertThat(flows(resources + lambda(env)))
        .containsExactly(
            "Fn -> Alb tcp/443 ADDRESS_REFERENCE",
            "Fn -> Memcached tcp/11211 ADDRESS_REFERENCE",
            "Fn -> Redis tcp/6379 ADDRESS_REFERENCE");
  }

  @Test
  void aSiblingPortAssignedInUserDataIsUsed() throws IOException {
    String instance =
        """
          App:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              SubnetId: !Ref PrivateSubnet
              UserData:
                Fn::Base64: !Sub |
                  #!/bin/bash
                  export DB_HOST=${Db.Endpoint.Address}
                  export DB_PORT=6432
                  ./app
        """;
    assertThat(flows(POSTGRES + instance)).containsExactly("App -> Db tcp/6432 ADDRESS_REFERENCE");
  }

  @Test
  void socatRelaysAndBridgeModeServicesAndClassicHealthChecks() throws IOException {
    String resources =
"""
  Relay:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      SubnetId: !Ref PrivateSubnet
      UserData:
        Fn::Base64: !Sub "#!/bin/sh\\nsocat TCP-LISTEN:15432,fork TCP:${Db.Endpoint.Address}:5432 &\\n"
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - {Name: web, Image: web, PortMappings: [{ContainerPort: 8080}]}
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      LoadBalancers: [{ContainerName: web, ContainerPort: 8080, TargetGroupArn: !Ref Tg}]
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Subnets: [!Ref PublicSubnet]}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Port: 80, Protocol: HTTP, VpcId: !Ref Vpc}
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Instances: [!Ref Relay]
      Listeners: [{LoadBalancerPort: "80", InstancePort: "15432", Protocol: TCP}]
      HealthCheck: {Target: "HTTP:8081/health", HealthyThreshold: "2", UnhealthyThreshold: "2", Interval: "10", Timeout: "5"}
""";
    assertThat(flows(POSTGRES + resources))
        .containsExactly(
            "Alb -> Service tcp/32768-65535 LOAD_BALANCER_TARGET",
            "Elb -> Relay tcp/8081 HEALTH_CHECK",
            "Elb -> Relay tcp/15432 LOAD_BALANCER_TARGET",
            "Relay -> Db tcp/5432 PROXY_UPSTREAM");
  }

  @Test
  void inferenceIsDeterministic() throws IOException {
    String all =
        POSTGRES + lambda("DB_HOST: !GetAtt Db.Endpoint.Address\nX: !GetAtt Db.Endpoint.Address\n");
    assertThat(flows(all)).isEqualTo(flows(all)).hasSize(1);
  }
}
