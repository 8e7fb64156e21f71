package dev.netlint.model;

/**
 * The CloudFormation resource types netlint models, spelled as in CloudFormation.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_EC2.html">Amazon
 * EC2 resource type reference</a>.
 */
public final class ResourceTypes {
  private ResourceTypes() {}

  public static final String VPC = "AWS::EC2::VPC";
  public static final String SUBNET = "AWS::EC2::Subnet";
  public static final String ROUTE_TABLE = "AWS::EC2::RouteTable";
  public static final String ROUTE = "AWS::EC2::Route";
  public static final String SUBNET_ROUTE_TABLE_ASSOCIATION =
      "AWS::EC2::SubnetRouteTableAssociation";
  public static final String INTERNET_GATEWAY = "AWS::EC2::InternetGateway";
  public static final String EGRESS_ONLY_INTERNET_GATEWAY = "AWS::EC2::EgressOnlyInternetGateway";
  public static final String VPN_GATEWAY = "AWS::EC2::VPNGateway";
  public static final String VPC_GATEWAY_ATTACHMENT = "AWS::EC2::VPCGatewayAttachment";
  public static final String NAT_GATEWAY = "AWS::EC2::NatGateway";
  public static final String EIP = "AWS::EC2::EIP";
  public static final String INSTANCE = "AWS::EC2::Instance";
  public static final String NETWORK_INTERFACE = "AWS::EC2::NetworkInterface";
  public static final String NETWORK_INTERFACE_ATTACHMENT = "AWS::EC2::NetworkInterfaceAttachment";
  public static final String SECURITY_GROUP = "AWS::EC2::SecurityGroup";
  public static final String SECURITY_GROUP_INGRESS = "AWS::EC2::SecurityGroupIngress";
  public static final String SECURITY_GROUP_EGRESS = "AWS::EC2::SecurityGroupEgress";
  public static final String VPC_ENDPOINT = "AWS::EC2::VPCEndpoint";
  public static final String LAUNCH_TEMPLATE = "AWS::EC2::LaunchTemplate";
  public static final String LAUNCH_CONFIGURATION = "AWS::AutoScaling::LaunchConfiguration";
  public static final String AUTO_SCALING_GROUP = "AWS::AutoScaling::AutoScalingGroup";
  public static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
  public static final String ECS_SERVICE = "AWS::ECS::Service";
  public static final String CLOUDFORMATION_STACK = "AWS::CloudFormation::Stack";

  // Types of the reachability graph (issue 4).
  public static final String VPC_CIDR_BLOCK = "AWS::EC2::VPCCidrBlock";
  public static final String NETWORK_ACL = "AWS::EC2::NetworkAcl";
  public static final String NETWORK_ACL_ENTRY = "AWS::EC2::NetworkAclEntry";
  public static final String SUBNET_NETWORK_ACL_ASSOCIATION =
      "AWS::EC2::SubnetNetworkAclAssociation";
  public static final String EIP_ASSOCIATION = "AWS::EC2::EIPAssociation";
  public static final String PREFIX_LIST = "AWS::EC2::PrefixList";
  public static final String VPC_PEERING_CONNECTION = "AWS::EC2::VPCPeeringConnection";
  public static final String TRANSIT_GATEWAY = "AWS::EC2::TransitGateway";
  public static final String TRANSIT_GATEWAY_ATTACHMENT = "AWS::EC2::TransitGatewayAttachment";
  public static final String DB_INSTANCE = "AWS::RDS::DBInstance";
  public static final String DB_CLUSTER = "AWS::RDS::DBCluster";
  public static final String DB_SUBNET_GROUP = "AWS::RDS::DBSubnetGroup";
  public static final String CACHE_CLUSTER = "AWS::ElastiCache::CacheCluster";
  public static final String CACHE_REPLICATION_GROUP = "AWS::ElastiCache::ReplicationGroup";
  public static final String CACHE_SUBNET_GROUP = "AWS::ElastiCache::SubnetGroup";
  public static final String LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";
  public static final String LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
  public static final String LISTENER_RULE = "AWS::ElasticLoadBalancingV2::ListenerRule";
  public static final String TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";
  public static final String CLASSIC_LOAD_BALANCER = "AWS::ElasticLoadBalancing::LoadBalancer";

  /** The CDK's custom resource that strips the rules of a VPC's default security group. */
  public static final String CDK_RESTRICT_DEFAULT_SG = "Custom::VpcRestrictDefaultSG";

  // Types flow inference reads: databases, caches and search domains handed to applications,
  // their secrets and proxies, ECS task definitions and the IAM of Systems Manager.
  public static final String DB_PROXY = "AWS::RDS::DBProxy";
  public static final String DB_PROXY_ENDPOINT = "AWS::RDS::DBProxyEndpoint";
  public static final String DB_PROXY_TARGET_GROUP = "AWS::RDS::DBProxyTargetGroup";
  public static final String DOCDB_CLUSTER = "AWS::DocDB::DBCluster";
  public static final String DOCDB_INSTANCE = "AWS::DocDB::DBInstance";
  public static final String NEPTUNE_CLUSTER = "AWS::Neptune::DBCluster";
  public static final String REDSHIFT_CLUSTER = "AWS::Redshift::Cluster";
  public static final String SERVERLESS_CACHE = "AWS::ElastiCache::ServerlessCache";
  public static final String MEMORYDB_CLUSTER = "AWS::MemoryDB::Cluster";
  public static final String OPENSEARCH_DOMAIN = "AWS::OpenSearchService::Domain";
  public static final String ELASTICSEARCH_DOMAIN = "AWS::Elasticsearch::Domain";
  public static final String EFS_MOUNT_TARGET = "AWS::EFS::MountTarget";
  public static final String SECRET = "AWS::SecretsManager::Secret";
  public static final String SECRET_TARGET_ATTACHMENT =
      "AWS::SecretsManager::SecretTargetAttachment";
  public static final String TASK_DEFINITION = "AWS::ECS::TaskDefinition";
  public static final String INSTANCE_PROFILE = "AWS::IAM::InstanceProfile";
  public static final String ROLE = "AWS::IAM::Role";
  public static final String POLICY = "AWS::IAM::Policy";
  public static final String MANAGED_POLICY = "AWS::IAM::ManagedPolicy";
}
