package dev.netlint.model;

import static dev.netlint.model.ModelIndex.integer;
import static dev.netlint.model.ModelIndex.items;
import static dev.netlint.model.ModelIndex.text;

import dev.netlint.model.NetworkAttachment.PublicIp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads RDS DB clusters and DB instances (placed by their DB subnet group) and ElastiCache cache
 * clusters and replication groups (by their cache subnet group) into {@link Workload}s listening on
 * their {@code Port}, or on their engine's default port after {@link EnginePorts}; and the {@link
 * DataStore} facts of every database, cache and proxy applications are handed the address of, with
 * the {@link SecretTargetAttachment}s that hand it through a secret.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html">Working
 * with a DB instance in a VPC</a>.
 */
final class DatabaseConverter {
  private final ModelIndex index;
  private final NetworkModel model;

  DatabaseConverter(ModelIndex index) {
    this.index = index;
    this.model = index.model;
  }

  /** The types whose {@link DataStore} facts are read. */
  private static final List<String> DATA_STORE_TYPES =
      List.of(
          ResourceTypes.DB_INSTANCE,
          ResourceTypes.DB_CLUSTER,
          ResourceTypes.DOCDB_CLUSTER,
          ResourceTypes.DOCDB_INSTANCE,
          ResourceTypes.NEPTUNE_CLUSTER,
          ResourceTypes.REDSHIFT_CLUSTER,
          ResourceTypes.DB_PROXY,
          ResourceTypes.DB_PROXY_ENDPOINT,
          ResourceTypes.DB_PROXY_TARGET_GROUP,
          ResourceTypes.CACHE_CLUSTER,
          ResourceTypes.CACHE_REPLICATION_GROUP,
          ResourceTypes.SERVERLESS_CACHE,
          ResourceTypes.MEMORYDB_CLUSTER);

  final Map<ResourceId, DataStore> dataStores = new LinkedHashMap<>();
  final List<SecretTargetAttachment> secretAttachments = new ArrayList<>();

