package dev.netlint.graph.flows;

/**
 * CloudFormation resource types the flow inference reads, beyond {@link
 * dev.netlint.model.ResourceTypes}.
 */
final class Types {
  private Types() {}

  static final String DB_INSTANCE = "AWS::RDS::DBInstance";
  static final String DB_CLUSTER = "AWS::RDS::DBCluster";
  static final String DB_PROXY = "AWS::RDS::DBProxy";
  static final String DB_PROXY_ENDPOINT = "AWS::RDS::DBProxyEndpoint";
  static final String DB_PROXY_TARGET_GROUP = "AWS::RDS::DBProxyTargetGroup";
  static final String DOCDB_CLUSTER = "AWS::DocDB::DBCluster";
  static final String DOCDB_INSTANCE = "AWS::DocDB::DBInstance";
  static final String NEPTUNE_CLUSTER = "AWS::Neptune::DBCluster";
  static final String REDSHIFT_CLUSTER = "AWS::Redshift::Cluster";
  static final String CACHE_CLUSTER = "AWS::ElastiCache::CacheCluster";
  static final String REPLICATION_GROUP = "AWS::ElastiCache::ReplicationGroup";
  static final String SERVERLESS_CACHE = "AWS::ElastiCache::ServerlessCache";
  static final String MEMORYDB_CLUSTER = "AWS::MemoryDB::Cluster";
  static final String OPENSEARCH_DOMAIN = "AWS::OpenSearchService::Domain";
  static final String ELASTICSEARCH_DOMAIN = "AWS::Elasticsearch::Domain";
  static final String EFS_MOUNT_TARGET = "AWS::EFS::MountTarget";
  static final String LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";
  static final String LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
  static final String LISTENER_RULE = "AWS::ElasticLoadBalancingV2::ListenerRule";
  static final String TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";
  static final String CLASSIC_LOAD_BALANCER = "AWS::ElasticLoadBalancing::LoadBalancer";
  static final String SECRET = "AWS::SecretsManager::Secret";
  static final String SECRET_TARGET_ATTACHMENT = "AWS::SecretsManager::SecretTargetAttachment";
  static final String TASK_DEFINITION = "AWS::ECS::TaskDefinition";
  static final String NETWORK_INTERFACE_ATTACHMENT = "AWS::EC2::NetworkInterfaceAttachment";
  static final String INSTANCE_PROFILE = "AWS::IAM::InstanceProfile";
  static final String ROLE = "AWS::IAM::Role";
  static final String POLICY = "AWS::IAM::Policy";
  static final String MANAGED_POLICY = "AWS::IAM::ManagedPolicy";
}
