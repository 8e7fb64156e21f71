package dev.netlint.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The default port of a database or cache engine (an {@code Engine} property), the one table
 * netlint keeps: what a database listens on when its {@code Port} is not set.
 *
 * <p>Sources: <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html">AWS::RDS::DBInstance</a>
 * ({@code Port}), <a
 * href="https://docs.aws.amazon.com/documentdb/latest/developerguide/db-cluster-parameters.html">Amazon
 * DocumentDB</a> (27017), <a
 * href="https://docs.aws.amazon.com/neptune/latest/userguide/access-graph-gremlin.html">Neptune</a>
 * (8182), <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticache-cachecluster.html">AWS::ElastiCache::CacheCluster</a>
 * (11211 for Memcached, 6379 for Redis OSS and Valkey).
 */
public final class EnginePorts {
  private EnginePorts() {}

  /**
   * The default port of an RDS, Aurora, DocumentDB, Neptune, Redshift or ElastiCache engine ({@code
   * aurora-postgresql} is 5432, {@code custom-sqlserver-ee} 1433), empty when netlint does not know
   * the engine.
   */
  public static Optional<Integer> defaultPort(String engine) {
    String e = engine.toLowerCase(Locale.ROOT);
    if (e.contains("postgres")) {
      return Optional.of(5432);
    }
    if (e.startsWith("aurora") || e.startsWith("mysql") || e.startsWith("mariadb")) {
      return Optional.of(3306);
    }
    if (e.startsWith("sqlserver") || e.startsWith("custom-sqlserver")) {
      return Optional.of(1433);
    }
    if (e.startsWith("oracle") || e.startsWith("custom-oracle")) {
      return Optional.of(1521);
    }
    if (e.startsWith("db2")) {
      return Optional.of(50000);
    }
    if (e.equals("docdb")) {
      return Optional.of(27017);
    }
    if (e.equals("neptune")) {
      return Optional.of(8182);
    }
    if (e.startsWith("memcached")) {
      return Optional.of(11211);
    }
    if (e.startsWith("redis") || e.startsWith("valkey")) {
      return Optional.of(6379);
    }
    return Optional.empty();
  }
}
