package dev.netlint.rules.host;

import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import dev.netlint.model.HostFacts;
import dev.netlint.model.HostImage;
import dev.netlint.model.HostValue;
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
import org.jspecify.annotations.Nullable;

/**
 * NL103: an instance that private route tables send {@code 0.0.0.0/0} to, configured by user data,
 * that leaves no source NAT rule in place ({@code MASQUERADE}/{@code SNAT} in iptables' {@code nat}
 * {@code POSTROUTING} chain, an nftables {@code masquerade}/{@code snat}, firewalld's masquerade),
 * or whose every such rule can never match: the output interface is one the host does not have, or
 * the rule is rejected because its interface word expanded to nothing. Packets then leave with
 * private source addresses, which the internet gateway does not translate, and no reply comes back.
 */
@RuleInfo(
    id = "NL103",
    name = "nat-masquerade-missing",
    summary = "A NAT instance's user data leaves no source NAT rule that can match",
    severity = Severity.ERROR,
    resourceTypes = {"AWS::EC2::Instance"},
    source = "https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html")
public final class NatMasqueradeMissing implements Rule {

  @Override
  public void check(RuleContext context) {
    NetworkModel model = context.model();
    for (Resource instance : model.resourcesOfType(ResourceTypes.INSTANCE)) {
      List<Route> defaults =
          Forwarders.routesThrough(model, instance).stream().filter(Route::isIpv4Default).toList();
      if (defaults.isEmpty()) {
        continue;
      }
      Optional<Forwarders.Host> host = Forwarders.host(model, instance);
      if (host.isEmpty()
          || !Forwarders.judgeable(host.get().userData())
          || host.get().image().isNatAmi()
          || host.get().facts().unread().contains(HostFacts.Topic.SOURCE_NAT)) {
        continue;
      }
      check(context, host.get(), defaults);
    }
  }

  private static void check(RuleContext context, Forwarders.Host host, List<Route> defaults) {
    HostFacts facts = host.facts();
    List<PacketFilterRule> nat = facts.ipv4SourceNat();
    List<String> broken = new ArrayList<>();
    for (PacketFilterRule r : nat) {
      String problem = problem(r, host.image());
      if (problem == null) {
        return;
      }
      broken.add(problem);
    }
    for (PacketFilterRule r : facts.rejectedIpv4SourceNat()) {
      broken.add(
          "its " + r.target() + " rule on " + r.at().display() + " is rejected: " + r.rejection());
    }
    Resource instance = host.resource();
    List<String> tables = new ArrayList<>();
    for (Route r : defaults) {
      String name = Forwarders.tableName(r);
      if (!tables.contains(name)) {
        tables.add(name);
      }
    }
    String sends =
        String.format(
            "route table%s %s send%s 0.0.0.0/0 to %s",
            tables.size() > 1 ? "s" : "",
            String.join(", ", tables),
            tables.size() > 1 ? "" : "s",
            instance.logicalId());
    Map<String, String> properties = new TreeMap<>();
    properties.put("routeTables", String.join(",", tables));
    Severity severity = Severity.ERROR;
    String message;
    if (broken.isEmpty()) {
      // A transparent proxy (REDIRECT or DNAT to itself) originates its own connections for what
      // it intercepts and drops the rest on purpose: that is egress filtering, not a NAT that
      // forgot to translate.
      boolean transparentProxy =
          facts.packetFilter().stream()
              .anyMatch(r -> r.target().equals("REDIRECT") || r.target().equals("DNAT"));
      if (transparentProxy) {
        return;
      }
      message =
          String.format(
              "%s, but its user data leaves no source NAT rule in place (MASQUERADE or SNAT in the"
                  + " nat table's POSTROUTING chain, nftables masquerade, firewalld masquerade):"
                  + " packets leave with private source addresses, which the internet gateway does"
                  + " not translate, so no reply comes back",
              sends);
    } else {
      properties.put(
          "scriptLine",
          Integer.toString(
              nat.isEmpty()
                  ? facts.rejectedIpv4SourceNat().get(0).at().line()
                  : nat.get(0).at().line()));
      message =
          String.format(
              "%s, but no source NAT rule of its user data can match: %s",
              sends, String.join("; ", broken));
    }
    context.report(
        severity,
        instance,
        host.userData().origin(),
        message,
        "Add `iptables -t nat -A POSTROUTING -o \"$(ip route | awk '/default/ {print $5}')\""
            + " -j MASQUERADE` to the user data.",
        properties);
  }

  /** Why a source NAT rule can never match on this host, or null when it can. */
  private static @Nullable String problem(PacketFilterRule rule, HostImage image) {
    PacketFilterRule.Match out = rule.outInterface();
    if (out == null || out.negated()) {
      return null;
    }
    HostValue value = out.value();
    Optional<String> name = value.literalText();
    if (name.isEmpty() || name.get().isEmpty()) {
      // Found at run time or deploy time; an empty name matches every interface.
      return null;
    }
    String n = name.get();
    Optional<Boolean> accepted;
    if (n.endsWith("+")) {
      String prefix = n.substring(0, n.length() - 1);
      accepted = image.primaryInterface().map(p -> p.startsWith(prefix));
    } else {
      accepted = image.accepts(n);
    }
    if (accepted.isEmpty() || accepted.get()) {
      return null;
    }
    String primary =
        image.primaryInterface().map(p -> " (its primary interface is " + p + ")").orElse("");
    return String.format(
        "its %s rule on %s sends out of %s, which %s%s does not have%s",
        rule.target(),
        rule.at().display(),
        value.display(),
        image.os().display(),
        image.instanceType().isEmpty() ? "" : " on " + image.instanceType(),
        primary);
  }
}
