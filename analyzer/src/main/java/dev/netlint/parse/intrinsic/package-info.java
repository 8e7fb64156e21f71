/**
 * Resolution of CloudFormation intrinsic functions, conditions, parameters and dynamic references:
 * from the node tree of a template ({@link dev.netlint.parse.cfn.StackSource}) to a {@link
 * dev.netlint.model.Stack} of resolved {@link dev.netlint.model.Value}s. The entry point is {@link
 * dev.netlint.parse.intrinsic.StackResolver}.
 *
 * <p>Follows the <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html">Intrinsic
 * function reference</a>.
 */
@NullMarked
package dev.netlint.parse.intrinsic;

import org.jspecify.annotations.NullMarked;
