package dev.netlint.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Reachability;
import dev.netlint.api.reach.Verdict;
import dev.netlint.engine.AnalysisUnit;
import dev.netlint.engine.Discovery;
import dev.netlint.engine.InputDiscovery;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Stack;
import dev.netlint.model.Workload;
import dev.netlint.parse.intrinsic.Resolution;
import dev.netlint.parse.intrinsic.StackResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Builds the graph of every analysis unit of the shared real-world corpus and asks it, for every
 * unit: every workload pair (up to a cap) on the destination's known ports, every workload to the
 * internet, and every workload to Systems Manager. Nothing may throw; timings are printed.
 */
class CorpusReachabilityTest {
  private static final int MAX_PAIRS_PER_UNIT = 400;

  private static void dump(AnalysisUnit unit, ReachResult r) {
    if (System.getProperty("corpus.dump") != null) {
      System.out.println("REACH " + r.verdict() + " " + unit.name() + " | " + r.reason());
    }
  }

  @Test
  void everyCorpusUnitAnswersReachabilityQueriesWithoutException() {
    String shared = System.getProperty("netlint.shared.dir");
    assertThat(shared).as("system property netlint.shared.dir").isNotNull();
    Path corpus = Path.of(shared).resolve("corpus");
    assertThat(corpus).as("the shared corpus").isDirectory();

    Discovery d = new InputDiscovery(corpus).discover(List.of(Path.of(".")));
    int units = 0;
    int withWorkloads = 0;
    int workloads = 0;
    int classes = 0;
    int queries = 0;
    long buildNanos = 0;
    long queryNanos = 0;
    long slowest = 0;
    String slowestUnit = "";
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    List<String> failures = new ArrayList<>();
    for (AnalysisUnit unit : d.units()) {
      units++;
      List<Stack> stacks = new ArrayList<>();
      for (Resolution r : StackResolver.resolveAll(unit.stacks())) {
        stacks.add(r.stack());
      }
      NetworkModel model;
      long unitStart = System.nanoTime();
      try {
        model = new NetworkModel(stacks);
        long t0 = System.nanoTime();
        Reachability graph = NetworkGraph.build(model);
        buildNanos += System.nanoTime() - t0;
        List<Endpoint.Workload> ends = graph.workloads();
        if (!ends.isEmpty()) {
          withWorkloads++;
        }
        workloads += ends.size();
        classes += ((NetworkGraph) graph).classCount();
        long q0 = System.nanoTime();
        int pairs = 0;
        for (Endpoint.Workload a : ends) {
          for (Endpoint.Workload b : ends) {
            if (a.equals(b) || pairs >= MAX_PAIRS_PER_UNIT) {
              continue;
            }
            pairs++;
            List<Integer> ports =
                model
                    .workload(b.resource())
                    .map(Workload::ports)
                    .filter(p -> !p.isEmpty())
                    .orElse(List.of(443));
            ReachResult r = graph.reach(a, b, Protocol.TCP, PortRange.of(ports.get(0)));
            verdicts.merge(r.verdict(), 1, Integer::sum);
            dump(unit, r);
            queries++;
          }
          for (Endpoint to : List.of(new Endpoint.Internet(), new Endpoint.AwsService("ssm"))) {
            ReachResult r = graph.reach(a, to, Protocol.TCP, PortRange.of(443));
            verdicts.merge(r.verdict(), 1, Integer::sum);
            dump(unit, r);
            queries++;
          }
        }
        queryNanos += System.nanoTime() - q0;
      } catch (RuntimeException | StackOverflowError e) {
        failures.add(unit.name() + ": " + e);
      }
      long unitNanos = System.nanoTime() - unitStart;
      if (unitNanos > slowest) {
        slowest = unitNanos;
        slowestUnit = unit.name();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "corpus reachability: %d units (%d with workloads), %d workloads in %d classes,"
            + " %d queries %s; graph build %.0f ms, queries %.0f ms (%.3f ms each);"
            + " slowest unit %s %.0f ms%n",
        units,
        withWorkloads,
        workloads,
        classes,
        queries,
        verdicts,
        buildNanos / 1e6,
        queryNanos / 1e6,
        queries == 0 ? 0 : queryNanos / 1e6 / queries,
        slowestUnit,
        slowest / 1e6);
    assertThat(failures).as("units whose graph threw").isEmpty();
    assertThat(units).isGreaterThan(1000);
    assertThat(withWorkloads).isGreaterThan(200);
    assertThat(verdicts.keySet()).containsExactlyInAnyOrder(Verdict.values());
  }
}
