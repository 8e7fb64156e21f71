package dev.netlint.rules.host;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.model.AwsCliCall;
import dev.netlint.model.HostFacts;
import dev.netlint.model.HostValue;
import dev.netlint.model.NetworkInterfaceAttachment;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Route;
import dev.netlint.model.Value;
import dev.netlint.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * NL104: an instance or network interface that receives traffic addressed to others (a route names
 * it as target, or its user data creates such a route at boot) with the source/destination check
 * on: its {@code SourceDestCheck} is {@code true} or not set (the default is {@code true}), and no
 * user data turns it off at boot ({@code aws ec2 modify-instance-attribute
 * --no-source-dest-check}). EC2 then drops every packet whose source or destination is not the
 * instance's own address. Hosts need no user data to be judged (AWS's NAT AMIs need none); a value
 * known only at deploy time is not judged.
 */
@RuleInfo(
    id = "NL104",
    name = "source-dest-check-enabled",
    summary = "A route target drops forwarded traffic because its source/destination check is on",
    severity = Severity.ERROR,
    resourceTypes = {"AWS::EC2::Instance", "AWS::EC2::NetworkInterface"},
    source =
        "https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html#EIP_Disable_SrcDestCheck")
public final class SourceDestCheckEnabled implements Rule {

  private static final String PROPERTY = "SourceDestCheck";

  @Override
  public void check(RuleContext context) {
    NetworkModel model = context.model();
    List<NetworkInterfaceAttachment> attachments = model.networkInterfaceAttachments();
    for (Resource instance : model.resourcesOfType(ResourceTypes.INSTANCE)) {
      List<Route> routes = Forwarders.routesTo(model, instance);
      Optional<Forwarders.Host> host =
          model.userData(instance.id()).isPresent()
              ? Forwarders.host(model, instance)
              : Optional.empty();
      List<AwsCliCall> bootRoutes =
          host.map(h -> routesToItself(model, h.facts(), instance.id())).orElse(List.of());
      if (routes.isEmpty() && bootRoutes.isEmpty()) {
        continue;
      }
      if (checkOff(model, instance) || primaryInterfaceCheckOff(model, instance)) {
        continue;
      }
      if (disabledAtBoot(model, instance, attachments)) {
        continue;
      }
      String why =
          routes.isEmpty()
              ? "the user data of instance "
                  + instance.logicalId()
                  + " routes traffic to it at"
                  + " boot (aws ec2 "
                  + bootRoutes.get(0).operation()
                  + " on "
                  + bootRoutes.get(0).at().display()
                  + ")"
              : Forwarders.describe(routes, "instance " + instance.logicalId());
      report(context, instance, why, routes);
    }
    for (Resource eni : model.resourcesOfType(ResourceTypes.NETWORK_INTERFACE)) {
      List<Route> routes = Forwarders.routesTo(model, eni);
      if (routes.isEmpty()
          || checkOff(model, eni)
          || primaryOfInstanceWithCheckOff(model, eni, attachments)) {
        continue;
      }
      if (disabledAtBoot(model, eni, attachments)) {
        continue;
      }
      report(
          context,
          eni,
          Forwarders.describe(routes, "network interface " + eni.logicalId()),
          routes);
    }
  }

  private static void report(
      RuleContext context, Resource resource, String why, List<Route> routes) {
    Value check =
        context.model().workload(resource.id()).map(Workload::sourceDestCheckValue).orElse(null);
    Origin at =
        check == null
            ? resource.origin()
            : new Origin(
                check.origin().location(),
                List.of("Resources", resource.logicalId(), "Properties", PROPERTY));
    String state = check == null ? "is not set, and defaults to true" : "is " + check.render();
    String kind = resource.type().equals(ResourceTypes.INSTANCE) ? "instance" : "network interface";
    String message =
        String.format(
            "%s, but its SourceDestCheck %s: EC2 drops every packet whose source or destination"
                + " is not the %s's own address",
            why, state, kind);
    Map<String, String> properties = new TreeMap<>();
    properties.put("sourceDestCheck", check == null ? "" : check.render());
    if (!routes.isEmpty()) {
      properties.put(
          "routes", String.join(",", routes.stream().map(r -> r.resource().logicalId()).toList()));
    }
    context.report(
        context.rule().defaultSeverity(),
        resource,
        at,
        message,
        "Set SourceDestCheck: false on " + resource.logicalId() + ".",
        properties);
  }

