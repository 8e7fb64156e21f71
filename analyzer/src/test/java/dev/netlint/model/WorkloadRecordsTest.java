package dev.netlint.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.graph.Models;
import dev.netlint.model.NetworkAttachment.PublicIp;
import org.junit.jupiter.api.Test;

/** Workloads, their subnets, security groups and ports; load balancers and target groups. */
class WorkloadRecordsTest {

  private static final String BASE =
      """
      Parameters:
        SubnetIds:
          Type: List<AWS::EC2::Subnet::Id>
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties:
            CidrBlock: 10.0.0.0/16
        A:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: 10.0.1.0/24
        B:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            CidrBlock: 10.0.2.0/24
        Sg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: sg
            VpcId: !Ref Vpc
      """;

  private static Workload workload(NetworkModel m, String logicalId) {
    return m.workload(Models.id(logicalId)).orElseThrow();
  }

  private static NetworkAttachment primary(NetworkModel m, String logicalId) {
    return workload(m, logicalId).interfaces().get(0);
  }

  @Test
  void instancesFromSubnetIdOrNetworkInterfacesWithElasticIp() {
    NetworkModel m =
        Models.of(
            BASE
                + """
                    Plain:
                      Type: AWS::EC2::Instance
                      Properties:
                        SubnetId: !Ref A
                        SecurityGroupIds: [!GetAtt Sg.GroupId]
                        PrivateIpAddress: 10.0.1.10
                    Nics:
                      Type: AWS::EC2::Instance
                      Properties:
                        SourceDestCheck: false
                        NetworkInterfaces:
                          - DeviceIndex: "1"
                            SubnetId: !Ref B
                          - DeviceIndex: "0"
                            SubnetId: !Ref A
                            GroupSet: [!Ref Sg]
                            AssociatePublicIpAddress: true
                    Eni:
                      Type: AWS::EC2::NetworkInterface
                      Properties:
                        SubnetId: !Ref B
                    WithEni:
                      Type: AWS::EC2::Instance
                      Properties:
                        NetworkInterfaces:
                          - DeviceIndex: "0"
                            NetworkInterfaceId: !Ref Eni
                    Eip:
                      Type: AWS::EC2::EIP
                      Properties:
                        InstanceId: !Ref WithEni
                  """);

    NetworkAttachment plain = primary(m, "Plain");
    assertThat(plain.subnetIds()).containsExactly(Models.id("A"));
    assertThat(plain.securityGroups())
        .extracting(SecurityGroupRef::key)
        .containsExactly("resource t/Sg");
    assertThat(plain.privateIp()).hasToString("10.0.1.10/32");
    assertThat(plain.publicIp()).isEqualTo(PublicIp.SUBNET_DEFAULT);
    Workload nics = workload(m, "Nics");
    assertThat(nics.interfaces()).hasSize(2);
    assertThat(nics.interfaces().get(0).subnetIds()).containsExactly(Models.id("A"));
    assertThat(nics.interfaces().get(0).publicIp()).isEqualTo(PublicIp.YES);
    assertThat(nics.interfaces().get(1).securityGroups())
        .extracting(SecurityGroupRef::kind)
        .containsExactly(SecurityGroupRef.Kind.VPC_DEFAULT);
    assertThat(nics.sourceDestCheck()).isFalse();
    assertThat(primary(m, "WithEni").subnetIds()).containsExactly(Models.id("B"));
    assertThat(primary(m, "WithEni").publicIp()).isEqualTo(PublicIp.YES);
    assertThat(primary(m, "Eni").publicIp()).isEqualTo(PublicIp.NO);
  }

