package dev.netlint.model;

import java.util.Comparator;

/**
 * A resource of one stack: the stack's name (for a CDK app, the artifact ID in the cloud assembly;
 * for a nested stack, {@code Parent/NestedLogicalId}; for a lone template, the file name without
 * its extension) and the resource's logical ID.
 *
 * @param stack the stack name
 * @param logicalId the CloudFormation logical ID
 */
public record ResourceId(String stack, String logicalId) implements Comparable<ResourceId> {

  private static final Comparator<ResourceId> ORDER =
      Comparator.comparing(ResourceId::stack).thenComparing(ResourceId::logicalId);

  @Override
  public int compareTo(ResourceId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return stack + "/" + logicalId;
  }
}
