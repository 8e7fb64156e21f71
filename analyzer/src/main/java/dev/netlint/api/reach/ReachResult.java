package dev.netlint.api.reach;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a reachability query.
 *
 * @param verdict reachable, blocked or unknown
 * @param hops every hop evaluated, in path order
 * @param reason one sentence; for blocked and unknown, why
 */
public record ReachResult(Verdict verdict, List<Hop> hops, String reason) {

  public ReachResult {
    hops = List.copyOf(hops);
  }

  /** The first hop that blocks, when the verdict is blocked. */
  public Optional<Hop> blockingHop() {
    return hops.stream().filter(h -> h.verdict() == Verdict.BLOCKED).findFirst();
  }
}
