package dev.netlint.benchmarks;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.Reachability;
import dev.netlint.api.reach.Verdict;
import dev.netlint.graph.NetworkGraph;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.ResourceId;
import dev.netlint.model.Stack;
import dev.netlint.parse.cfn.InputException;
import dev.netlint.parse.cfn.StackSource;
import dev.netlint.parse.cfn.Template;
import dev.netlint.parse.cfn.TemplateLoader;
import dev.netlint.parse.intrinsic.Resolution;
import dev.netlint.parse.intrinsic.StackResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reachability graph over generated VPCs at three sizes, to show how its cost grows with the
 * template. At scale 1 a template holds 100 subnets (25 route tables, 10 NAT gateways, 10 custom
 * network ACLs of 12 entries), 50 security groups with about 1,250 rules (group references and
 * CIDRs), 500 workloads (instances, Lambda functions, Auto Scaling groups, RDS instances) and 30
 * interface endpoints; scale 2 and 4 multiply everything. {@code build} times the network model's
 * typed records and the graph; {@code buildAndAskEveryWorkload} adds, for every workload, three
 * queries a rule would ask (its database on tcp/5432, Systems Manager, the internet).
 *
 * <p>Run: {@code java -jar benchmarks/target/netlint-benchmarks.jar ReachabilityBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReachabilityBenchmark {

  @Param({"1", "2", "4"})
  public int scale;

  private List<Stack> stacks = List.of();
  private List<ResourceId> databases = List.of();

  /** Parses and resolves the generated template once; fails when the graph answers nothing. */
  @Setup
  public void generate() {
    String yaml = template(scale, new Random(7));
    try {
      var root =
          new TemplateLoader()
              .parse(yaml.getBytes(StandardCharsets.UTF_8), TemplateLoader.Format.YAML, "g.yaml");
      StackSource source = StackSource.lone("g", new Template(Path.of("g.yaml"), "g.yaml", root));
      List<Stack> out = new ArrayList<>();
      for (Resolution r : StackResolver.resolveAll(List.of(source))) {
        out.add(r.stack());
      }
      stacks = out;
    } catch (InputException e) {
      throw new IllegalStateException("generated template does not parse", e);
    }
    NetworkModel model = new NetworkModel(stacks);
    databases =
        model.workloads().stream()
            .filter(w -> w.resource().type().equals("AWS::RDS::DBInstance"))
            .map(w -> w.id())
            .toList();
    Map<Verdict, Integer> verdicts = askEveryWorkload(NetworkGraph.build(model));
    if (verdicts.getOrDefault(Verdict.REACHABLE, 0) == 0
        || verdicts.getOrDefault(Verdict.BLOCKED, 0) == 0) {
      throw new IllegalStateException("degenerate benchmark input: " + verdicts);
    }
  }

  @Benchmark
  public Reachability build() {
    return NetworkGraph.build(new NetworkModel(stacks));
  }

  @Benchmark
  public Map<Verdict, Integer> buildAndAskEveryWorkload() {
    return askEveryWorkload(NetworkGraph.build(new NetworkModel(stacks)));
  }

  private Map<Verdict, Integer> askEveryWorkload(Reachability graph) {
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    List<Endpoint.Workload> all = graph.workloads();
    for (int i = 0; i < all.size(); i++) {
      Endpoint.Workload w = all.get(i);
      Endpoint db = new Endpoint.Workload(databases.get(i % databases.size()));
      verdicts.merge(
          graph.reach(w, db, Protocol.TCP, PortRange.of(5432)).verdict(), 1, Integer::sum);
      verdicts.merge(
          graph.reach(w, new Endpoint.AwsService("ssm"), Protocol.TCP, PortRange.of(443)).verdict(),
          1,
          Integer::sum);
      verdicts.merge(
          graph.reach(w, new Endpoint.Internet(), Protocol.TCP, PortRange.of(443)).verdict(),
          1,
          Integer::sum);
    }
    return verdicts;
  }

  /** A generated VPC template, as CloudFormation YAML. */
  public static String template(int scale, Random r) {
    int subnets = 100 * scale;
    int tables = 25 * scale;
    int nats = 10 * scale;
    int acls = 10 * scale;
    int groups = 50 * scale;
    int workloads = 500 * scale;
    int endpoints = 30 * scale;
    StringBuilder y = new StringBuilder("Resources:\n");
    y.append("  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/8\n")
        .append("      EnableDnsHostnames: true\n")
        .append("  Igw:\n    Type: AWS::EC2::InternetGateway\n")
        .append("  IgwAttach:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties:\n")
        .append("      VpcId: !Ref Vpc\n      InternetGatewayId: !Ref Igw\n")
        .append("  PublicTable:\n    Type: AWS::EC2::RouteTable\n    Properties:\n")
        .append("      VpcId: !Ref Vpc\n")
        .append("  PublicDefault:\n    Type: AWS::EC2::Route\n    Properties:\n")
        .append("      RouteTableId: !Ref PublicTable\n      DestinationCidrBlock: 0.0.0.0/0\n")
        .append("      GatewayId: !Ref Igw\n");
    for (int i = 0; i < subnets; i++) {
      boolean isPublic = i < nats;
      y.append("  Subnet")
          .append(i)
          .append(":\n    Type: AWS::EC2::Subnet\n    Properties:\n")
          .append("      VpcId: !Ref Vpc\n      CidrBlock: 10.")
          .append(i / 256)
          .append('.')
          .append(i % 256)
          .append(".0/24\n      MapPublicIpOnLaunch: ")
          .append(isPublic)
          .append('\n');
      y.append("  Subnet")
          .append(i)
          .append("Assoc:\n")
          .append("    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties:\n")
          .append("      SubnetId: !Ref Subnet")
          .append(i)
          .append('\n')
          .append("      RouteTableId: !Ref ")
          .append(isPublic ? "PublicTable" : "Table" + (i % tables))
          .append('\n');
      if (!isPublic && i % 10 == 3) {
        y.append("  Subnet")
            .append(i)
            .append("Acl:\n")
            .append("    Type: AWS::EC2::SubnetNetworkAclAssociation\n    Properties:\n")
            .append("      SubnetId: !Ref Subnet")
            .append(i)
            .append('\n')
            .append("      NetworkAclId: !Ref Acl")
            .append(i % acls)
            .append('\n');
      }
    }
    for (int i = 0; i < nats; i++) {
      y.append("  NatEip")
          .append(i)
          .append(":\n    Type: AWS::EC2::EIP\n")
          .append("  Nat")
          .append(i)
          .append(":\n    Type: AWS::EC2::NatGateway\n    Properties:\n")
          .append("      SubnetId: !Ref Subnet")
          .append(i)
          .append('\n')
          .append("      AllocationId: !GetAtt NatEip")
          .append(i)
          .append(".AllocationId\n");
    }
    for (int t = 0; t < tables; t++) {
      y.append("  Table")
          .append(t)
          .append(":\n    Type: AWS::EC2::RouteTable\n    Properties:\n")
          .append("      VpcId: !Ref Vpc\n");
      if (t % 5 != 4) {
        y.append("  Table")
            .append(t)
            .append("Default:\n    Type: AWS::EC2::Route\n")
            .append("    Properties:\n      RouteTableId: !Ref Table")
            .append(t)
            .append('\n')
            .append("      DestinationCidrBlock: 0.0.0.0/0\n      NatGatewayId: !Ref Nat")
            .append(t % nats)
            .append('\n');
      }
      y.append("  Table")
          .append(t)
          .append("OnPrem:\n    Type: AWS::EC2::Route\n")
          .append("    Properties:\n      RouteTableId: !Ref Table")
          .append(t)
          .append('\n')
          .append("      DestinationCidrBlock: 192.168.")
          .append(t % 256)
          .append(".0/24\n")
          .append("      VpcPeeringConnectionId: pcx-0123\n");
    }
    for (int a = 0; a < acls; a++) {
      y.append("  Acl")
          .append(a)
          .append(":\n    Type: AWS::EC2::NetworkAcl\n    Properties:\n")
          .append("      VpcId: !Ref Vpc\n");
      for (int e = 0; e < 12; e++) {
        boolean egress = e % 2 == 1;
        boolean deny = e == 2 || e == 3;
        String cidr =
            e < 2
                ? "10.0.0.0/8"
                : deny ? "10." + r.nextInt(2) + "." + r.nextInt(256) + ".0/24" : "0.0.0.0/0";
        int from = e < 2 ? 0 : deny ? 22 : e < 8 ? 1024 : 443;
        int to = e < 2 ? 65535 : deny ? 22 : e < 8 ? 65535 : 443;
        y.append("  Acl")
            .append(a)
            .append('E')
            .append(e)
            .append(":\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n")
            .append("      NetworkAclId: !Ref Acl")
            .append(a)
            .append('\n')
            .append("      RuleNumber: ")
            .append(deny ? 50 + e : 100 + e * 10)
            .append('\n')
            .append("      Protocol: 6\n      Egress: ")
            .append(egress)
            .append('\n')
            .append("      RuleAction: ")
            .append(deny ? "deny" : "allow")
            .append('\n')
            .append("      CidrBlock: ")
            .append(cidr)
            .append('\n')
            .append("      PortRange:\n        From: ")
            .append(from)
            .append("\n        To: ")
            .append(to)
            .append('\n');
      }
    }
    for (int g = 0; g < groups; g++) {
      y.append("  Sg")
          .append(g)
          .append(":\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n")
          .append("      GroupDescription: g\n      VpcId: !Ref Vpc\n")
          .append("      SecurityGroupIngress:\n");
      int rules = 20 + r.nextInt(11);
      for (int k = 0; k < rules; k++) {
        int port = new int[] {22, 80, 443, 5432, 8080, 3306}[r.nextInt(6)] + (k % 3);
        y.append("        - IpProtocol: tcp\n          FromPort: ")
            .append(port)
            .append("\n          ToPort: ")
            .append(port + r.nextInt(3))
            .append('\n');
        if (r.nextInt(3) == 0) {
          y.append("          CidrIp: 10.")
              .append(r.nextInt(2))
              .append('.')
              .append(r.nextInt(256))
              .append(".0/24\n");
        } else {
          y.append("          SourceSecurityGroupId: !Ref Sg")
              .append(r.nextInt(groups))
              .append('\n');
        }
      }
      if (g % 4 == 0) {
        y.append("      SecurityGroupEgress:\n        - IpProtocol: tcp\n")
            .append("          FromPort: 443\n          ToPort: 443\n          CidrIp: 0.0.0.0/0\n")
            .append("        - IpProtocol: tcp\n          FromPort: 5432\n          ToPort: 5432\n")
            .append("          CidrIp: 10.0.0.0/8\n");
      }
    }
    y.append("  EndpointSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n")
        .append("      GroupDescription: endpoints\n      VpcId: !Ref Vpc\n")
        .append("      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 443\n")
        .append("          ToPort: 443\n          CidrIp: 10.0.0.0/9\n");
    String[] services = {"ssm", "ssmmessages", "ec2messages", "logs", "sts", "ecr.api"};
    for (int e = 0; e < endpoints; e++) {
      String service = services[e % services.length] + (e < services.length ? "" : "x" + e);
      y.append("  Endpoint")
          .append(e)
          .append(":\n    Type: AWS::EC2::VPCEndpoint\n")
          .append("    Properties:\n      VpcEndpointType: Interface\n      VpcId: !Ref Vpc\n")
          .append("      ServiceName: !Sub com.amazonaws.${AWS::Region}.")
          .append(service)
          .append('\n')
          .append("      PrivateDnsEnabled: true\n      SecurityGroupIds: [!Ref EndpointSg]\n")
          .append("      SubnetIds: [!Ref Subnet")
          .append(nats + e % (subnets - nats))
          .append(", !Ref Subnet")
          .append(nats + (e + 7) % (subnets - nats))
          .append("]\n");
    }
    y.append("  DbSubnets:\n    Type: AWS::RDS::DBSubnetGroup\n    Properties:\n")
        .append("      DBSubnetGroupDescription: db\n      SubnetIds: [!Ref Subnet")
        .append(subnets - 1)
        .append(", !Ref Subnet")
        .append(subnets - 2)
        .append("]\n");
    for (int w = 0; w < workloads; w++) {
      int subnet = nats + r.nextInt(Math.max(1, (subnets - nats) / 4)) * 4 % (subnets - nats);
      String sg = "Sg" + r.nextInt(groups);
      int kind = w % 10;
      if (kind < 6) {
        y.append("  Instance")
            .append(w)
            .append(":\n    Type: AWS::EC2::Instance\n")
            .append("    Properties:\n      SubnetId: !Ref Subnet")
            .append(subnet)
            .append('\n')
            .append("      SecurityGroupIds: [!Ref ")
            .append(sg)
            .append("]\n");
      } else if (kind < 8) {
        y.append("  Fn")
            .append(w)
            .append(":\n    Type: AWS::Lambda::Function\n")
            .append("    Properties:\n      VpcConfig:\n        SubnetIds: [!Ref Subnet")
            .append(subnet)
            .append(", !Ref Subnet")
            .append(nats + (subnet + 1 - nats) % (subnets - nats))
            .append("]\n        SecurityGroupIds: [!Ref ")
            .append(sg)
            .append("]\n");
      } else if (kind < 9) {
        y.append("  Asg")
            .append(w)
            .append(":\n    Type: AWS::AutoScaling::AutoScalingGroup\n")
            .append("    Properties:\n      MinSize: \"1\"\n      MaxSize: \"3\"\n")
            .append("      VPCZoneIdentifier: [!Ref Subnet")
            .append(subnet)
            .append("]\n")
            .append("      LaunchConfigurationName: !Ref Lc")
            .append(w)
            .append('\n')
            .append("  Lc")
            .append(w)
            .append(":\n    Type: AWS::AutoScaling::LaunchConfiguration\n")
            .append("    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n")
            .append("      SecurityGroups: [!Ref ")
            .append(sg)
            .append("]\n");
      } else {
        y.append("  Db")
            .append(w)
            .append(":\n    Type: AWS::RDS::DBInstance\n")
            .append(
                "    Properties:\n"
                    + "      Engine: postgres\n"
                    + "      DBSubnetGroupName: !Ref DbSubnets\n")
            .append("      VPCSecurityGroups: [!Ref ")
            .append(sg)
            .append("]\n");
      }
    }
    return y.toString();
  }
}
