package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.second;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlatlineDetectorTest {

  private final FlatlineDetector detector =
      new FlatlineSpec(Duration.ofSeconds(10), 0.1, 0, Duration.ZERO, Severity.WARNING).newDetector("flow");

  @Test
  void aValueStuckForTheDurationIsRaisedAndClearsWhenItMoves() {
    assertTrue(detector.update(second(0), 5).isEmpty());
    assertTrue(detector.update(second(5), 5.05).isEmpty(), "within epsilon, flat for 5 s");
    Finding raised = detector.update(second(10), 5.1).orElseThrow(); // |5.1 − 5| ≤ 0.1, flat for 10 s
    assertEquals(Change.RAISED, raised.change());
    assertEquals(10, raised.deviation());
    assertEquals(5, raised.evidence().get("value"));
    assertTrue(detector.update(second(20), 5).isEmpty(), "still stuck");
    assertEquals(Change.CLEARED, detector.update(second(21), 5.3).orElseThrow().change());
  }

  @Test
  void aSlowDriftIsNotFlat() {
    for (int s = 0; s <= 30; s++) {
      assertTrue(detector.update(second(s), 5 + 0.02 * s).isEmpty(), "moved 0.1 from the run's start by " + s);
    }
  }
}
