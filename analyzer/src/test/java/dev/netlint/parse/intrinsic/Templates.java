package dev.netlint.parse.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Resource;
import dev.netlint.model.Value;
import dev.netlint.parse.cfn.InputException;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.StackSource;
import dev.netlint.parse.cfn.Template;
import dev.netlint.parse.cfn.TemplateLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test templates written inline, parsed as the loader parses files. */
final class Templates {
  private static final TemplateLoader LOADER = new TemplateLoader();

  private Templates() {}

  static Template template(String yaml, String file) {
    try {
      Node.MapNode root =
          LOADER.parse(yaml.getBytes(StandardCharsets.UTF_8), TemplateLoader.Format.YAML, file);
      return new Template(Path.of(file), file, root);
    } catch (InputException e) {
      throw new AssertionError("test template does not parse: " + e.getMessage(), e);
    }
  }

  static Template json(String json, String file) {
    try {
      Node.MapNode root =
          LOADER.parse(json.getBytes(StandardCharsets.UTF_8), TemplateLoader.Format.JSON, file);
      return new Template(Path.of(file), file, root);
    } catch (InputException e) {
      throw new AssertionError("test template does not parse: " + e.getMessage(), e);
    }
  }

  /** A lone stack {@code t} from {@code t.yaml}. */
  static StackSource lone(String yaml) {
    return StackSource.lone("t", template(yaml, "t.yaml"));
  }

  static Resolution resolve(String yaml) {
    return new StackResolver(Map.of()).resolve(lone(yaml));
  }

  /** Resolves a template that must resolve without problems. */
  static Resolution clean(String yaml) {
    Resolution r = resolve(yaml);
    assertThat(r.problems()).isEmpty();
    return r;
  }

  static Resource resource(Resolution r, String logicalId) {
    Resource res = r.stack().resources().get(logicalId);
    assertThat(res).as("resource %s", logicalId).isNotNull();
    return res;
  }

  /** The resolved property, present. */
  static Value prop(Resolution r, String logicalId, String property) {
    Value v = resource(r, logicalId).properties().get(property);
    assertThat(v).as("%s.%s", logicalId, property).isNotNull();
    return v;
  }

  static Value.Symbolic symbolic(Value v) {
    assertThat(v).isInstanceOf(Value.Symbolic.class);
    return (Value.Symbolic) v;
  }

  static List<String> texts(Value v) {
    assertThat(v).isInstanceOf(Value.ListValue.class);
    return ((Value.ListValue) v).items().stream().map(Value::render).toList();
  }

  static List<Integer> problemLines(Resolution r) {
    return r.problems().stream().map(p -> p.origin().location().line()).toList();
  }
}
