package dev.netlint.model;

import java.util.List;

/**
 * The stacks analyzed together (one cloud assembly, or one template) and the network they
 * declare, in CloudFormation's own terms.
 */
public final class NetworkModel {
  private final List<Stack> stacks;

  public NetworkModel(List<Stack> stacks) {
    this.stacks = List.copyOf(stacks);
  }

  /** The stacks, in load order. */
  public List<Stack> stacks() {
    return stacks;
  }
}
