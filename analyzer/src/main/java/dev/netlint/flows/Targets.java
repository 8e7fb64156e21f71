package dev.netlint.flows;

import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.flows.ProxyConfigs.Listen;
import dev.netlint.flows.ProxyConfigs.ProxyConfig;
import dev.netlint.model.ClassicLoadBalancer;
import dev.netlint.model.DataStore;
import dev.netlint.model.EnginePorts;
import dev.netlint.model.Listener;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.SecretTargetAttachment;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a workload can be handed the address of, and the ports it listens on: databases ({@code
 * Endpoint.Address} of RDS, Aurora, DocumentDB, Neptune, Redshift, RDS Proxy), caches ({@code
 * RedisEndpoint.Address}, {@code ConfigurationEndPoint.Address}, {@code PrimaryEndPoint.Address} of
 * ElastiCache, MemoryDB), load balancers ({@code DNSName}, their listeners), instances ({@code
 * PrivateIp}, {@code PrivateDnsName}, the proxy configured in their user data), network interfaces
 * ({@code PrimaryPrivateIpAddress}), OpenSearch domains, EFS mount targets, and a Secrets Manager
 * secret attached to a database ({@code AWS::SecretsManager::SecretTargetAttachment}).
 *
 * <p>Attribute names follow the {@code Fn::GetAtt} return values of each resource type in the <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html">resource
 * type reference</a>.
 */
final class Targets {

  private static final Map<String, Set<String>> ADDRESS_ATTRIBUTES =
      Map.ofEntries(
          Map.entry(ResourceTypes.DB_INSTANCE, Set.of("endpoint.address")),
          Map.entry(ResourceTypes.DB_CLUSTER, Set.of("endpoint.address", "readendpoint.address")),
          Map.entry(ResourceTypes.DB_PROXY, Set.of("endpoint")),
          Map.entry(ResourceTypes.DB_PROXY_ENDPOINT, Set.of("endpoint")),
          Map.entry(ResourceTypes.DOCDB_CLUSTER, Set.of("endpoint", "readendpoint")),
          Map.entry(ResourceTypes.DOCDB_INSTANCE, Set.of("endpoint")),
          Map.entry(ResourceTypes.NEPTUNE_CLUSTER, Set.of("endpoint", "readendpoint")),
          Map.entry(ResourceTypes.REDSHIFT_CLUSTER, Set.of("endpoint.address")),
          Map.entry(
              ResourceTypes.CACHE_CLUSTER,
              Set.of("redisendpoint.address", "configurationendpoint.address")),
          Map.entry(
              ResourceTypes.CACHE_REPLICATION_GROUP,
              Set.of(
                  "primaryendpoint.address",
                  "readerendpoint.address",
                  "configurationendpoint.address")),
          Map.entry(
              ResourceTypes.SERVERLESS_CACHE, Set.of("endpoint.address", "readerendpoint.address")),
          Map.entry(ResourceTypes.MEMORYDB_CLUSTER, Set.of("clusterendpoint.address")),
          Map.entry(ResourceTypes.OPENSEARCH_DOMAIN, Set.of("domainendpoint")),
          Map.entry(ResourceTypes.ELASTICSEARCH_DOMAIN, Set.of("domainendpoint")),
          Map.entry(ResourceTypes.EFS_MOUNT_TARGET, Set.of("ipaddress")),
          Map.entry(ResourceTypes.INSTANCE, Set.of("privateip", "privatednsname")),
          Map.entry(ResourceTypes.NETWORK_INTERFACE, Set.of("primaryprivateipaddress")),
          Map.entry(ResourceTypes.LOAD_BALANCER, Set.of("dnsname")),
          Map.entry(ResourceTypes.CLASSIC_LOAD_BALANCER, Set.of("dnsname")));

  /**
   * An address a workload is handed.
   *
   * @param target the resource listening at that address
   * @param via how the workload gets it ({@code OrdersDb.Endpoint.Address}, {@code secret DbSecret
   *     attached to OrdersDb})
   */
  record Address(Resource target, String via) {}

  /**
   * The ports a target listens on.
   *
   * @param ports the ports, with how netlint knows each
   * @param proxy true when they come from a proxy configured in the target's user data
   */
  record Known(List<Listen> ports, boolean proxy) {}

  private final Workloads workloads;
  private final NetworkModel model;
  private final Map<ResourceId, List<ProxyConfig>> proxies;

  Targets(Workloads workloads, Map<ResourceId, List<ProxyConfig>> proxies) {
    this.workloads = workloads;
    this.model = workloads.model();
    this.proxies = proxies;
  }

