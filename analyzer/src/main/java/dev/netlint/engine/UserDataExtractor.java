package dev.netlint.engine;

import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.Stack;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.Template;
import dev.netlint.parse.userdata.UserDataReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the user data of every instance, launch template and launch configuration and reads it
 * with {@link UserDataReader}. A finding on user data points at the {@code UserData} key in the
 * template.
 */
final class UserDataExtractor {
  private UserDataExtractor() {}

  static Map<ResourceId, UserData> extract(Stack stack, Template template) {
    Map<ResourceId, UserData> found = new TreeMap<>();
    for (Resource r : stack.resources().values()) {
      if (!r.active()) {
        continue;
      }
      List<String> path = new ArrayList<>(List.of("Resources", r.logicalId(), "Properties"));
      Value value;
      switch (r.type()) {
        case ResourceTypes.INSTANCE, ResourceTypes.LAUNCH_CONFIGURATION -> value = r.property("UserData");
        case ResourceTypes.LAUNCH_TEMPLATE -> {
          value =
              r.property("LaunchTemplateData") instanceof Value.MapValue data
                  ? data.get("UserData")
                  : null;
          path.add("LaunchTemplateData");
        }
        default -> value = null;
      }
      if (value == null || value instanceof Value.NoValue) {
        continue;
      }
      path.add("UserData");
      Origin at = keyOrigin(template, path, value.origin());
      found.put(r.id(), UserDataReader.read(value, at));
    }
    return found;
  }

  /** The origin of the key at the end of {@code path}, or {@code fallback}. */
  private static Origin keyOrigin(Template template, List<String> path, Origin fallback) {
    Node node = template.root();
    for (int i = 0; i < path.size() - 1; i++) {
      node = node instanceof Node.MapNode m ? m.get(path.get(i)) : null;
      if (node == null) {
        return fallback;
      }
    }
    Node.MapNode parent = node instanceof Node.MapNode m ? m : null;
    if (parent == null || parent.get(path.get(path.size() - 1)) == null) {
      return fallback;
    }
    return new Origin(parent.keyLocation(path.get(path.size() - 1)), path);
  }
}
