package dev.netlint.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the IAM resources that decide whether an instance's SSM Agent registers with Systems
 * Manager: {@link InstanceProfile}s, {@link IamRole}s and {@link IamPolicy}s with what their
 * documents allow.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-instance-permissions.html">Configure
 * instance permissions for Systems Manager</a>.
 */
final class IamConverter {
  private final NetworkModel model;
  final Map<ResourceId, InstanceProfile> instanceProfiles = new LinkedHashMap<>();
  final Map<ResourceId, IamRole> roles = new LinkedHashMap<>();
  final Map<ResourceId, IamPolicy> policies = new LinkedHashMap<>();

  IamConverter(ModelIndex index) {
    this.model = index.model;
  }

  void convert() {
    for (Resource r : model.resourcesOfType(ResourceTypes.INSTANCE_PROFILE)) {
      instanceProfiles.put(r.id(), new InstanceProfile(r, list(r.property("Roles"))));
    }
    for (Resource r : model.resourcesOfType(ResourceTypes.ROLE)) {
      List<IamPolicyDocument> inline = new ArrayList<>();
      for (Value p : list(r.property("Policies"))) {
        if (p instanceof Value.MapValue m) {
          inline.add(document(m.get("PolicyDocument")));
        }
      }
      roles.put(r.id(), new IamRole(r, list(r.property("ManagedPolicyArns")), inline));
    }
    for (String type : List.of(ResourceTypes.POLICY, ResourceTypes.MANAGED_POLICY)) {
      for (Resource r : model.resourcesOfType(type)) {
        List<ResourceId> named = new ArrayList<>();
        for (Value v : list(r.property("Roles"))) {
          model.referencedResource(v).ifPresent(named::add);
        }
        policies.put(r.id(), new IamPolicy(r, named, document(r.property("PolicyDocument"))));
      }
    }
  }

  private static List<Value> list(@Nullable Value v) {
    return v instanceof Value.ListValue l ? l.items() : List.of();
  }

  private static IamPolicyDocument document(@Nullable Value document) {
    if (!(document instanceof Value.MapValue doc)) {
      return IamPolicyDocument.NONE;
    }
    List<String> allowed = new ArrayList<>();
    for (Value s : ModelIndex.items(doc.get("Statement"))) {
      if (!(s instanceof Value.MapValue statement)
          || !Optional.ofNullable(statement.get("Effect"))
              .flatMap(Value::literal)
              .orElse("")
              .equals("Allow")) {
        continue;
      }
      for (Value a : ModelIndex.items(statement.get("Action"))) {
        allowed.add(a.literal().orElse(""));
      }
    }
    return new IamPolicyDocument(allowed);
  }
}
