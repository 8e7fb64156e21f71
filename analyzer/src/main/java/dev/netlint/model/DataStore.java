package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A database, cache or database proxy that applications are handed the address of: an RDS,
 * DocumentDB or Neptune cluster or instance, a Redshift cluster, an RDS proxy with its endpoints
 * and target groups, an ElastiCache cluster, replication group or serverless cache, a MemoryDB
 * cluster. What it listens on is decided from these by flow inference.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html">AWS::RDS::DBInstance</a>.
 *
 * @param resource the resource
 * @param port {@code Port} as written, or null
 * @param engine {@code Engine} as written, or null
 * @param cluster the resource its {@code DBClusterIdentifier} names (an instance's cluster), or
 *     null
 * @param proxy the resource its {@code DBProxyName} names (a proxy endpoint's or target group's
 *     proxy), or null
 * @param engineFamily a proxy's {@code EngineFamily} as written, or null
 * @param proxyTargets a proxy target group's {@code DBInstanceIdentifiers}, then its {@code
 *     DBClusterIdentifiers}, as written
 */
public record DataStore(
    Resource resource,
    @Nullable Value port,
    @Nullable Value engine,
    @Nullable ResourceId cluster,
    @Nullable ResourceId proxy,
    @Nullable Value engineFamily,
    List<Value> proxyTargets) {

  public DataStore {
    proxyTargets = List.copyOf(proxyTargets);
  }

  public ResourceId id() {
    return resource.id();
  }
}
