package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.second;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.alert.AlertGate;
import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A finding gate holds its {@link AlertGate} only while the gate is not at rest; it must decide, and
 * snapshot, exactly as a gate held all the time.
 */
class FindingGateTest {

  /** Raise at 4, clear below 4 · 0.5 = 2, after 2 s; 3 readings of warm-up. */
  private static final ZScoreSpec SPEC = new ZScoreSpec(100, 4, 0.5, 1e-9, 1e-6, 3, Duration.ofSeconds(2),
      Severity.WARNING);

  /**
   * One score a second from t = 0: warm-up (0–2 s, never raised), a breach of 1 s (3–4 s: pending, then back at
   * rest), 4 and more from 6 s (raised at 8 s), 8 and 3 (between the levels: stays raised), below 2 from 11 s
   * (cleared at 13 s), 2 and 3.9 at rest, a NaN (no score), 4 from 18 s (raised at 20 s).
   */
  private static final double[] SCORES = {9, 9, 9, 5, 5, 1, 4, 6, 7, 8, 3, 1.5, 1, 0, 0, 2, 3.9, Double.NaN, 4,
      4, 4, 4};

  private static Optional<Finding> offer(FindingGate gate, int second, double score) {
    return gate.offer(second(second), score, () -> new Observation(score, 0, score, Map.of()));
  }

  @Test
  void decidesAndSnapshotsAsAGateHeldAllTheTime() {
    FindingGate lazy = new FindingGate(SPEC, "temperature");
    AlertGate held = new AlertGate(4, 2, 2_000_000);
    List<Change> changes = new ArrayList<>();
    for (int t = 0; t < SCORES.length; t++) {
      Change expected = t < SPEC.warmUp() || Double.isNaN(SCORES[t]) ? Change.NONE : held.update(second(t), SCORES[t]);
      Change actual = offer(lazy, t, SCORES[t]).map(Finding::change).orElse(Change.NONE);
      assertEquals(expected, actual, "score " + SCORES[t] + " at " + t + " s");
      assertEquals(held.state(), lazy.state().gate(), "the snapshot at " + t + " s");
      assertEquals(held.active(), lazy.active());
      changes.add(actual);
    }
    // raised at 6 + 2 = 8 s, cleared at 11 + 2 = 13 s, raised again at 18 + 2 = 20 s
    assertEquals(List.of(8, 13, 20), List.of(changes.indexOf(Change.RAISED), changes.indexOf(Change.CLEARED),
        changes.lastIndexOf(Change.RAISED)));
  }

  @Test
  void aRestoredGateContinuesPendingOrRaised() {
    for (int snapshotAt = 0; snapshotAt < SCORES.length; snapshotAt++) {
      FindingGate original = new FindingGate(SPEC, "temperature");
      for (int t = 0; t <= snapshotAt; t++) {
        offer(original, t, SCORES[t]);
      }
      FindingGate restored = new FindingGate(SPEC, "temperature");
      restored.restore(original.state());
      for (int t = snapshotAt + 1; t < SCORES.length; t++) {
        assertEquals(offer(original, t, SCORES[t]), offer(restored, t, SCORES[t]), "restored after " + snapshotAt + " s");
      }
      assertTrue(restored.active());
    }
  }
}
