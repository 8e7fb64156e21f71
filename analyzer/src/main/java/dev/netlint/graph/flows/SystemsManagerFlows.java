package dev.netlint.graph.flows;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Value;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Private instances and Auto Scaling groups meant to be managed by Systems Manager must reach
 * {@code ssm}, {@code ssmmessages} and {@code ec2messages} on tcp/443. Meant to be managed: the
 * instance profile's role has the {@code AmazonSSMManagedInstanceCore} managed policy (or the older
 * {@code AmazonEC2RoleforSSM}, or {@code AmazonSSMManagedEC2InstanceDefaultPolicy}), in any
 * spelling of its ARN ({@code arn:${AWS::Partition}:iam::aws:policy/...}), or a policy of the role
 * allows {@code ssm:UpdateInstanceInformation}. Private: every subnet of the workload is known and
 * none is public.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html">Improve
 * the security of EC2 instances by using VPC endpoints for Systems Manager</a>.
 */
final class SystemsManagerFlows {
  /** The services the SSM Agent connects to. */
  static final List<String> SERVICES = List.of("ssm", "ssmmessages", "ec2messages");

  private static final List<String> MANAGED_POLICIES =
      List.of(
          "AmazonSSMManagedInstanceCore",
          "AmazonEC2RoleforSSM",
          "AmazonSSMManagedEC2InstanceDefaultPolicy");

  private final Workloads workloads;
  private final NetworkModel model;
  private final List<Flow> out;

  SystemsManagerFlows(Workloads workloads, List<Flow> out) {
    this.workloads = workloads;
    this.model = workloads.model();
    this.out = out;
  }

  /** Why a workload is managed, and where the template says so. */
  private record Managed(String why, Origin origin) {}

  void infer() {
    for (String type : List.of(ResourceTypes.INSTANCE, ResourceTypes.AUTO_SCALING_GROUP)) {
      for (Resource w : model.resourcesOfType(type)) {
        if (!isPrivate(w)) {
          continue;
        }
        Optional<Managed> managed = managed(w);
        if (managed.isEmpty()) {
          continue;
        }
        for (String service : SERVICES) {
          out.add(
              new Flow(
                  new Endpoint.Workload(w.id()),
                  new Endpoint.AwsService(service),
                  Protocol.TCP,
                  PortRange.of(443),
                  Flow.Kind.SYSTEMS_MANAGER,
                  Verdict.REACHABLE,
                  managed.get().why(),
                  managed.get().origin()));
        }
      }
    }
  }

  private boolean isPrivate(Resource w) {
    List<ResourceId> subnets = model.subnetsOfWorkload(w);
    if (subnets.isEmpty()) {
      return false;
    }
    for (ResourceId id : subnets) {
      Optional<Resource> subnet = model.resource(id);
      if (subnet.isEmpty() || model.isPublicSubnet(subnet.get())) {
        return false;
      }
    }
    return true;
  }

  private Optional<Managed> managed(Resource w) {
    for (Resource source : workloads.launchSources(w)) {
      Value profileValue = Workloads.instanceProfile(source);
      Optional<Resource> profile = workloads.resourceOfType(profileValue, ResourceTypes.INSTANCE_PROFILE);
      if (profile.isEmpty()
          || !(profile.get().property("Roles") instanceof Value.ListValue roles)) {
        continue;
      }
      for (Value r : roles.items()) {
        Optional<Resource> role = workloads.resourceOfType(r, ResourceTypes.ROLE);
        if (role.isEmpty()) {
          continue;
        }
        Optional<String> policy = ssmPolicy(role.get());
        if (policy.isPresent()) {
          String through =
              source.id().equals(w.id()) ? "" : " (through " + source.logicalId() + ")";
          return Optional.of(
              new Managed(
                  w.logicalId()
                      + " has instance profile "
                      + profile.get().logicalId()
                      + " whose role "
                      + role.get().logicalId()
                      + " "
                      + policy.get()
                      + through
                      + ", so its SSM Agent must reach Systems Manager",
                  profileValue == null ? w.origin() : profileValue.origin()));
        }
      }
    }
    return Optional.empty();
  }

  /** What makes a role a Systems Manager role, as a phrase; empty when nothing does. */
  private Optional<String> ssmPolicy(Resource role) {
    if (role.property("ManagedPolicyArns") instanceof Value.ListValue arns) {
      for (Value arn : arns.items()) {
        String text = arn.render();
        for (String name : MANAGED_POLICIES) {
          if (text.endsWith("policy/" + name) || text.endsWith("policy/service-role/" + name)) {
            return Optional.of("has " + name);
          }
        }
        Optional<Resource> managed = workloads.resourceOfType(arn, ResourceTypes.MANAGED_POLICY);
        if (managed.isPresent() && allowsSsm(managed.get().property("PolicyDocument"))) {
          return Optional.of(
              "has managed policy "
                  + managed.get().logicalId()
                  + ", which allows ssm:UpdateInstanceInformation");
        }
      }
    }
    if (role.property("Policies") instanceof Value.ListValue inline) {
      for (Value p : inline.items()) {
        if (p instanceof Value.MapValue m && allowsSsm(m.get("PolicyDocument"))) {
          return Optional.of("has an inline policy that allows ssm:UpdateInstanceInformation");
        }
      }
    }
    for (String type : List.of(ResourceTypes.POLICY, ResourceTypes.MANAGED_POLICY)) {
      for (Resource policy : model.resourcesOfType(type)) {
        if (policy.property("Roles") instanceof Value.ListValue roles
            && roles.items().stream()
                .anyMatch(v -> model.referencedResource(v).filter(role.id()::equals).isPresent())
            && allowsSsm(policy.property("PolicyDocument"))) {
          return Optional.of(
              "is given policy "
                  + policy.logicalId()
                  + ", which allows ssm:UpdateInstanceInformation");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean allowsSsm(@Nullable Value document) {
    if (!(document instanceof Value.MapValue doc)) {
      return false;
    }
    Value statements = doc.get("Statement");
    List<Value> list =
        statements instanceof Value.ListValue l
            ? l.items()
            : statements == null ? List.of() : List.of(statements);
    for (Value s : list) {
      if (!(s instanceof Value.MapValue statement)
          || !Optional.ofNullable(statement.get("Effect"))
              .flatMap(Value::literal)
              .orElse("")
              .equals("Allow")) {
        continue;
      }
      Value action = statement.get("Action");
      List<Value> actions =
          action instanceof Value.ListValue l
              ? l.items()
              : action == null ? List.of() : List.of(action);
      for (Value a : actions) {
        String name = a.literal().orElse("");
        if (name.equalsIgnoreCase("ssm:UpdateInstanceInformation")
            || name.equalsIgnoreCase("ssm:*")) {
          return true;
        }
      }
    }
    return false;
  }
}
