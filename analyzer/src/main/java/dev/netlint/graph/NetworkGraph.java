package dev.netlint.graph;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Reachability;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.NetworkModel;
import java.util.List;

/**
 * Builds the reachability graph of a network model. Until the graph of issue #4 lands, every
 * answer is {@link Verdict#UNKNOWN}, so no rule can conclude anything from it.
 */
public final class NetworkGraph {
  private NetworkGraph() {}

  /** The reachability answers for {@code model}. */
  public static Reachability build(NetworkModel model) {
    return new Reachability() {
      @Override
      public ReachResult reach(
          Endpoint source, Endpoint destination, Protocol protocol, PortRange ports) {
        return new ReachResult(Verdict.UNKNOWN, List.of(), "reachability is not modeled yet");
      }

      @Override
      public List<Endpoint.Workload> workloads() {
        return List.of();
      }
    };
  }
}