  /** The address a value hands over, when it is one. */
  Optional<Address> address(Value value) {
    if (value instanceof Value.Attribute a) {
      Resource target = model.resource(a.target()).orElse(null);
      if (target != null
          && ADDRESS_ATTRIBUTES
              .getOrDefault(target.type(), Set.of())
              .contains(a.attribute().toLowerCase(Locale.ROOT))) {
        return Optional.of(new Address(target, target.logicalId() + "." + a.attribute()));
      }
      return Optional.empty();
    }
    if (value instanceof Value.ResourceRef ref) {
      Resource r = model.resource(ref.target()).orElse(null);
      if (r == null) {
        return Optional.empty();
      }
      if (r.type().equals(ResourceTypes.SECRET_TARGET_ATTACHMENT)) {
        return model.secretTargetAttachments().stream()
            .filter(a -> a.resource().id().equals(r.id()))
            .findFirst()
            .flatMap(this::attachedDatabase)
            .map(
                db ->
                    new Address(db, "secret " + r.logicalId() + " attached to " + db.logicalId()));
      }
      if (r.type().equals(ResourceTypes.SECRET)) {
        for (SecretTargetAttachment attachment : model.secretTargetAttachments()) {
          if (r.id().equals(attachment.secret())) {
            Optional<Resource> db = attachedDatabase(attachment);
            if (db.isPresent()) {
              return Optional.of(
                  new Address(
                      db.get(),
                      "secret " + r.logicalId() + " attached to " + db.get().logicalId()));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Resource> attachedDatabase(SecretTargetAttachment attachment) {
    return Optional.ofNullable(attachment.target())
        .flatMap(model::resource)
        .filter(db -> ADDRESS_ATTRIBUTES.containsKey(db.type()));
  }

  /** True when {@code value} is the port attribute ({@code Endpoint.Port}) of {@code target}. */
  static boolean isPortOf(Value value, Resource target) {
    return value instanceof Value.Attribute a
        && a.target().equals(target.id())
        && a.attribute().toLowerCase(Locale.ROOT).endsWith("port");
  }

  /** The ports {@code target} listens on, as far as the template says. */
  Known knownPorts(Resource target) {
    List<Listen> ports = new ArrayList<>();
    switch (target.type()) {
      case ResourceTypes.DB_INSTANCE -> {
        Optional<Resource> cluster = related(target, DataStore::cluster, ResourceTypes.DB_CLUSTER);
        if (Ports.literal(store(target).port()).isEmpty() && cluster.isPresent()) {
          return knownPorts(cluster.get());
        }
        databasePort(target, null, ports);
      }
      case ResourceTypes.DB_CLUSTER, ResourceTypes.REDSHIFT_CLUSTER ->
          databasePort(target, null, ports);
      case ResourceTypes.DOCDB_CLUSTER -> databasePort(target, 27017, ports);
      case ResourceTypes.NEPTUNE_CLUSTER -> databasePort(target, 8182, ports);
      case ResourceTypes.DOCDB_INSTANCE -> {
        Optional<Resource> cluster =
            related(target, DataStore::cluster, ResourceTypes.DOCDB_CLUSTER);
        return cluster
            .map(this::knownPorts)
            .orElse(new Known(List.of(tcp(27017, "DocumentDB's default port")), false));
      }
      case ResourceTypes.DB_PROXY -> {
        Value familyValue = store(target).engineFamily();
        String family = familyValue == null ? "" : familyValue.render();
        Integer port =
            switch (family.toUpperCase(Locale.ROOT)) {
              case "MYSQL" -> 3306;
              case "POSTGRESQL" -> 5432;
              case "SQLSERVER" -> 1433;
              default -> null;
            };
        if (port != null) {
          ports.add(tcp(port, "the port of its engine family " + family));
        }
      }
      case ResourceTypes.DB_PROXY_ENDPOINT -> {
        Optional<Resource> proxy = related(target, DataStore::proxy, ResourceTypes.DB_PROXY);
        if (proxy.isPresent()) {
          return knownPorts(proxy.get());
        }
      }
      case ResourceTypes.CACHE_CLUSTER, ResourceTypes.SERVERLESS_CACHE -> {
        Optional<Integer> port = Ports.literal(store(target).port());
        Value engineValue = store(target).engine();
        String engine = engineValue == null ? "" : engineValue.render();
        if (port.isPresent()) {
          ports.add(tcp(port.get(), "its Port"));
        } else if (!engine.isEmpty()) {
          // An engine not known before deploy (a parameter) is taken as Redis OSS or Valkey.
          int p = EnginePorts.defaultPort(engine).orElse(6379);
          ports.add(tcp(p, p == 11211 ? "memcached's default port" : engine + "'s default port"));
        }
      }
      case ResourceTypes.CACHE_REPLICATION_GROUP, ResourceTypes.MEMORYDB_CLUSTER -> {
        Optional<Integer> port = Ports.literal(store(target).port());
        ports.add(
            port.isPresent() ? tcp(port.get(), "its Port") : tcp(6379, "Redis's default port"));
      }
      case ResourceTypes.OPENSEARCH_DOMAIN, ResourceTypes.ELASTICSEARCH_DOMAIN ->
          ports.add(tcp(443, "the HTTPS port of the domain endpoint"));
      case ResourceTypes.EFS_MOUNT_TARGET -> ports.add(tcp(2049, "NFS"));
      case ResourceTypes.LOAD_BALANCER -> {
        for (Listener listener : model.listenersOf(target.id())) {
          Optional<Integer> port =
              Optional.ofNullable(listener.port()).filter(p -> p >= 1 && p <= 65535);
          String protocol = listener.protocol() == null ? "" : listener.protocol();
          if (port.isPresent()) {
            for (Protocol p : LoadBalancerFlows.protocols(protocol)) {
              ports.add(
                  new Listen(
                      p, PortRange.of(port.get()), "listener " + listener.resource().logicalId()));
            }
          }
        }
      }
      case ResourceTypes.CLASSIC_LOAD_BALANCER -> {
        for (Value l :
            model
                .classicLoadBalancer(target.id())
                .map(ClassicLoadBalancer::loadBalancerPorts)
                .orElse(List.of())) {
          Ports.literal(l).ifPresent(p -> ports.add(tcp(p, "its listener on port " + p)));
        }
      }
      case ResourceTypes.INSTANCE -> {
        List<Listen> proxied = proxyListens(target);
        return new Known(proxied, !proxied.isEmpty());
      }
      case ResourceTypes.NETWORK_INTERFACE -> {
        Optional<Resource> instance = workloads.instanceOfInterface(target.id());
        if (instance.isPresent()) {
          return knownPorts(instance.get());
        }
      }
      default -> {}
    }
    return new Known(ports, false);
  }

  /** The proxy configurations an instance or Auto Scaling group runs. */
  List<ProxyConfig> proxiesOf(Resource workload) {
    List<ProxyConfig> found = new ArrayList<>();
    for (Resource source : workloads.launchSources(workload)) {
      found.addAll(proxies.getOrDefault(source.id(), List.of()));
    }
    return found;
  }

  private List<Listen> proxyListens(Resource instance) {
    List<Listen> listens = new ArrayList<>();
    for (ProxyConfig c : proxiesOf(instance)) {
      for (Listen l : c.listens()) {
        listens.add(
            new Listen(
                l.protocol(),
                l.ports(),
                c.software() + " on " + instance.logicalId() + " listens: " + l.how()));
      }
    }
    return listens;
  }

  private void databasePort(Resource db, @Nullable Integer fallback, List<Listen> into) {
    Optional<Integer> port = Ports.literal(store(db).port());
    if (port.isPresent()) {
      into.add(tcp(port.get(), "its Port"));
      return;
    }
    Value engine = store(db).engine();
    Optional<Integer> byEngine =
        engine == null ? Optional.empty() : engine.literal().flatMap(EnginePorts::defaultPort);
    if (engine != null && byEngine.isPresent()) {
      into.add(tcp(byEngine.get(), "the default port of engine " + engine.render()));
    } else if (db.type().equals(ResourceTypes.REDSHIFT_CLUSTER)) {
      into.add(tcp(5439, "Redshift's default port"));
    } else if (fallback != null) {
      into.add(tcp(fallback, "the engine's default port"));
    }
  }

  /** The data-store facts of a database, cache or proxy; every target type here has them. */
  private DataStore store(Resource r) {
    return model
        .dataStore(r.id())
        .orElse(new DataStore(r, null, null, null, null, null, List.of()));
  }

  /** The resource of {@code type} a data store names (its cluster, its proxy). */
  private Optional<Resource> related(
      Resource r, Function<DataStore, @Nullable ResourceId> link, String type) {
    return Optional.ofNullable(link.apply(store(r)))
        .flatMap(model::resource)
        .filter(x -> x.type().equals(type));
  }

  private static Listen tcp(int port, String how) {
    return new Listen(Protocol.TCP, PortRange.of(port), how);
  }
}
