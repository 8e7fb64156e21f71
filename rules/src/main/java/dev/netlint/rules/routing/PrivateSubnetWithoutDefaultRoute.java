package dev.netlint.rules.routing;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.model.AwsCliCall;
import dev.netlint.model.HostFacts;
import dev.netlint.model.HostValue;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Route;
import dev.netlint.model.RouteTarget;
import dev.netlint.model.Subnet;
import dev.netlint.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * NL201: a private subnet whose route table has no {@code 0.0.0.0/0} route while the other subnets
 * of its tier (the same CDK subnet group, or the same role in a hand-written template, typically in
 * another Availability Zone) send it to a NAT gateway or NAT instance. That is the route that was
 * meant to exist and was not created. Isolated tiers, where no sibling routes to a NAT, are left
 * alone; a route whose {@code Condition} is false with default parameters does not count.
 */
@RuleInfo(
    id = "NL201",
    name = "private-subnet-without-default-route",
    summary = "A private subnet lacks the 0.0.0.0/0 route to a NAT that its sibling subnets have",
    severity = Severity.ERROR,
    resourceTypes = {"AWS::EC2::RouteTable", "AWS::EC2::Subnet"},
    source = "https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html")
public final class PrivateSubnetWithoutDefaultRoute implements Rule {

  /** The CDK tag that names a subnet's group ({@code Private}, {@code Isolated}, ...). */
  static final String CDK_SUBNET_NAME_TAG = "aws-cdk:subnet-name";

  private static final Pattern AZ_SUFFIX = Pattern.compile("(?:[Aa][Zz])?[0-9]*[A-Z]?[0-9]*$");
  private static final Pattern CDK_HASH = Pattern.compile("[0-9A-F]{8}$");

  /** A private subnet and what its route table does with 0.0.0.0/0. */
  private record Member(
      Resource subnet,
      Optional<ResourceId> table,
      boolean hasDefault,
      Optional<Route> natDefault) {}

