package dev.netlint.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.Verdict;
import org.junit.jupiter.api.Test;

/** What recorded steps add up to, and the sentences their hops carry. */
class TraceRecorderTest {

  @Test
  void aBlockingStepWinsOverAnUnknownEnd() {
    TraceRecorder rec = new TraceRecorder();
    rec.add(Hop.Kind.ROUTE, null, null, Verdict.UNKNOWN, new RoutingStep.TooManyForwarders(6));
    rec.endUnknown();
    assertThat(rec.result().verdict()).isEqualTo(Verdict.UNKNOWN);

    rec.add(
        Hop.Kind.GATEWAY, null, null, Verdict.BLOCKED, new GatewayStep.PrivateRange("10.9.0.0/16"));
    TraceRecorder.Trace t = rec.result();

    assertThat(t.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(t.hops())
        .extracting(Hop::detail)
        .containsExactly(
            "the path passes more than 6 forwarders; netlint stops there",
            "10.9.0.0/16 is a private address range: the internet does not route it");
  }

  @Test
  void anEndBeyondWhatNetlintSeesMakesReachableStepsUnknown() {
    TraceRecorder rec = new TraceRecorder();
    rec.add(
        Hop.Kind.NAT,
        null,
        null,
        Verdict.REACHABLE,
        new NatStep.SourceDestCheck("NatInstance", false));
    assertThat(rec.result().verdict()).isEqualTo(Verdict.REACHABLE);

    rec.endUnknown();

    assertThat(rec.result().verdict()).isEqualTo(Verdict.UNKNOWN);
  }
}
