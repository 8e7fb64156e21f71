package dev.netlint.graph;

import dev.netlint.api.reach.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * What a filter (a security group's rules in one direction, a network ACL's entries in one
 * direction) decided for a view of a box, and the entry that decided it.
 *
 * @param <E> the entry type: {@link dev.netlint.model.SecurityGroupRule} or {@link
 *     dev.netlint.model.NetworkAclEntry}
 * @param verdict reachable (allowed), blocked (denied) or unknown
 * @param entry the deciding security group rule or network ACL entry, or null for a default (no
 *     security group rule allows; the network ACL's {@code *} entry)
 * @param uncertainty for unknown, what is not known; null otherwise
 */
record Decision<E>(Verdict verdict, @Nullable E entry, @Nullable Uncertainty uncertainty)
    implements FilterEvaluator.FilterResult<E> {

  static <E> Decision<E> decided(Verdict verdict, @Nullable E entry) {
    return new Decision<>(verdict, entry, null);
  }

  static <E> Decision<E> unknown(@Nullable E entry, Uncertainty why) {
    return new Decision<>(Verdict.UNKNOWN, entry, why);
  }
}
