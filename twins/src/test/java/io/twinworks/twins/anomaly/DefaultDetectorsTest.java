package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a new sensor signal gets without any configuration, on a steady noisy signal. */
class DefaultDetectorsTest {

  private static final int READINGS = 4032; // two weeks, one reading every five minutes

  private static SignalDetectors defaults() {
    return new SignalDetectors("temperature", DetectorRules.reference().specsFor("sensor", "temperature", Map.of()));
  }

  private static List<Finding> steadyNoise(SignalDetectors detectors) {
    Random noise = new Random(7);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < READINGS; i++) {
      findings.addAll(detectors.update(minute(5L * i), 42 + noise.nextGaussian()));
    }
    return findings;
  }

  @Test
  void aSteadyNoisySignalRaisesNothing() {
    assertEquals(List.of(), steadyNoise(defaults()));
  }

  @Test
  void aSingleBigSpikeIsRaisedOnItsOwnReading() {
    SignalDetectors detectors = defaults();
    steadyNoise(detectors);
    long spikeAt = minute(5L * READINGS);
    List<Finding> findings = detectors.update(spikeAt, 42 + 20); // 20 standard deviations
    assertTrue(findings.stream().anyMatch(f -> f.change() == Change.RAISED && f.kind().equals("zscore")
        && f.sourceTimeMicros() == spikeAt), findings.toString());
  }

  @Test
  void lateAndNonNumericReadingsAreSkipped() {
    SignalDetectors detectors = defaults();
    steadyNoise(detectors);
    long last = minute(5L * (READINGS - 1));
    assertEquals(List.of(), detectors.update(last, 1e6), "not after the last reading: late");
    assertEquals(List.of(), detectors.update(last + 1, Double.NaN));
    assertEquals(last, detectors.state().lastMicros(), "the NaN did not move the clock");
  }
}