  @Test
  void autoScalingGroupsTakeGroupsFromTheirLaunchTemplateOrConfiguration() {
    NetworkModel m =
        Models.of(
            BASE
                + """
                    Lt:
                      Type: AWS::EC2::LaunchTemplate
                      Properties:
                        LaunchTemplateData:
                          NetworkInterfaces:
                            - DeviceIndex: 0
                              Groups: [!Ref Sg]
                              AssociatePublicIpAddress: false
                    Asg:
                      Type: AWS::AutoScaling::AutoScalingGroup
                      Properties:
                        MinSize: "1"
                        MaxSize: "2"
                        VPCZoneIdentifier: [!Ref A, !Ref B]
                        LaunchTemplate:
                          LaunchTemplateId: !Ref Lt
                          Version: !GetAtt Lt.LatestVersionNumber
                    Lc:
                      Type: AWS::AutoScaling::LaunchConfiguration
                      Properties:
                        ImageId: ami-1
                        InstanceType: t3.micro
                        SecurityGroups: [!Ref Sg]
                    AsgLc:
                      Type: AWS::AutoScaling::AutoScalingGroup
                      Properties:
                        MinSize: "1"
                        MaxSize: "2"
                        VPCZoneIdentifier: !Ref SubnetIds
                        LaunchConfigurationName: !Ref Lc
                  """);

    NetworkAttachment asg = primary(m, "Asg");
    assertThat(asg.subnetIds()).containsExactly(Models.id("A"), Models.id("B"));
    assertThat(asg.subnetsKnown()).isTrue();
    assertThat(asg.securityGroups())
        .extracting(SecurityGroupRef::key)
        .containsExactly("resource t/Sg");
    assertThat(asg.publicIp()).isEqualTo(PublicIp.NO);
    NetworkAttachment lc = primary(m, "AsgLc");
    assertThat(lc.subnetsKnown()).isFalse();
    assertThat(lc.securityGroups())
        .extracting(SecurityGroupRef::key)
        .containsExactly("resource t/Sg");
  }

  @Test
  void lambdaAndEcsServicePlacements() {
    NetworkModel m =
        Models.of(
            BASE
                + """
                    Fn:
                      Type: AWS::Lambda::Function
                      Properties:
                        VpcConfig:
                          SubnetIds: [!Ref A]
                          SecurityGroupIds: [!Ref Sg]
                    NoVpc:
                      Type: AWS::Lambda::Function
                      Properties:
                        Runtime: nodejs20.x
                    Svc:
                      Type: AWS::ECS::Service
                      Properties:
                        NetworkConfiguration:
                          AwsvpcConfiguration:
                            Subnets: [!Ref B]
                            AssignPublicIp: ENABLED
                    Bridge:
                      Type: AWS::ECS::Service
                      Properties:
                        Cluster: c
                  """);

    assertThat(primary(m, "Fn").publicIp()).isEqualTo(PublicIp.NO);
    assertThat(m.workload(Models.id("NoVpc"))).isEmpty();
    assertThat(primary(m, "Svc").publicIp()).isEqualTo(PublicIp.YES);
    assertThat(primary(m, "Svc").securityGroups())
        .extracting(SecurityGroupRef::kind)
        .containsExactly(SecurityGroupRef.Kind.VPC_DEFAULT);
    assertThat(workload(m, "Bridge").interfaces()).isEmpty();
  }

