package dev.netlint.graph;

import dev.netlint.model.NetworkModel;
import dev.netlint.model.ResourceId;
import dev.netlint.model.Stack;
import dev.netlint.parse.cfn.InputException;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.StackSource;
import dev.netlint.parse.cfn.Template;
import dev.netlint.parse.cfn.TemplateLoader;
import dev.netlint.parse.intrinsic.Resolution;
import dev.netlint.parse.intrinsic.StackResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Network models of inline YAML templates, parsed and resolved as the engine does. */
public final class Models {
  private static final TemplateLoader LOADER = new TemplateLoader();

  private Models() {}

  /** The model of one lone template, stack {@code t}, file {@code t.yaml}. */
  public static NetworkModel of(String yaml) {
    return stacks(List.of("t"), List.of(yaml));
  }

  /** The model of several templates resolved together, as one cloud assembly. */
  public static NetworkModel stacks(List<String> names, List<String> yamls) {
    List<StackSource> sources = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String file = names.get(i) + ".yaml";
      try {
        Node.MapNode root =
            LOADER.parse(
                yamls.get(i).getBytes(StandardCharsets.UTF_8), TemplateLoader.Format.YAML, file);
        sources.add(StackSource.lone(names.get(i), new Template(Path.of(file), file, root)));
      } catch (InputException e) {
        throw new AssertionError("test template does not parse: " + e.getMessage(), e);
      }
    }
    List<Stack> stacks = new ArrayList<>();
    for (Resolution r : StackResolver.resolveAll(sources)) {
      stacks.add(r.stack());
    }
    return new NetworkModel(stacks);
  }

  /** The resource {@code logicalId} of stack {@code t}. */
  public static ResourceId id(String logicalId) {
    return new ResourceId("t", logicalId);
  }
}
