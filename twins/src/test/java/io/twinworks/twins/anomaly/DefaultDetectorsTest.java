package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * Issue 5: a signal's default detectors keep a few hundred numbers, not windows of readings (the first
   * version kept about 12,000): 16 block summaries for iqr and zscore, 48 × 4 slot means and 16 blocks of
   * differences for seasonal.
   */
  @Test
  void theStateIsAFewHundredNumbersHoweverLongTheSignal() throws Exception {
    SignalDetectors detectors = defaults();
    steadyNoise(detectors);
    int afterTwoWeeks = numbers(JSON.valueToTree(detectors.state()));
    Random noise = new Random(8);
    for (int i = READINGS; i < 3 * READINGS; i++) {
      detectors.update(minute(5L * i), 42 + noise.nextGaussian());
    }
    int afterSixWeeks = numbers(JSON.valueToTree(detectors.state()));
    assertTrue(afterSixWeeks <= 500, afterSixWeeks + " numbers");
    assertTrue(Math.abs(afterSixWeeks - afterTwoWeeks) <= 20, // only how full the open blocks are differs
        afterTwoWeeks + " numbers after two weeks, " + afterSixWeeks + " after six");
  }

  /** Numbers in a JSON tree; a float NaN is written as the text "NaN". */
  private static int numbers(JsonNode node) {
    if (node.isNumber() || node.isTextual() && node.asText().equals("NaN")) {
      return 1;
    }
    int count = 0;
    for (JsonNode child : node) {
      count += numbers(child);
    }
    return count;
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
