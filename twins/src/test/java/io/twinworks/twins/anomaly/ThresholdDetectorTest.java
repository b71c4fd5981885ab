package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.second;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThresholdDetectorTest {

  @Test
  void absoluteLimitsWithHysteresis() {
    ThresholdDetector detector = new ThresholdSpec(10.0, 80.0, null, null, 2, 0, Duration.ZERO, Severity.CRITICAL)
        .newDetector("temperature");
    assertTrue(detector.update(second(0), 80).isEmpty(), "at the limit is inside");
    Finding raised = detector.update(second(1), 80.5).orElseThrow();
    assertEquals(Change.RAISED, raised.change());
    assertEquals(Severity.CRITICAL, raised.severity());
    assertEquals(0.5, raised.deviation()); // 80.5 − 80
    assertEquals(80, raised.expected());
    assertTrue(detector.update(second(2), 78).isEmpty(), "inside, but not by more than the hysteresis of 2");
    Finding cleared = detector.update(second(3), 77.9).orElseThrow();
    assertEquals(Change.CLEARED, cleared.change());
    assertEquals(-2.1, cleared.deviation(), 1e-12); // 77.9 − 80: inside the high limit it was nearest to
    assertEquals(80, cleared.expected());
    Finding low = detector.update(second(4), 9).orElseThrow();
    assertEquals(-1.0, low.deviation()); // 9 − 10 below the low limit
    assertEquals(10, low.evidence().get("limit"));
  }

  @Test
  void baselinePlusOrMinusDeviation() {
    ThresholdDetector detector = new ThresholdSpec(null, null, 42.0, 5.0, 0, 0, Duration.ZERO, Severity.WARNING)
        .newDetector("temperature");
    assertTrue(detector.update(second(0), 47).isEmpty()); // 42 + 5
    Finding raised = detector.update(second(1), 47.5).orElseThrow();
    assertEquals(42, raised.expected());
    assertEquals(0.5, raised.deviation()); // 47.5 − 47
    assertEquals(5, raised.evidence().get("deviation"));
    assertEquals(Change.CLEARED, detector.update(second(2), 46.9).orElseThrow().change());
    assertEquals(-0.5, detector.update(second(3), 36.5).orElseThrow().deviation()); // 36.5 − 37
  }

  @Test
  void aMinimumDurationWaitsForTheBreachToLast() {
    ThresholdDetector detector = new ThresholdSpec(null, 80.0, null, null, 0, 0, Duration.ofSeconds(10),
        Severity.CRITICAL).newDetector("temperature");
    assertTrue(detector.update(second(0), 90).isEmpty());
    assertTrue(detector.update(second(9), 90).isEmpty(), "9 s over");
    assertEquals(Change.RAISED, detector.update(second(10), 90).orElseThrow().change()); // 10 s over
  }
}
