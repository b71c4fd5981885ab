package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.second;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HampelDetectorTest {

  private static HampelDetector detector(double... window) {
    HampelDetector detector = new HampelSpec(window.length, 3, 0.5, 1e-9, 1e-6, window.length, Duration.ZERO,
        Severity.WARNING).newDetector("vibration");
    assertTrue(Readings.feed(detector, 0, window).isEmpty(), "warm-up");
    return detector;
  }

  @Test
  void medianAndMadIgnoreTheOutlierInTheWindow() {
    // median 10; |x − 10| = 0 1 1 0 20 → sorted 0 0 1 1 20 → MAD 1, scale 1.4826; k = 3 → ±4.4478
    assertTrue(detector(10, 11, 9, 10, 30).update(second(5), 14.4).isEmpty()); // 4.4 / 1.4826 = 2.968
    Finding raised = detector(10, 11, 9, 10, 30).update(second(5), 14.45).orElseThrow(); // 3.0015
    assertEquals(Change.RAISED, raised.change());
    assertEquals(10, raised.expected());
    assertEquals(4.45 / 1.4826, raised.deviation(), 1e-12);
    assertEquals(1, raised.evidence().get("mad"));
    assertEquals(1.4826, raised.evidence().get("scale"), 1e-12);
  }

  @Test
  void aFlatWindowDoesNotMakeATinyChangeAnAlarm() {
    // MAD 0: the scale is the floor max(1e-9, 1e-6 · |20|) = 2e-5
    HampelDetector detector = detector(20, 20, 20, 20, 20, 20, 20);
    assertTrue(detector.update(second(7), 20.00001).isEmpty()); // 1e-5 / 2e-5 = 0.5
    assertTrue(detector.update(second(8), 20).isEmpty());
    Finding raised = detector.update(second(9), 21).orElseThrow(); // 1 / 2e-5 = 50000: finite, raised
    assertEquals(50_000, raised.deviation(), 1e-6);
  }
}
