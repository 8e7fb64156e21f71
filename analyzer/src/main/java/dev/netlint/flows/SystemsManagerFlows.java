package dev.netlint.flows;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.IamPolicy;
import dev.netlint.model.IamPolicyDocument;
import dev.netlint.model.IamRole;
import dev.netlint.model.InstanceProfile;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Value;
import java.util.List;
import java.util.Optional;

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
      Optional<InstanceProfile> profile =
          workloads
              .resourceOfType(profileValue, ResourceTypes.INSTANCE_PROFILE)
              .flatMap(p -> model.instanceProfile(p.id()));
      if (profile.isEmpty()) {
        continue;
      }
      for (Value r : profile.get().roles()) {
        Optional<IamRole> role =
            workloads.resourceOfType(r, ResourceTypes.ROLE).flatMap(x -> model.iamRole(x.id()));
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
                      + profile.get().resource().logicalId()
                      + " whose role "
                      + role.get().resource().logicalId()
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
  private Optional<String> ssmPolicy(IamRole role) {
    for (Value arn : role.managedPolicyArns()) {
      String text = arn.render();
      for (String name : MANAGED_POLICIES) {
        if (text.endsWith("policy/" + name) || text.endsWith("policy/service-role/" + name)) {
          return Optional.of("has " + name);
        }
      }
      Optional<IamPolicy> managed =
          workloads
              .resourceOfType(arn, ResourceTypes.MANAGED_POLICY)
              .flatMap(m -> model.iamPolicy(m.id()));
      if (managed.isPresent() && allowsSsm(managed.get().document())) {
        return Optional.of(
            "has managed policy "
                + managed.get().resource().logicalId()
                + ", which allows ssm:UpdateInstanceInformation");
      }
    }
    for (IamPolicyDocument inline : role.inlinePolicies()) {
      if (allowsSsm(inline)) {
        return Optional.of("has an inline policy that allows ssm:UpdateInstanceInformation");
      }
    }
    for (IamPolicy policy : model.iamPolicies()) {
      if (policy.roles().contains(role.resource().id()) && allowsSsm(policy.document())) {
        return Optional.of(
            "is given policy "
                + policy.resource().logicalId()
                + ", which allows ssm:UpdateInstanceInformation");
      }
    }
    return Optional.empty();
  }

  private static boolean allowsSsm(IamPolicyDocument document) {
    return document.names("ssm:UpdateInstanceInformation") || document.names("ssm:*");
  }
}