  @Override
  public void check(RuleContext context) {
    NetworkModel model = context.model();
    Set<ResourceId> routedAtBoot = new LinkedHashSet<>();
    if (routesCreatedAtBoot(model, routedAtBoot)) {
      return;
    }
    Map<String, List<Member>> tiers = new TreeMap<>();
    for (Resource subnet : model.resourcesOfType(ResourceTypes.SUBNET)) {
      if (model.isPublicSubnet(subnet)) {
        continue;
      }
      Optional<ResourceId> table = model.routeTableOf(subnet.id());
      List<Route> defaults =
          table.map(model::routes).orElse(List.of()).stream().filter(Route::isIpv4Default).toList();
      boolean hasDefault = !defaults.isEmpty() || table.filter(routedAtBoot::contains).isPresent();
      Optional<Route> nat = defaults.stream().filter(r -> r.target().isNat()).findFirst();
      String vpc =
          model
              .vpcOf(subnet)
              .map(ResourceId::toString)
              .orElse(
                  model.subnet(subnet.id()).map(Subnet::vpcIdValue).map(Value::render).orElse("?"));
      tiers
          .computeIfAbsent(vpc + "|" + tierOf(subnet), k -> new ArrayList<>())
          .add(new Member(subnet, table, hasDefault, nat));
    }
    for (Map.Entry<String, List<Member>> tier : tiers.entrySet()) {
      List<Member> members = tier.getValue();
      Optional<Member> routed =
          members.stream().filter(m -> m.natDefault().isPresent()).findFirst();
      if (routed.isEmpty()) {
        continue;
      }
      Map<String, List<Member>> missing = new LinkedHashMap<>();
      for (Member m : members) {
        if (!m.hasDefault()) {
          String key = m.table().map(ResourceId::toString).orElse("main:" + m.subnet().id());
          missing.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
      }
      String tierName = tier.getKey().substring(tier.getKey().indexOf('|') + 1);
      for (List<Member> lacking : missing.values()) {
        report(context, tierName, lacking, routed.get());
      }
    }
  }

  private static void report(
      RuleContext context, String tier, List<Member> lacking, Member routed) {
    NetworkModel model = context.model();
    Route natRoute = routed.natDefault().orElseThrow();
    String target = describeTarget(model, natRoute.target());
    List<String> subnets = lacking.stream().map(m -> m.subnet().logicalId()).toList();
    List<String> workloads = new ArrayList<>();
    for (Member m : lacking) {
      for (Resource w : model.workloadsIn(m.subnet().id())) {
        workloads.add(w.logicalId() + " (" + w.type() + ")");
      }
    }
    String affected =
        workloads.isEmpty() ? "" : "; workloads without a way out: " + String.join(", ", workloads);
    Map<String, String> props = new TreeMap<>();
    props.put("tier", tier);
    props.put("subnets", String.join(",", subnets));
    props.put("siblingRouteTable", routed.table().map(ResourceId::logicalId).orElse(""));
    if (!workloads.isEmpty()) {
      props.put("workloads", String.join(",", workloads));
    }
    Optional<Resource> table = lacking.get(0).table().flatMap(model::resource);
    if (table.isPresent()) {
      String message =
          String.format(
              "route table %s of private subnet%s %s has no 0.0.0.0/0 route, while %s of sibling"
                  + " subnet %s (tier %s) sends 0.0.0.0/0 to %s%s",
              table.get().logicalId(),
              subnets.size() > 1 ? "s" : "",
              String.join(", ", subnets),
              routed.table().map(ResourceId::logicalId).orElse("the route table"),
              routed.subnet().logicalId(),
              tier,
              target,
              affected);
      context.report(
          context.rule().defaultSeverity(),
          table.get(),
          table.get().origin(),
          message,
          "Add an AWS::EC2::Route to "
              + table.get().logicalId()
              + " with DestinationCidrBlock 0.0.0.0/0 and a NAT gateway or NAT instance target.",
          props);
    } else {
      Resource subnet = lacking.get(0).subnet();
      String message =
          String.format(
              "private subnet %s has no route table association, so it uses the VPC's main route"
                  + " table, which has no 0.0.0.0/0 route, while sibling subnet %s (tier %s) sends"
                  + " 0.0.0.0/0 to %s%s",
              subnet.logicalId(), routed.subnet().logicalId(), tier, target, affected);
      context.report(
          context.rule().defaultSeverity(),
          subnet,
          subnet.origin(),
          message,
          "Associate "
              + subnet.logicalId()
              + " with a route table that sends 0.0.0.0/0 to a NAT gateway or NAT instance.",
          props);
    }
  }

  private static String describeTarget(NetworkModel model, RouteTarget target) {
    String kind =
        switch (target.kind()) {
          case NAT_GATEWAY -> "NAT gateway";
          case INSTANCE -> "NAT instance";
          case NETWORK_INTERFACE -> "network interface";
          default -> target.kind().name();
        };
    String name =
        target.resource() != null
            ? target.resource().logicalId()
            : target.value() == null ? "?" : target.value().render();
    return kind + " " + name;
  }

  /**
   * The subnet's tier: its CDK subnet group, else its logical ID without the Availability Zone
   * suffix ({@code PrivateSubnetA}, {@code PrivateSubnet1}, {@code PrivateSubnetAZ2} are all {@code
   * PrivateSubnet}).
   */
  static String tierOf(Resource subnet) {
    String cdk = NetworkModel.tags(subnet).get(CDK_SUBNET_NAME_TAG);
    if (cdk != null) {
      return cdk;
    }
    String id = subnet.logicalId();
    if (subnet.constructPath() != null) {
      id = CDK_HASH.matcher(id).replaceFirst("");
    }
    String tier = AZ_SUFFIX.matcher(id).replaceFirst("");
    return tier.isEmpty() ? id : tier;
  }

  /**
   * Collects the route tables that user data adds a route to at boot ({@code aws ec2 create-route}
   * or {@code replace-route}). Returns true when some user data does so for a table netlint cannot
   * identify: then no route table can be said to lack its route.
   */
  private static boolean routesCreatedAtBoot(NetworkModel model, Set<ResourceId> tables) {
    boolean unknown = false;
    for (ResourceId owner : model.allUserData().keySet()) {
      List<AwsCliCall> calls =
          model.hostFacts(owner).map(HostFacts::routesCreated).orElse(List.of());
      for (AwsCliCall call : calls) {
        Optional<ResourceId> table =
            call.option("--route-table-id")
                .map(HostValue::deployTime)
                .flatMap(model::referencedResource);
        if (table.isPresent()) {
          tables.add(table.get());
        } else {
          unknown = true;
        }
      }
    }
    return unknown;
  }
}