  /**
   * True when {@code SourceDestCheck} is literally false, or a value known only at deploy time,
   * which netlint does not judge.
   */
  private static boolean checkOff(NetworkModel model, Resource resource) {
    return model
        .workload(resource.id())
        .map(w -> !Boolean.TRUE.equals(w.sourceDestCheck()))
        .orElse(false);
  }

  /** An instance whose primary network interface is a resource with the check off. */
  private static boolean primaryInterfaceCheckOff(NetworkModel model, Resource instance) {
    for (NetworkInterfaceAttachment a : model.networkInterfaceAttachments()) {
      if (a.instance().equals(instance.id())
          && a.deviceIndex().equals("0")
          && model.resource(a.networkInterface()).filter(eni -> checkOff(model, eni)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A network interface attached as the primary interface of an instance whose {@code
   * SourceDestCheck} is false: CloudFormation applies the instance's setting to it.
   */
  private static boolean primaryOfInstanceWithCheckOff(
      NetworkModel model, Resource eni, List<NetworkInterfaceAttachment> attachments) {
    for (NetworkInterfaceAttachment a : attachments) {
      if (a.networkInterface().equals(eni.id()) && a.deviceIndex().equals("0")) {
        Optional<Resource> instance = model.resource(a.instance());
        if (instance.isPresent()
            && model
                .workload(instance.get().id())
                .filter(w -> Boolean.FALSE.equals(w.sourceDestCheck()))
                .isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The routes an instance's user data creates at boot with itself as target. */
  private static List<AwsCliCall> routesToItself(
      NetworkModel model, HostFacts facts, ResourceId instance) {
    List<AwsCliCall> found = new ArrayList<>();
    for (AwsCliCall call : facts.routesCreated()) {
      Optional<HostValue> target = call.option("--instance-id");
      if (target.isPresent() && namesThis(model, target.get(), instance, true)) {
        found.add(call);
      }
    }
    return found;
  }

  /**
   * True when user data turns the check off for this instance or network interface at boot: its own
   * user data (or that of the instance it is attached to) calling {@code
   * modify-instance-attribute}/{@code modify-network-interface-attribute} on itself (an ID found at
   * run time), or any user data naming it through a deploy-time value ({@code ${NatInstance}}), or
   * user data that mentions the check in a form netlint does not follow.
   */
  private static boolean disabledAtBoot(
      NetworkModel model, Resource resource, List<NetworkInterfaceAttachment> attachments) {
    List<ResourceId> own = new ArrayList<>();
    if (resource.type().equals(ResourceTypes.INSTANCE)) {
      own.add(resource.id());
      Forwarders.launchTemplate(model, resource).map(Resource::id).ifPresent(own::add);
    } else {
      for (NetworkInterfaceAttachment a : attachments) {
        if (a.networkInterface().equals(resource.id())) {
          own.add(a.instance());
        }
      }
    }
    String option =
        resource.type().equals(ResourceTypes.INSTANCE) ? "--instance-id" : "--network-interface-id";
    for (ResourceId owner : model.allUserData().keySet()) {
      HostFacts facts = model.hostFacts(owner).orElse(HostFacts.NONE);
      boolean self = own.contains(owner);
      if (self && facts.unread().contains(HostFacts.Topic.SOURCE_DEST_CHECK)) {
        return true;
      }
      for (AwsCliCall call : facts.sourceDestCheckDisabled()) {
        HostValue id = call.option(option).orElse(null);
        if (id != null && namesThis(model, id, resource.id(), self)) {
          return true;
        }
        if (!resource.type().equals(ResourceTypes.INSTANCE)
            && call.operation().equals("modify-instance-attribute")) {
          // Changes the instance's primary network interface.
          HostValue instanceId = call.option("--instance-id").orElse(null);
          boolean names =
              instanceId == null
                  ? self
                  : own.stream().anyMatch(i -> namesThis(model, instanceId, i, self));
          if (names) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * True when an ID in user data names {@code target}: a deploy-time value referencing it, or, in
   * the target's own user data, an ID found at run time (the instance looking itself up).
   */
  private static boolean namesThis(
      NetworkModel model, HostValue id, ResourceId target, boolean ownUserData) {
    if (id.kind() == HostValue.Kind.DEPLOY_TIME) {
      @Nullable Value v = id.deployTime();
      return v != null && model.referencedResource(v).filter(target::equals).isPresent();
    }
    return ownUserData && id.kind() != HostValue.Kind.LITERAL;
  }
}
