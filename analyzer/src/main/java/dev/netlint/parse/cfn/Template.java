package dev.netlint.parse.cfn;

import java.nio.file.Path;

/**
 * A CloudFormation template file as read.
 *
 * @param path the file on disk
 * @param displayName the file as reports name it
 * @param root the template's top-level mapping
 */
public record Template(Path path, String displayName, Node.MapNode root) {

  /** The {@code Resources} mapping, or null when absent or not a mapping. */
  public Node.@org.jspecify.annotations.Nullable MapNode resources() {
    return root.get("Resources") instanceof Node.MapNode m ? m : null;
  }
}
