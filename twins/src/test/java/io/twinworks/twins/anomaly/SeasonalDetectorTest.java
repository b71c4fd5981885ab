package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeasonalDetectorTest {

  /** An hour cut into twelve five-minute slots, compared with the three hours before. */
  private final SeasonalDetector detector = new SeasonalSpec(Duration.ofHours(1), 12, 3, 20, 0.9, 3, 0.5, 1e-9,
      1e-6, 5, Duration.ZERO, Severity.WARNING).newDetector("load");

  /** Slot s of hour p: a steep pattern (10 per slot) plus a small wobble of 0..0.4. */
  private static double usual(int hour, int slot) {
    return slot * 10 + ((hour * 7 + slot * 3) % 5) * 0.1;
  }

  private Optional<Finding> at(int hour, int slot, double value) {
    return detector.update(minute(hour * 60L + slot * 5L), value);
  }

  @Test
  void theUsualPatternRaisesNothingHoweverSteep() {
    for (int hour = 0; hour < 8; hour++) {
      for (int slot = 0; slot < 12; slot++) {
        assertTrue(at(hour, slot, usual(hour, slot)).isEmpty(), "hour " + hour + " slot " + slot);
      }
    }
  }

  @Test
  void aValueUnlikeTheSameSlotInPastPeriodsIsRaised() {
    for (int hour = 0; hour < 6; hour++) {
      for (int slot = 0; slot < 12; slot++) {
        at(hour, slot, usual(hour, slot));
      }
    }
    for (int slot = 0; slot < 4; slot++) {
      at(6, slot, usual(6, slot));
    }
    // slot 4 in hours 3, 4, 5: 40 + 0.3, 40 + 0.0, 40 + 0.2 ((7h + 12) mod 5 = 3, 0, 2) → median 40.2
    Finding raised = at(6, 4, 48).orElseThrow(); // 48 is inside the signal's range (0..110), not its pattern
    assertEquals(Change.RAISED, raised.change());
    // slot means are floats offset from their hour's first reading (0.x): within 40 · 2^-23 ≈ 5e-6
    assertEquals(40.2, raised.expected(), 1e-5);
    assertEquals(7.8, raised.evidence().get("difference"), 1e-5);
    assertTrue(raised.deviation() >= 3);
  }

  @Test
  void nothingIsScoredBeforeThePeriodsOfHistory() {
    for (int hour = 0; hour < 2; hour++) {
      for (int slot = 0; slot < 12; slot++) {
        assertTrue(at(hour, slot, hour == 1 ? 1000 : usual(hour, slot)).isEmpty());
      }
    }
  }

  @Test
  void aSingleOddPeriodDoesNotShiftTheExpectation() {
    for (int hour = 0; hour < 6; hour++) {
      for (int slot = 0; slot < 12; slot++) {
        at(hour, slot, hour == 4 && slot == 2 ? 500 : usual(hour, slot)); // hour 4 slot 2 is odd once
      }
    }
    // slot 2 in hours 3, 4, 5: 20.2, 500, 20.1 ((7h + 6) mod 5 = 2, odd, 1) → median 20.2, not the odd 500
    at(6, 0, usual(6, 0));
    at(6, 1, usual(6, 1));
    assertTrue(at(6, 2, usual(6, 2)).isEmpty());
  }
}
