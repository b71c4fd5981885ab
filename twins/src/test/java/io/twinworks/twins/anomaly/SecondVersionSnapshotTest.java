package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snapshots written before the detectors' arrays were sized lazily (block summaries of the iqr, zscore and
 * seasonal windows in 16 blocks, the seasonal profile's rows all allocated at the first reading) still load
 * and continue bit for bit, and the detectors still write them in the same form. {@code
 * detector-states-v2.json} holds that version's {@code SignalDetectors.state()} of {@link #SPECS} as JSON after
 * 1, 300, 2,000 and 6,000 five-minute readings of {@link #value}: before any block is full, with one iqr and
 * zscore block, before the first seasonal expectation's blocks fill, and with every window full and wrapped.
 */
class SecondVersionSnapshotTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int READINGS = 7000;

  /** reference.conf's default set when the fixture was written, an iqr keeping whole blocks, a short zscore. */
  private static final List<DetectorSpec> SPECS = List.of(
      new IqrSpec(4032, 0.01, 0.99, 0.05, 0.5, 1e-9, 1e-6, 1008, Duration.ofHours(2), Severity.WARNING),
      new ZScoreSpec(4032, 8, 0.5, 1e-9, 1e-6, 1008, Duration.ZERO, Severity.WARNING),
      new SeasonalSpec(Duration.ofDays(1), 48, 3, 2016, 0.99, 3, 0.5, 1e-9, 1e-6, 504, Duration.ZERO,
          Severity.WARNING),
      new FlatlineSpec(Duration.ofDays(1), 0, 0, Duration.ZERO, Severity.WARNING),
      new IqrSpec(1000, 0.25, 0.75, 0.3, 0.5, 1e-9, 1e-6, 30, Duration.ZERO, Severity.WARNING),
      new ZScoreSpec(100, 4, 0.5, 1e-9, 1e-6, 30, Duration.ZERO, Severity.WARNING));

  /** A daily wave of ±10 around 50 with a repeating wobble, a spike every 1,499 readings, a flat hour, a step. */
  private static double value(int i) {
    double v = 50 + 10 * StrictMath.sin(2 * StrictMath.PI * i / 288) + ((i * 37) % 11 - 5) * 0.3;
    if (i % 1499 == 700) {
      v += 40;
    }
    if (i >= 6300 && i < 6340) {
      v = 44;
    }
    if (i >= 6500 && i < 6600) {
      v += 12;
    }
    return v;
  }

  private static List<Finding> feed(SignalDetectors detectors, int from, int to) {
    List<Finding> findings = new ArrayList<>();
    for (int i = from; i < to; i++) {
      findings.addAll(detectors.update(minute(5L * i), value(i)));
    }
    return findings;
  }

  private static JsonNode fixture(int readings) throws Exception {
    try (InputStream in = SecondVersionSnapshotTest.class.getResourceAsStream("detector-states-v2.json")) {
      return JSON.readTree(in).get(Integer.toString(readings));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 300, 2000, 6000})
  void aSnapshotOfTheSecondVersionContinuesBitForBit(int readings) throws Exception {
    SignalDetectors restored = SignalDetectors.restore("value", SPECS,
        JSON.treeToValue(fixture(readings), SignalDetectors.State.class));
    SignalDetectors uninterrupted = new SignalDetectors("value", SPECS);
    feed(uninterrupted, 0, readings);

    List<Finding> expected = feed(uninterrupted, readings, READINGS);
    assertEquals(expected, feed(restored, readings, READINGS));
    assertTrue(expected.stream().anyMatch(f -> f.change() == Change.RAISED), "the test must have something to compare");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 300, 2000, 6000})
  void theDetectorsStillWriteTheSecondVersionsState(int readings) throws Exception {
    SignalDetectors detectors = new SignalDetectors("value", SPECS);
    feed(detectors, 0, readings);

    assertEquals(fixture(readings), JSON.readTree(JSON.writeValueAsString(detectors.state())));
  }
}
