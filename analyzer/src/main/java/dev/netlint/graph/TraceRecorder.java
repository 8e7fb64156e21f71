package dev.netlint.graph;

import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.Origin;
import dev.netlint.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The steps of one trace in path order, the subnet boundaries crossed (which replies cross back)
 * and whether the path ends beyond what netlint sees; then the hops and verdict they add up to.
 */
final class TraceRecorder {

  /**
   * One step and the template element that decided it.
   *
   * @param kind what was evaluated
   * @param element the deciding resource, or null
   * @param origin where the deciding element stands in the template, or null
   * @param verdict what it decided
   * @param step what it found, worded by {@link HopDetails}
   */
  private record Recorded(
      Hop.Kind kind,
      @Nullable ResourceId element,
      @Nullable Origin origin,
      Verdict verdict,
      Step step) {}

  /** The hops of one box and what they add up to. */
  record Trace(Verdict verdict, List<Hop> hops) implements Tracer.Outcome {}

  private final List<Recorded> steps = new ArrayList<>();
  private final List<ReturnPath.Crossing> crossings = new ArrayList<>();
  private boolean unknownEnd;

  void add(
      Hop.Kind kind, @Nullable ResourceId element, @Nullable Origin origin, Verdict v, Step step) {
    steps.add(new Recorded(kind, element, origin, v, step));
  }

  void cross(ReturnPath.@Nullable Crossing crossing) {
    if (crossing != null) {
      crossings.add(crossing);
    }
  }

  /** The subnet boundaries crossed so far, in path order. */
  List<ReturnPath.Crossing> crossings() {
    return crossings;
  }

  /**
   * The path continues beyond what netlint sees: however every step it sees ends, the trace is
   * unknown unless one of them blocks.
   */
  void endUnknown() {
    unknownEnd = true;
  }

  /** Blocked when a step blocks; otherwise unknown when a step or the end is; else reachable. */
  Trace result() {
    List<Hop> hops = new ArrayList<>(steps.size());
    Verdict v = Verdict.REACHABLE;
    boolean blocked = false;
    for (Recorded r : steps) {
      hops.add(new Hop(r.kind(), r.element(), r.origin(), r.verdict(), HopDetails.of(r.step())));
      if (r.verdict() == Verdict.BLOCKED) {
        blocked = true;
      } else if (r.verdict() == Verdict.UNKNOWN) {
        v = Verdict.UNKNOWN;
      }
    }
    if (blocked) {
      return new Trace(Verdict.BLOCKED, hops);
    }
    return new Trace(unknownEnd ? Verdict.UNKNOWN : v, hops);
  }
}
