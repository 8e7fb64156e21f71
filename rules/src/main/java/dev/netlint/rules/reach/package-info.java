/**
 * Rules about the flows that must work (inferred from the templates, or declared in {@code
 * .netlint.yaml}): each asks the reachability API about every flow and reports the hop that blocks
 * it, at the template element to change. A flow whose verdict is unknown (a security group passed
 * in as a parameter, an imported CIDR) is never reported.
 */
@NullMarked
package dev.netlint.rules.reach;

import org.jspecify.annotations.NullMarked;
