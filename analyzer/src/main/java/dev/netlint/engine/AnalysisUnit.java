package dev.netlint.engine;

import dev.netlint.parse.cfn.StackSource;
import java.util.List;

/**
 * What the engine analyzes as one network: a lone CloudFormation template (one stack), or a CDK
 * cloud assembly (all its stacks, those of its stages and their nested stacks), so that references
 * between the stacks of one app can be followed.
 *
 * @param name the template file or assembly directory as reports name it (relative to the base
 *     directory when below it, else absolute, with {@code /} separators)
 * @param stacks the stacks, in the order their loader gives: one for a lone template; manifest
 *     order with nested stacks after their parent for an assembly
 */
public record AnalysisUnit(String name, List<StackSource> stacks) {

  public AnalysisUnit {
    stacks = List.copyOf(stacks);
  }
}
