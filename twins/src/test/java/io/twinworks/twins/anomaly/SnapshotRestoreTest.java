package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A snapshot at the midpoint, through JSON, restored: the rest of the series gives the same findings, bit for bit. */
class SnapshotRestoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper CBOR = new CBORMapper(); // what snapshots are stored as
  private static final int READINGS = 6000;

  private static final List<DetectorSpec> EVERY_TYPE = List.of(
      new ThresholdSpec(-10.0, 70.0, null, null, 1, 0, Duration.ZERO, Severity.CRITICAL),
      new ZScoreSpec(100, 4, 0.5, 1e-9, 1e-6, 30, Duration.ZERO, Severity.WARNING),
      new IqrSpec(200, 0.25, 0.75, 1.5, 0.5, 1e-9, 1e-6, 30, Duration.ofMinutes(10), Severity.WARNING),
      new HampelSpec(61, 5, 0.5, 1e-9, 1e-6, 30, Duration.ZERO, Severity.WARNING),
      new RateOfChangeSpec(0.05, 0.5, 0, Duration.ZERO, Severity.WARNING),
      new FlatlineSpec(Duration.ofHours(1), 0, 0, Duration.ZERO, Severity.WARNING),
      new SeasonalSpec(Duration.ofDays(1), 288, 3, 500, 0.99, 3, 0.5, 1e-9, 1e-6, 100, Duration.ZERO,
          Severity.WARNING));

  /** Five-minute readings: a daily wave with noise, spikes, a stuck stretch and a step. */
  private static double[] series() {
    Random noise = new Random(11);
    double[] values = new double[READINGS];
    for (int i = 0; i < READINGS; i++) {
      values[i] = 30 + 20 * Math.sin(2 * Math.PI * i / 288) + noise.nextGaussian();
      if (i % 997 == 0) {
        values[i] += 25;
      }
      if (i >= 3500 && i < 3530) {
        values[i] = 30;
      }
      if (i >= 4500 && i < 4800) {
        values[i] += 15;
      }
    }
    return values;
  }

  private static List<Finding> feed(SignalDetectors detectors, double[] values, int from, int to) {
    List<Finding> findings = new ArrayList<>();
    for (int i = from; i < to; i++) {
      findings.addAll(detectors.update(minute(5L * i), values[i]));
    }
    return findings;
  }

  private static void assertContinuesIdentically(List<DetectorSpec> specs, ObjectMapper mapper) throws Exception {
    double[] values = series();
    SignalDetectors original = new SignalDetectors("temperature", specs);
    feed(original, values, 0, READINGS / 2);
    byte[] snapshot = mapper.writeValueAsBytes(original.state());
    SignalDetectors restored = SignalDetectors.restore("temperature", specs,
        mapper.readValue(snapshot, SignalDetectors.State.class));
    List<Finding> expected = feed(original, values, READINGS / 2, READINGS);
    List<Finding> actual = feed(restored, values, READINGS / 2, READINGS);
    assertEquals(expected, actual);
    assertTrue(expected.stream().anyMatch(f -> f.change() == Change.RAISED), "the test must have something to compare");
    assertTrue(expected.stream().anyMatch(f -> f.change() == Change.CLEARED));
  }

  @Test
  void everyDetectorTypeContinuesFromItsSnapshot() throws Exception {
    assertContinuesIdentically(EVERY_TYPE, JSON);
    Set<String> kinds = feed(new SignalDetectors("t", EVERY_TYPE), series(), 0, READINGS).stream()
        .map(Finding::kind).collect(Collectors.toSet());
    assertEquals(7, kinds.size(), "every type found something in this series: " + kinds);
  }

  @Test
  void theDefaultSetContinuesFromItsSnapshot() throws Exception {
    assertContinuesIdentically(DetectorRules.reference().specsFor("sensor", "temperature", Map.of()), JSON);
    assertContinuesIdentically(DetectorRules.reference().specsFor("sensor", "temperature", Map.of()), CBOR);
  }

  @Test
  void longWindowsKeptInBlocksContinueFromTheirSnapshot() throws Exception {
    // iqr's quartiles need a whole block of 63 kept (the default's 1 % and 99 % only its ends)
    assertContinuesIdentically(List.of(
        new IqrSpec(1000, 0.25, 0.75, 0.3, 0.5, 1e-9, 1e-6, 30, Duration.ZERO, Severity.WARNING),
        new ZScoreSpec(4032, 3, 0.5, 1e-9, 1e-6, 30, Duration.ZERO, Severity.WARNING)), CBOR);
  }

  @Test
  void aStateOfOtherSpecsIsRefused() {
    SignalDetectors zscore = new SignalDetectors("t", List.of(EVERY_TYPE.get(1)));
    assertThrows(IllegalArgumentException.class,
        () -> SignalDetectors.restore("t", List.of(EVERY_TYPE.get(0)), zscore.state()));
    assertThrows(IllegalArgumentException.class, () -> SignalDetectors.restore("t", EVERY_TYPE, zscore.state()));
  }
}
