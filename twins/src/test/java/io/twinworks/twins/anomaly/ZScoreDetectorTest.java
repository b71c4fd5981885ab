package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.second;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ZScoreDetectorTest {

  private static ZScoreDetector detector() {
    ZScoreSpec spec = new ZScoreSpec(5, 3, 0.5, 1e-9, 1e-6, 5, Duration.ZERO, Severity.WARNING);
    ZScoreDetector detector = spec.newDetector("temperature");
    double[] window = {9, 11, 9, 11, 10}; // mean 10; squared deviations 1 1 1 1 0 → 4 / 4 → std 1
    for (int i = 0; i < window.length; i++) {
      assertTrue(detector.update(second(i), window[i]).isEmpty(), "warm-up");
    }
    return detector;
  }

  @Test
  void justBelowKIsNormal() {
    assertTrue(detector().update(second(5), 12.9).isEmpty()); // z = 2.9
  }

  @Test
  void raisesAtKAgainstTheWindowBeforeTheReading() {
    Finding raised = detector().update(second(5), 13).orElseThrow();
    // z = (13 − 10) / 1 = 3 ≥ k; with 13 in the window the mean would be 10.5 and z < 3
    assertEquals(Change.RAISED, raised.change());
    assertEquals("zscore", raised.kind());
    assertEquals("temperature", raised.signal());
    assertEquals(Severity.WARNING, raised.severity());
    assertEquals(13, raised.value());
    assertEquals(10, raised.expected(), 1e-12);
    assertEquals(3, raised.deviation(), 1e-12);
    assertEquals(5, raised.evidence().get("n"));
    assertEquals(1, raised.evidence().get("std"), 1e-12);
    assertEquals(second(5), raised.sourceTimeMicros());
  }

  @Test
  void clearsBelowKTimesTheClearRatio() {
    ZScoreDetector detector = detector();
    detector.update(second(5), 13);
    // window 11 9 11 10 13: mean 10.8, squared deviations .04 3.24 .04 .64 4.84 = 8.8 → / 4 = 2.2, std 1.4832
    // 12: z = 1.2 / 1.4832 = 0.809 < 3 · 0.5
    Finding cleared = detector.update(second(6), 12).orElseThrow();
    assertEquals(Change.CLEARED, cleared.change());
    assertEquals(1.2 / Math.sqrt(2.2), cleared.deviation(), 1e-12);
  }

  @Test
  void aNegativeDeviationIsBelowTheMean() {
    Finding raised = detector().update(second(5), 6.5).orElseThrow(); // z = (6.5 − 10) / 1
    assertEquals(-3.5, raised.deviation(), 1e-12);
  }
}
