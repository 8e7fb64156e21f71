package dev.netlint.rules.routing;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Route;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * NL204: an {@code AWS::EC2::Route} to an internet gateway of its own stack that does not wait for
 * the {@code AWS::EC2::VPCGatewayAttachment} attaching that gateway. The route refers to the
 * gateway, not to the attachment, so CloudFormation may create it first, and the route then fails
 * with "route table ... and network gateway ... belong to different networks". The route waits when
 * its {@code DependsOn} names the attachment, or when anything it depends on (through {@code
 * DependsOn}, {@code Ref} or {@code Fn::GetAtt}, transitively, in its stack) does: a route table
 * with {@code DependsOn} on the attachment is enough. An attachment in another stack is created
 * with that stack, before or after, and is not this rule's business; a gateway attached nowhere is
 * NL203's.
 */
@RuleInfo(
    id = "NL204",
    name = "gateway-route-missing-attachment-dependency",
    summary = "A route to an internet gateway does not depend on the gateway's VPC attachment",
    severity = Severity.WARNING,
    resourceTypes = {"AWS::EC2::Route"},
    source =
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html")
public final class GatewayRouteMissingAttachmentDependency implements Rule {

  @Override
  public void check(RuleContext context) {
    NetworkModel model = context.model();
    for (Route route : model.routes()) {
      Optional<Resource> igw =
          RouteTargets.resolve(model, route.target().resource(), ResourceTypes.INTERNET_GATEWAY);
      if (igw.isEmpty()) {
        continue;
      }
      Resource r = route.resource();
      Optional<Resource> vpc =
          RouteTargets.resolve(model, route.routeTable(), ResourceTypes.ROUTE_TABLE)
              .flatMap(t -> RouteTargets.vpcOf(model, t));
      List<Resource> attachments =
          model.internetGatewayAttachments(igw.get().id()).stream()
              .filter(a -> a.id().stack().equals(r.id().stack()))
              .filter(a -> attachesTo(model, a, vpc))
              .toList();
      if (attachments.isEmpty() || waitsFor(model, r, attachments)) {
        continue;
      }
      Resource attachment = attachments.get(0);
      String message =
          String.format(
              "route %s sends %s to internet gateway %s without DependsOn on %s, which attaches"
                  + " %s to %s: CloudFormation may create the route before the attachment, and"
                  + " the route then fails because the gateway is not yet in the route table's"
                  + " network",
              r.logicalId(),
              route.destination().isEmpty() ? "?" : route.destination(),
              igw.get().logicalId(),
              attachment.logicalId(),
              igw.get().logicalId(),
              RouteTargets.vpcOf(model, attachment)
                  .map(v -> "VPC " + v.logicalId())
                  .orElse("its VPC"));
      Map<String, String> props = new TreeMap<>();
      props.put("internetGateway", igw.get().logicalId());
      props.put("attachment", attachment.logicalId());
      props.put("destination", route.destination());
      context.report(
          context.rule().defaultSeverity(),
          r,
          r.origin(),
          message,
          "Add DependsOn: " + attachment.logicalId() + " to " + r.logicalId() + ".",
          props);
    }
  }

  /** True when the attachment attaches to the route table's VPC, or either VPC is unknown. */
  private static boolean attachesTo(
      NetworkModel model, Resource attachment, Optional<Resource> vpc) {
    Optional<Resource> attached = RouteTargets.vpcOf(model, attachment);
    return vpc.isEmpty() || attached.isEmpty() || attached.get().id().equals(vpc.get().id());
  }

  /**
   * True when CloudFormation creates one of the attachments before the route: the route depends on
   * it, directly or through resources of its own stack.
   */
  private static boolean waitsFor(NetworkModel model, Resource route, List<Resource> attachments) {
    Set<ResourceId> targets = new HashSet<>();
    attachments.forEach(a -> targets.add(a.id()));
    Set<ResourceId> seen = new HashSet<>();
    Deque<Resource> queue = new ArrayDeque<>();
    queue.add(route);
    seen.add(route.id());
    while (!queue.isEmpty()) {
      for (ResourceId dep : model.dependencies(queue.poll())) {
        if (targets.contains(dep)) {
          return true;
        }
        if (dep.stack().equals(route.id().stack()) && seen.add(dep)) {
          model.resource(dep).ifPresent(queue::add);
        }
      }
    }
    return false;
  }
}
