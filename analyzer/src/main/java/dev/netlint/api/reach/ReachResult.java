package dev.netlint.api.reach;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a reachability query.
 *
 * <p>A flow is many packets: every placement of each end (a workload spread over several subnets),
 * every protocol and port of the range asked about. {@link #verdict} says whether all of them get
 * through; {@link #anyTraffic} whether any does, which is what an isolation check ({@code expect:
 * blocked}) needs.
 *
 * @param verdict reachable when all of the flow's traffic gets through, blocked when some of it
 *     definitely does not, unknown otherwise
 * @param hops every hop evaluated, in path order, for the placement and traffic the verdict is
 *     about (the first one blocked, else the first one unknown)
 * @param reason one sentence; for blocked and unknown, why
 * @param anyTraffic reachable when some of the flow's traffic definitely gets through, blocked when
 *     none does, unknown otherwise
 */
public record ReachResult(Verdict verdict, List<Hop> hops, String reason, Verdict anyTraffic) {

  public ReachResult {
    hops = List.copyOf(hops);
  }

  /** A result where all the flow's traffic fares alike: {@code anyTraffic} is {@code verdict}. */
  public ReachResult(Verdict verdict, List<Hop> hops, String reason) {
    this(verdict, hops, reason, verdict);
  }

  /** The first hop that blocks, when the verdict is blocked. */
  public Optional<Hop> blockingHop() {
    return hops.stream().filter(h -> h.verdict() == Verdict.BLOCKED).findFirst();
  }
}
