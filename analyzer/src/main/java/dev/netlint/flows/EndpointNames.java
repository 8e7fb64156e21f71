package dev.netlint.flows;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns the name of a flow end, as users write it in {@code .netlint.yaml} and on the command line,
 * into an {@link Endpoint}. In order of preference:
 *
 * <ol>
 *   <li>{@code Stack/LogicalId}: a resource of one stack;
 *   <li>a CDK construct path ({@code AppStack/OrdersDb/Resource}), or the path of the construct
 *       whose {@code Resource} or {@code Default} child it is ({@code AppStack/OrdersDb});
 *   <li>a logical ID ({@code OrdersDb}, or CDK's {@code OrdersDb5D02A0A9});
 *   <li>the end of a construct path below the stack ({@code OrdersDb}, {@code Api/Service});
 *   <li>a construct that holds one resource, or one workload (an instance, Auto Scaling group,
 *       function, service, database, cache, load balancer, network interface, endpoint), among
 *       others: CDK's {@code AppAsg} for its {@code AppAsg/ASG};
 *   <li>{@code internet}, an IPv4 or IPv6 CIDR (an address alone is a {@code /32} or {@code /128}),
 *       or {@code aws:SERVICE} for an AWS service endpoint ({@code aws:ssm}).
 * </ol>
 *
 * A name that matches several resources at the first step that matches is ambiguous.
 */
public final class EndpointNames {
  private EndpointNames() {}

  private static final Pattern IPV4 =
      Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}(?:/(?:[0-9]|[12][0-9]|3[0-2]))?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?:/\\d{1,3})?");

  /** Resource types that send or receive traffic, preferred when a construct holds several. */
  private static final Set<String> WORKLOAD_TYPES =
      Set.of(
          "AWS::EC2::Instance",
          "AWS::AutoScaling::AutoScalingGroup",
          "AWS::Lambda::Function",
          "AWS::ECS::Service",
          "AWS::RDS::DBInstance",
          "AWS::RDS::DBCluster",
          "AWS::RDS::DBProxy",
          "AWS::DocDB::DBCluster",
          "AWS::Neptune::DBCluster",
          "AWS::Redshift::Cluster",
          "AWS::ElastiCache::CacheCluster",
          "AWS::ElastiCache::ReplicationGroup",
          "AWS::ElastiCache::ServerlessCache",
          "AWS::MemoryDB::Cluster",
          "AWS::OpenSearchService::Domain",
          "AWS::ElasticLoadBalancingV2::LoadBalancer",
          "AWS::ElasticLoadBalancing::LoadBalancer",
          "AWS::EC2::NetworkInterface",
          "AWS::EC2::NatGateway",
          "AWS::EC2::VPCEndpoint");

  private static final Pattern SERVICE = Pattern.compile("aws:([a-z0-9][a-z0-9.-]*)");

  /**
   * What a name resolves to.
   *
   * @param endpoint the endpoint, or empty when the name is unknown or ambiguous
   * @param resource the resource it names, when it names one
   * @param problem why it does not resolve (empty when it does)
   * @param ambiguous true when it names several resources
   */
  public record Resolution(
      Optional<Endpoint> endpoint, Optional<Resource> resource, String problem, boolean ambiguous) {

    static Resolution of(Endpoint endpoint) {
      return new Resolution(Optional.of(endpoint), Optional.empty(), "", false);
    }

    static Resolution of(Resource resource) {
      return new Resolution(
          Optional.of(new Endpoint.Workload(resource.id())), Optional.of(resource), "", false);
    }

    static Resolution problem(String problem, boolean ambiguous) {
      return new Resolution(Optional.empty(), Optional.empty(), problem, ambiguous);
    }

    /** True when the name resolved. */
    public boolean found() {
      return endpoint.isPresent();
    }
  }

  /** Resolves {@code name} in {@code model}. */
  public static Resolution resolve(NetworkModel model, String name) {
    String n = name.strip();
    if (n.isEmpty()) {
      return Resolution.problem("an empty name", false);
    }
    List<Resource> all = model.resources();
    List<Predicate<Resource>> tiers =
        List.of(
            r -> (r.id().stack() + "/" + r.logicalId()).equals(n),
            r ->
                r.constructPath() != null
                    && (r.constructPath().equals(n)
                        || r.constructPath().equals(n + "/Resource")
                        || r.constructPath().equals(n + "/Default")),
            r -> r.logicalId().equals(n),
            r ->
                r.constructPath() != null
                    && (r.constructPath().endsWith("/" + n)
                        || r.constructPath().endsWith("/" + n + "/Resource")
                        || r.constructPath().endsWith("/" + n + "/Default")));
    Predicate<Resource> below =
        r ->
            r.constructPath() != null
                && (r.constructPath().startsWith(n + "/")
                    || r.constructPath().contains("/" + n + "/"));
    tiers = new ArrayList<>(tiers);
    tiers.add(below);
    for (Predicate<Resource> tier : tiers) {
      List<Resource> matches = new ArrayList<>();
      for (Resource r : all) {
        if (tier.test(r)) {
          matches.add(r);
        }
      }
      if (tier == below && matches.size() > 1) {
        List<Resource> workloads =
            matches.stream().filter(r -> WORKLOAD_TYPES.contains(r.type())).toList();
        if (workloads.size() == 1) {
          matches = workloads;
        }
      }
      if (matches.size() == 1) {
        return Resolution.of(matches.get(0));
      }
      if (matches.size() > 1) {
        List<String> names =
            matches.stream().map(r -> r.id().stack() + "/" + r.logicalId()).sorted().toList();
        return Resolution.problem(
            "'"
                + n
                + "' names "
                + matches.size()
                + " resources ("
                + String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? ", ..." : "")
                + "); name one as Stack/LogicalId or by its construct path",
            true);
      }
    }
    if (n.toLowerCase(Locale.ROOT).equals("internet")) {
      return Resolution.of(new Endpoint.Internet());
    }
    if (IPV4.matcher(n).matches()) {
      return Resolution.of(new Endpoint.Cidr(n.contains("/") ? n : n + "/32"));
    }
    if (n.contains(":") && IPV6.matcher(n).matches() && !n.startsWith("aws:")) {
      return Resolution.of(new Endpoint.Cidr(n.contains("/") ? n : n + "/128"));
    }
    var service = SERVICE.matcher(n.toLowerCase(Locale.ROOT));
    if (service.matches()) {
      return Resolution.of(new Endpoint.AwsService(service.group(1)));
    }
    return Resolution.problem(
        "'"
            + n
            + "' is not a logical ID, construct path, 'internet', CIDR or aws:SERVICE of the"
            + " analyzed templates",
        false);
  }
}
