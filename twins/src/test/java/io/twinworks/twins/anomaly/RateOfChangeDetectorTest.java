package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.second;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateOfChangeDetectorTest {

  private final RateOfChangeDetector detector =
      new RateOfChangeSpec(2, 0.5, 0, Duration.ZERO, Severity.WARNING).newDetector("level");

  @Test
  void raisesOnAFastChangeAndClearsWhenItSlows() {
    assertTrue(detector.update(second(0), 10).isEmpty(), "no rate before a second reading");
    assertTrue(detector.update(second(1), 11).isEmpty()); // 1 per s
    Finding raised = detector.update(second(2), 14).orElseThrow(); // (14 − 11) / 1 s = 3 per s ≥ 2
    assertEquals(Change.RAISED, raised.change());
    assertEquals(3, raised.deviation());
    assertEquals(11, raised.expected());
    assertTrue(detector.update(second(3), 15.5).isEmpty(), "1.5 per s is not below 2 · 0.5");
    Finding cleared = detector.update(second(5), 16.5).orElseThrow(); // 1 / 2 s = 0.5 per s
    assertEquals(Change.CLEARED, cleared.change());
    assertEquals(2, cleared.evidence().get("seconds"));
  }

  @Test
  void aFallIsANegativeRate() {
    detector.update(second(0), 10);
    assertEquals(-2.5, detector.update(second(2), 5).orElseThrow().deviation()); // −5 / 2 s
  }

  @Test
  void aReadingNotAfterThePreviousIsIgnored() {
    detector.update(second(5), 10);
    assertTrue(detector.update(second(5), 100).isEmpty());
    assertTrue(detector.update(second(4), 100).isEmpty());
    assertTrue(detector.update(second(6), 11).isEmpty(), "rate against 10 at 5 s: 1 per s");
  }
}