  @Test
  void databasesAndCachesTakeSubnetsFromTheirSubnetGroupsAndDefaultPortsFromTheEngine() {
    NetworkModel m =
        Models.of(
            BASE
                + """
                    DbSubnets:
                      Type: AWS::RDS::DBSubnetGroup
                      Properties:
                        DBSubnetGroupDescription: db
                        SubnetIds: [!Ref A, !Ref B]
                    Pg:
                      Type: AWS::RDS::DBInstance
                      Properties:
                        Engine: postgres
                        DBSubnetGroupName: !Ref DbSubnets
                        VPCSecurityGroups: [!GetAtt Sg.GroupId]
                    Cluster:
                      Type: AWS::RDS::DBCluster
                      Properties:
                        Engine: aurora-mysql
                        Port: 3307
                        DBSubnetGroupName: !Ref DbSubnets
                        VpcSecurityGroupIds: [!Ref Sg]
                    Member:
                      Type: AWS::RDS::DBInstance
                      Properties:
                        Engine: aurora-mysql
                        DBClusterIdentifier: !Ref Cluster
                    SqlServer:
                      Type: AWS::RDS::DBInstance
                      Properties:
                        Engine: sqlserver-ex
                    CacheSubnets:
                      Type: AWS::ElastiCache::SubnetGroup
                      Properties:
                        Description: cache
                        SubnetIds: [!Ref B]
                    Redis:
                      Type: AWS::ElastiCache::ReplicationGroup
                      Properties:
                        ReplicationGroupDescription: r
                        CacheSubnetGroupName: !Ref CacheSubnets
                        SecurityGroupIds: [!Ref Sg]
                    Memcached:
                      Type: AWS::ElastiCache::CacheCluster
                      Properties:
                        Engine: memcached
                        CacheNodeType: cache.t3.micro
                        NumCacheNodes: 1
                        CacheSubnetGroupName: !Ref CacheSubnets
                  """);

    assertThat(workload(m, "Pg").ports()).containsExactly(5432);
    assertThat(primary(m, "Pg").subnetIds()).containsExactly(Models.id("A"), Models.id("B"));
    assertThat(workload(m, "Cluster").ports()).containsExactly(3307);
    assertThat(workload(m, "Member").ports()).containsExactly(3307);
    assertThat(primary(m, "Member").subnetIds()).hasSize(2);
    assertThat(primary(m, "Pg").publicIp()).isEqualTo(PublicIp.NO);
    assertThat(primary(m, "SqlServer").publicIp()).isEqualTo(PublicIp.UNKNOWN);
    assertThat(workload(m, "SqlServer").ports()).containsExactly(1433);
    assertThat(primary(m, "SqlServer").subnetsKnown()).isFalse();
    assertThat(workload(m, "Redis").ports()).containsExactly(6379);
    assertThat(workload(m, "Memcached").ports()).containsExactly(11211);
    assertThat(primary(m, "Memcached").securityGroups())
        .extracting(SecurityGroupRef::kind)
        .containsExactly(SecurityGroupRef.Kind.VPC_DEFAULT);
  }

  @Test
  void aDatabaseWithoutPubliclyAccessibleIsPublicInAVpcWithAnInternetGateway() {
    NetworkModel m =
        Models.of(
            BASE
                + """
                    Igw:
                      Type: AWS::EC2::InternetGateway
                    Attach:
                      Type: AWS::EC2::VPCGatewayAttachment
                      Properties:
                        VpcId: !Ref Vpc
                        InternetGatewayId: !Ref Igw
                    DbSubnets:
                      Type: AWS::RDS::DBSubnetGroup
                      Properties:
                        DBSubnetGroupDescription: db
                        SubnetIds: [!Ref A]
                    Implicit:
                      Type: AWS::RDS::DBInstance
                      Properties:
                        Engine: mysql
                        DBSubnetGroupName: !Ref DbSubnets
                    Private:
                      Type: AWS::RDS::DBInstance
                      Properties:
                        Engine: mysql
                        DBSubnetGroupName: !Ref DbSubnets
                        PubliclyAccessible: false
                  """);

    assertThat(primary(m, "Implicit").publicIp()).isEqualTo(PublicIp.YES);
    assertThat(primary(m, "Private").publicIp()).isEqualTo(PublicIp.NO);
  }

