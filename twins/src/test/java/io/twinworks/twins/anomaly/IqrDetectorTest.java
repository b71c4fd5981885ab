package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.second;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IqrDetectorTest {

  private static IqrDetector detector(double lower, double upper, double k, Duration minDuration) {
    IqrDetector detector = new IqrSpec(5, lower, upper, k, 0.5, 1e-9, 1e-6, 5, minDuration, Severity.INFO)
        .newDetector("pressure");
    assertTrue(Readings.feed(detector, 0, 3, 1, 5, 2, 4).isEmpty(), "warm-up");
    return detector;
  }

  @Test
  void tukeyFenceOnTheQuartiles() {
    // sorted 1 2 3 4 5: Q1 = 2, Q3 = 4 (h = 1 and 3), IQR 2; fence [2 − 1.5·2, 4 + 1.5·2] = [−1, 7]
    assertTrue(detector(0.25, 0.75, 1.5, Duration.ZERO).update(second(5), 6.9).isEmpty()); // 1.45 IQRs out
    Finding raised = detector(0.25, 0.75, 1.5, Duration.ZERO).update(second(5), 7).orElseThrow();
    assertEquals(Change.RAISED, raised.change());
    assertEquals(1.5, raised.deviation(), 1e-12); // (7 − 4) / 2
    assertEquals(3, raised.expected()); // the median
    assertEquals(2, raised.evidence().get("qlow"));
    assertEquals(4, raised.evidence().get("qhigh"));
    assertEquals(7, raised.evidence().get("high"));
    assertEquals(-1, raised.evidence().get("low"));
  }

  @Test
  void belowTheLowerFenceIsNegative() {
    Finding raised = detector(0.25, 0.75, 1.5, Duration.ZERO).update(second(5), -2).orElseThrow();
    assertEquals(-2, raised.deviation(), 1e-12); // (−2 − 2) / 2
  }

  @Test
  void widerQuantilesMakeAUsualRangeBand() {
    // P10 = 1 + 0.4 · 1 = 1.4 (h = 0.4), P90 = 4 + 0.6 · 1 = 4.6 (h = 3.6), width 3.2
    // k = 0.05: raise above 4.6 + 0.16 = 4.76
    assertTrue(detector(0.1, 0.9, 0.05, Duration.ZERO).update(second(5), 4.75).isEmpty());
    Finding raised = detector(0.1, 0.9, 0.05, Duration.ZERO).update(second(5), 4.77).orElseThrow();
    assertEquals(0.17 / 3.2, raised.deviation(), 1e-12);
  }

  @Test
  void aMinimumDurationIgnoresASingleOutlier() {
    IqrDetector detector = new IqrSpec(50, 0.25, 0.75, 1.5, 0.5, 1e-9, 1e-6, 0, Duration.ofSeconds(2),
        Severity.INFO).newDetector("pressure");
    for (int i = 0; i < 50; i++) {
      detector.update(second(i), 1 + i % 5); // ten each of 1..5: Q1 = 2, Q3 = 4, fence 7, a few outliers move none
    }
    assertTrue(detector.update(second(50), 20).isEmpty(), "out for 0 s");
    assertTrue(detector.update(second(51), 3).isEmpty(), "back in: the 2 s start again");
    assertTrue(detector.update(second(52), 20).isEmpty());
    assertTrue(detector.update(second(53), 30).isEmpty(), "out for 1 s");
    assertEquals(Change.RAISED, detector.update(second(54), 40).orElseThrow().change()); // out for 2 s
  }
}
