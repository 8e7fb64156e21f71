package dev.netlint.parse.cfn;

import java.nio.file.Path;
import java.util.List;

/**
 * A CloudFormation template file as read.
 *
 * @param path the file on disk
 * @param displayName the file as reports name it
 * @param root the template's top-level mapping
 * @param refusals what CloudFormation and cfn-lint refuse in the file but netlint could still read
 *     (a key written twice in one mapping, where the last value is kept): each is reported, and the
 *     template is analyzed all the same so that no other finding is lost
 */
public record Template(
    Path path, String displayName, Node.MapNode root, List<InputException> refusals) {

  public Template {
    refusals = List.copyOf(refusals);
  }

  /** A template read without anything refused. */
  public Template(Path path, String displayName, Node.MapNode root) {
    this(path, displayName, root, List.of());
  }

  /** The {@code Resources} mapping, or null when absent or not a mapping. */
  public Node.@org.jspecify.annotations.Nullable MapNode resources() {
    return root.get("Resources") instanceof Node.MapNode m ? m : null;
  }
}
