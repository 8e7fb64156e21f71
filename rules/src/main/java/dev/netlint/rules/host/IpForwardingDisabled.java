package dev.netlint.rules.host;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.model.HostFacts;
import dev.netlint.model.HostFacts.Forwarding;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.PacketFilterRule;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * NL102: an instance that forwards packets for others (a route sends traffic to it or to a network
 * interface attached to it, or its user data masquerades) while its user data never turns IPv4
 * forwarding on. The kernel then drops every packet not addressed to the host itself. A setting
 * only written to a sysctl file that nothing loads before the next boot is a warning. Hosts without
 * user data, or launched from AWS's NAT AMIs, are not judged.
 */
@RuleInfo(
    id = "NL102",
    name = "ip-forwarding-disabled",
    summary = "A host that forwards packets for others never turns on IPv4 forwarding",
    severity = Severity.ERROR,
    resourceTypes = {
      "AWS::EC2::Instance",
      "AWS::EC2::LaunchTemplate",
      "AWS::AutoScaling::LaunchConfiguration"
    },
    source = "https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html")
public final class IpForwardingDisabled implements Rule {

  @Override
  public void check(RuleContext context) {
    NetworkModel model = context.model();
    List<Resource> owners = new ArrayList<>();
    owners.addAll(model.resourcesOfType(ResourceTypes.INSTANCE));
    owners.addAll(model.resourcesOfType(ResourceTypes.LAUNCH_TEMPLATE));
    owners.addAll(model.resourcesOfType(ResourceTypes.LAUNCH_CONFIGURATION));
    for (Resource owner : owners) {
      Optional<Forwarders.Host> host = Forwarders.host(model, owner);
      if (host.isEmpty()) {
        continue;
      }
      List<Route> routes =
          owner.type().equals(ResourceTypes.INSTANCE)
              ? Forwarders.routesThrough(model, owner)
              : List.of();
      boolean ownUserData = model.userData(owner.id()).isPresent();
      List<PacketFilterRule> nat = ownUserData ? host.get().facts().ipv4SourceNat() : List.of();
      if (routes.isEmpty() && nat.isEmpty() || launchesRouteTarget(model, owner)) {
        continue;
      }
      check(context, host.get(), routes, nat);
    }
  }

  /**
   * True for a launch template that a route target is launched from: the finding belongs to the
   * instance, which names the route.
   */
  private static boolean launchesRouteTarget(NetworkModel model, Resource template) {
    if (!template.type().equals(ResourceTypes.LAUNCH_TEMPLATE)) {
      return false;
    }
    for (Resource instance : model.resourcesOfType(ResourceTypes.INSTANCE)) {
      if (Forwarders.launchTemplate(model, instance).filter(template::equals).isPresent()
          && model.userData(instance.id()).isEmpty()
          && !Forwarders.routesThrough(model, instance).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static void check(
      RuleContext context, Forwarders.Host host, List<Route> routes, List<PacketFilterRule> nat) {
    HostFacts facts = host.facts();
    if (!Forwarders.judgeable(host.userData())
        || host.image().isNatAmi()
        || facts.unread().contains(HostFacts.Topic.FORWARDING)) {
      return;
    }
    Forwarding forwarding = facts.ipv4Forwarding();
    if (forwarding.state() == Forwarding.State.ENABLED) {
      return;
    }
    Resource owner = host.resource();
    String subject =
        routes.isEmpty()
            ? owner.logicalId()
                + "'s user data masquerades forwarded traffic ("
                + nat.get(0).at().display()
                + ") but"
            : Forwarders.describe(routes, owner.logicalId()) + ", but its user data";
    Map<String, String> properties = new TreeMap<>();
    properties.put("forwarding", forwarding.state().name());
    if (!routes.isEmpty()) {
      properties.put(
          "routes", String.join(",", routes.stream().map(r -> r.resource().logicalId()).toList()));
    }
    if (forwarding.at() != null) {
      properties.put("scriptLine", Integer.toString(forwarding.at().line()));
    }
    if (forwarding.state() == Forwarding.State.ENABLED_AFTER_REBOOT && forwarding.at() != null) {
      String message =
          String.format(
              "%s writes net.ipv4.ip_forward = 1 to %s on %s and never loads it (sysctl -p,"
                  + " sysctl --system): systemd-sysctl applied the sysctl files before user data"
                  + " ran, so IPv4 forwarding stays off until the next reboot",
              subject, forwarding.how(), forwarding.at().display());
      context.report(
          Severity.WARNING,
          owner,
          host.userData().origin(),
          message,
          "Run `sysctl -p " + forwarding.how() + "` in the user data after writing the file.",
          properties);
      return;
    }
    String state =
        forwarding.state() == Forwarding.State.DISABLED && forwarding.at() != null
            ? "turns IPv4 forwarding off on "
                + forwarding.at().display()
                + " ("
                + forwarding.how()
                + ")"
            : "never turns IPv4 forwarding on (net.ipv4.ip_forward stays 0)";
    String message =
        String.format(
            "%s %s, so the kernel drops every packet not addressed to the host itself",
            subject, state);
    context.report(
        Severity.ERROR,
        owner,
        host.userData().origin(),
        message,
        "Add `sysctl -w net.ipv4.ip_forward=1` to the user data and persist it in"
            + " /etc/sysctl.d/.",
        properties);
  }
}
