package dev.netlint.parse.intrinsic;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netlint.parse.cfn.InputException;
import dev.netlint.parse.cfn.Node;
import dev.netlint.parse.cfn.StackSource;
import dev.netlint.parse.cfn.Template;
import dev.netlint.parse.cfn.TemplateLoader;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fuzz target for the intrinsic resolver ({@code Fn::Sub}, {@code Fn::Join}, conditions...): any
 * template that loads resolves, with problems, never an exception.
 */
class ResolverFuzzTest {
  private static final TemplateLoader LOADER = new TemplateLoader();

  @FuzzTest(maxDuration = "2m")
  void resolve(byte[] data) {
    Node.MapNode root;
    try {
      root = LOADER.parse(data, TemplateLoader.Format.YAML, "fuzz.yaml");
    } catch (InputException e) {
      return;
    }
    Template t = new Template(Path.of("fuzz.yaml"), "fuzz.yaml", root);
    new StackResolver(Map.of()).resolve(StackSource.lone("fuzz", t));
  }
}