  void convert() {
    convertDatabases();
    convertCaches();
    for (String type : DATA_STORE_TYPES) {
      for (Resource r : model.resourcesOfType(type)) {
        dataStores.put(
            r.id(),
            new DataStore(
                r,
                r.property("Port"),
                r.property("Engine"),
                model.referencedResource(r.property("DBClusterIdentifier")).orElse(null),
                model.referencedResource(r.property("DBProxyName")).orElse(null),
                r.property("EngineFamily"),
                proxyTargets(r)));
      }
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.SECRET_TARGET_ATTACHMENT)) {
      secretAttachments.add(
          new SecretTargetAttachment(
              r,
              model.referencedResource(r.property("SecretId")).orElse(null),
              model.referencedResource(r.property("TargetId")).orElse(null)));
    }
  }

  private List<Value> subnetGroupSubnets(@Nullable Value groupName, String type) {
    ResourceId group = index.referenced(groupName, type);
    if (group == null) {
      return groupName == null ? List.of() : List.of(groupName);
    }
    return items(model.resource(group).orElseThrow().property("SubnetIds"));
  }

  /**
   * Whether a database without {@code PubliclyAccessible} is public: RDS makes it public when its
   * subnets' VPC has an internet gateway attached, private otherwise; unknown when the subnets are
   * (a DB instance without a subnet group sits in the default VPC).
   */
  private PublicIp databaseDefaultPublicIp(List<Value> subnetValues) {
    List<ResourceId> ids = new ArrayList<>();
    for (Value v : subnetValues) {
      ResourceId id = index.referenced(v, ResourceTypes.SUBNET);
      if (id != null) {
        ids.add(id);
      }
    }
    ResourceId vpc = index.placement.vpcOfSubnets(ids);
    if (vpc == null) {
      return PublicIp.UNKNOWN;
    }
    for (GatewayAttachment a : index.routing.gatewayAttachments) {
      if (vpc.equals(a.vpc()) && a.internetGatewayId() != null) {
        return PublicIp.YES;
      }
    }
    return PublicIp.NO;
  }

  private void convertDatabases() {
    for (Resource r : model.resourcesOfType(ResourceTypes.DB_CLUSTER)) {
      putDatabase(r, Workload.Kind.DB_CLUSTER, "VpcSecurityGroupIds");
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.DB_INSTANCE)) {
      ResourceId cluster =
          index.referenced(r.property("DBClusterIdentifier"), ResourceTypes.DB_CLUSTER);
      Workload c = cluster == null ? null : index.workloads.get(cluster);
      if (c != null) {
        List<NetworkAttachment> attachments = c.interfaces();
        if (r.property("PubliclyAccessible") != null && !attachments.isEmpty()) {
          NetworkAttachment a = attachments.get(0);
          attachments =
              List.of(
                  new NetworkAttachment(
                      a.subnets(),
                      a.subnetIds(),
                      a.subnetsKnown(),
                      a.securityGroups(),
                      null,
                      null,
                      WorkloadConverter.publicIp(r.property("PubliclyAccessible"), a.publicIp()),
                      a.origin()));
        }
        index.put(r, Workload.Kind.DB_INSTANCE, attachments, c.ports(), Boolean.TRUE);
        continue;
      }
      putDatabase(r, Workload.Kind.DB_INSTANCE, "VPCSecurityGroups");
    }
  }

  /**
   * A database placed by its {@code DBSubnetGroupName}, with the security groups of {@code
   * groupsProperty} (clusters and instances spell it differently) and its port or its engine's
   * default port.
   */
  private void putDatabase(Resource r, Workload.Kind kind, String groupsProperty) {
    List<Value> subnets =
        subnetGroupSubnets(r.property("DBSubnetGroupName"), ResourceTypes.DB_SUBNET_GROUP);
    Integer port = integer(r.property("Port"));
    if (port == null && r.property("Port") == null) {
      String engine = text(r.property("Engine"));
      port = engine == null ? null : EnginePorts.defaultPort(engine).orElse(null);
    }
    index.put(
        r,
        kind,
        List.of(
            index.placement.attachment(
                subnets,
                index.groups.groupRefs(r.property(groupsProperty)),
                true,
                null,
                WorkloadConverter.publicIp(
                    r.property("PubliclyAccessible"), databaseDefaultPublicIp(subnets)),
                r.origin())),
        port == null ? List.of() : List.of(port),
        Boolean.TRUE);
  }

  private void convertCaches() {
    for (String type :
        List.of(ResourceTypes.CACHE_CLUSTER, ResourceTypes.CACHE_REPLICATION_GROUP)) {
      boolean cluster = type.equals(ResourceTypes.CACHE_CLUSTER);
      for (Resource r : model.resourcesOfType(type)) {
        Integer port = integer(r.property("Port"));
        if (port == null && r.property("Port") == null) {
          port = cacheDefaultPort(text(r.property("Engine")), cluster);
        }
        index.put(
            r,
            cluster ? Workload.Kind.CACHE_CLUSTER : Workload.Kind.REPLICATION_GROUP,
            List.of(
                index.placement.attachment(
                    subnetGroupSubnets(
                        r.property("CacheSubnetGroupName"), ResourceTypes.CACHE_SUBNET_GROUP),
                    index.groups.groupRefs(
                        r.property(cluster ? "VpcSecurityGroupIds" : "SecurityGroupIds")),
                    true,
                    null,
                    PublicIp.NO,
                    r.origin())),
            port == null ? List.of() : List.of(port),
            Boolean.TRUE);
      }
    }
  }

  private static List<Value> proxyTargets(Resource r) {
    List<Value> targets = new ArrayList<>();
    for (String key : List.of("DBInstanceIdentifiers", "DBClusterIdentifiers")) {
      if (r.property(key) instanceof Value.ListValue ids) {
        targets.addAll(ids.items());
      }
    }
    return targets;
  }

  /**
   * The port of a cache without {@code Port}: its engine's; a replication group's engine is Redis
   * OSS or Valkey when not known; a cache cluster's port is unknown without a literal {@code
   * Engine} (a parameter with no default, or none at all).
   */
  private static @Nullable Integer cacheDefaultPort(@Nullable String engine, boolean cluster) {
    if (engine == null) {
      return cluster ? null : 6379;
    }
    return EnginePorts.defaultPort(engine).orElse(6379);
  }
}
