package dev.netlint.graph;

import dev.netlint.api.reach.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * What a rule list decided for a box and the rule that decided it.
 *
 * @param verdict reachable (allowed), blocked (denied) or unknown
 * @param rule the deciding rule (a security group rule or a network ACL entry), or null for a
 *     default (no rule allows; the {@code *} entry)
 * @param why for unknown, what is not known
 */
record Decision(Verdict verdict, @Nullable Object rule, String why) {}