  @Test
  void loadBalancersListenersAndTargetGroups() {
    NetworkModel m =
        Models.of(
            BASE
                + """
                    Web:
                      Type: AWS::EC2::Instance
                      Properties:
                        SubnetId: !Ref A
                    Alb:
                      Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                      Properties:
                        Subnets: [!Ref A, !Ref B]
                        SecurityGroups: [!Ref Sg]
                    Nlb:
                      Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                      Properties:
                        Type: network
                        Scheme: internal
                        SubnetMappings:
                          - SubnetId: !Ref A
                    Tg:
                      Type: AWS::ElasticLoadBalancingV2::TargetGroup
                      Properties:
                        Port: 8080
                        Protocol: HTTP
                        VpcId: !Ref Vpc
                        Targets:
                          - Id: !Ref Web
                    HealthTg:
                      Type: AWS::ElasticLoadBalancingV2::TargetGroup
                      Properties:
                        Port: 80
                        Protocol: HTTP
                        TargetType: ip
                        HealthCheckPort: "8081"
                    Listener:
                      Type: AWS::ElasticLoadBalancingV2::Listener
                      Properties:
                        LoadBalancerArn: !Ref Alb
                        Port: 443
                        Protocol: HTTPS
                        DefaultActions:
                          - Type: forward
                            TargetGroupArn: !Ref Tg
                    Rule:
                      Type: AWS::ElasticLoadBalancingV2::ListenerRule
                      Properties:
                        ListenerArn: !Ref Listener
                        Priority: 1
                        Conditions: []
                        Actions:
                          - Type: forward
                            ForwardConfig:
                              TargetGroups:
                                - TargetGroupArn: !Ref HealthTg
                    Svc:
                      Type: AWS::ECS::Service
                      Properties:
                        NetworkConfiguration:
                          AwsvpcConfiguration:
                            Subnets: [!Ref B]
                            SecurityGroups: [!Ref Sg]
                        LoadBalancers:
                          - TargetGroupArn: !Ref HealthTg
                            ContainerPort: 3000
                            ContainerName: app
                  """);

    assertThat(workload(m, "Alb").ports()).containsExactly(443);
    assertThat(primary(m, "Alb").publicIp()).isEqualTo(PublicIp.YES);
    assertThat(primary(m, "Nlb").securityGroups()).isEmpty();
    assertThat(primary(m, "Nlb").publicIp()).isEqualTo(PublicIp.NO);
    Listener listener = m.listenersOf(Models.id("Alb")).get(0);
    assertThat(listener.port()).isEqualTo(443);
    assertThat(listener.targetGroups()).containsExactly(Models.id("Tg"), Models.id("HealthTg"));
    TargetGroup tg = m.targetGroup(Models.id("Tg")).orElseThrow();
    assertThat(tg.targets())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.workload()).isEqualTo(Models.id("Web"));
              assertThat(tg.healthCheckPortOf(t)).isEqualTo(8080);
            });
    TargetGroup health = m.targetGroup(Models.id("HealthTg")).orElseThrow();
    assertThat(health.targetType()).isEqualTo("ip");
    assertThat(health.targets())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.workload()).isEqualTo(Models.id("Svc"));
              assertThat(t.port()).isEqualTo(3000);
              assertThat(health.healthCheckPortOf(t)).isEqualTo(8081);
            });
  }

  /** Issue 11, defect 1: a cache cluster whose engine is not known had its null port unboxed. */
  @Test
  void cacheClusterWithoutALiteralEngineHasNoKnownPort() {
    NetworkModel m =
        Models.of(
            """
            Parameters:
              CacheEngine:
                Type: String
            Resources:
              FromParameter:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  Engine: !Ref CacheEngine
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
              NoEngine:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
              NoProperties:
                Type: AWS::ElastiCache::CacheCluster
              Memcached:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  Engine: memcached
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: r
            """);
    assertThat(workload(m, "FromParameter").ports()).isEmpty();
    assertThat(workload(m, "NoEngine").ports()).isEmpty();
    assertThat(workload(m, "NoProperties").ports()).isEmpty();
    assertThat(workload(m, "Memcached").ports()).containsExactly(11211);
    assertThat(workload(m, "Group").ports()).containsExactly(6379);
  }
}
