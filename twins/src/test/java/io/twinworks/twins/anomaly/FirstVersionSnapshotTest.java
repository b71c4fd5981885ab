package io.twinworks.twins.anomaly;

import static io.twinworks.twins.anomaly.Readings.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A twin snapshot written by the first version, whose default detectors kept every value of their
 * windows, continues in the current ones. {@code default-set-state-v1.json} is that version's
 * {@code SignalDetectors.state()} of the default set (iqr, zscore, seasonal with 288 slots, flatline) as
 * JSON, after {@link #FED} five-minute readings of {@link #value}: four days.
 */
class FirstVersionSnapshotTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FED = 1152;
  private static final int IQR = 0;
  private static final int ZSCORE = 1;
  private static final int SEASONAL = 2;
  private static final int FLATLINE = 3;

  /** The fixture's series: a daily wave of ±10 around 50 in whole numbers, with a small repeating wobble. */
  private static double value(int i) {
    return 50 + Math.round(10 * Math.sin(2 * Math.PI * i / 288)) + (i * 7 % 5) - 2;
  }

  /** Day 5 has a spike, day 6 stays at its usual low all day, then the level falls to 20 for three hours. */
  private static double continued(int i) {
    int day = i / 288;
    if (i == 5 * 288 + 100) {
      return 120;
    }
    if (day == 6) {
      return 40;
    }
    return day == 7 && i % 288 < 36 ? 20 : value(i);
  }

  private static SignalDetectors.State firstVersionState() throws Exception {
    try (InputStream in = FirstVersionSnapshotTest.class.getResourceAsStream("default-set-state-v1.json")) {
      return JSON.readValue(in, SignalDetectors.State.class);
    }
  }

  private static List<DetectorSpec> defaults() {
    return DetectorRules.reference().specsFor("sensor", "value", Map.of());
  }

  private static List<Finding> feed(SignalDetectors detectors, int from, int to) {
    List<Finding> findings = new ArrayList<>();
    for (int i = from; i < to; i++) {
      findings.addAll(detectors.update(minute(5L * i), i < FED ? value(i) : continued(i)));
    }
    return findings;
  }

  private static List<Finding> ofKind(List<Finding> findings, String kind) {
    return findings.stream().filter(f -> f.kind().equals(kind)).toList();
  }

  @Test
  void theFixtureHoldsTheFirstVersionsStates() throws Exception {
    List<DetectorState> states = firstVersionState().detectors();
    assertInstanceOf(HampelDetector.State.class, states.get(IQR)); // "order-statistics", as iqr wrote it then
    assertInstanceOf(ZScoreDetector.RingState.class, states.get(ZSCORE));
    assertInstanceOf(LegacySeasonalState.class, states.get(SEASONAL));
    assertEquals(288, ((LegacySeasonalState) states.get(SEASONAL)).openSums().length);
  }

  @Test
  void iqrZscoreAndFlatlineContinueAsIfTheyHadSeenTheReadings() throws Exception {
    SignalDetectors restored = SignalDetectors.restore("value", defaults(), firstVersionState());
    SignalDetectors fed = new SignalDetectors("value", defaults());
    feed(fed, 0, FED);
    // 1152 readings never filled the old windows of 4032, so they held every reading: replayed into the
    // blocks, they give the state the new detectors reach by reading the series
    for (int detector : new int[] {IQR, ZSCORE, FLATLINE}) {
      assertEquals(JSON.writeValueAsString(fed.state().detectors().get(detector)),
          JSON.writeValueAsString(restored.state().detectors().get(detector)));
    }
    List<Finding> expected = feed(fed, FED, 8 * 288);
    List<Finding> actual = feed(restored, FED, 8 * 288);
    for (String kind : List.of("iqr", "zscore", "flatline")) {
      assertEquals(ofKind(expected, kind), ofKind(actual, kind), kind);
    }
    assertTrue(ofKind(actual, "zscore").stream().anyMatch(f -> f.change() == Change.RAISED), "the spike");
    assertTrue(ofKind(actual, "iqr").stream().anyMatch(f -> f.change() == Change.RAISED), "the fall to 20");
  }

  @Test
  void seasonalRebuildsItsProfileInTheNewSlots() throws Exception {
    SignalDetectors restored = SignalDetectors.restore("value", defaults(), firstVersionState());
    SignalDetectors fed = new SignalDetectors("value", defaults());
    feed(fed, 0, FED);
    SeasonalSpec spec = (SeasonalSpec) defaults().get(SEASONAL);
    SeasonalProfile rebuilt = profile(restored, spec);
    SeasonalProfile ownProfile = profile(fed, spec);
    // each new half-hour slot's mean in a day is the mean of the six old five-minute slots' means: the
    // same mean of the same six readings, up to float rounding
    for (int slot = 0; slot < spec.slots(); slot++) {
      assertEquals(ownProfile.collect(4, slot), rebuilt.collect(4, slot), "slot " + slot);
      assertEquals(ownProfile.median(3), rebuilt.median(3), 1e-5, "slot " + slot);
    }
    List<Finding> seasonal = ofKind(feed(restored, FED, 8 * 288), "seasonal");
    long flatDayStarts = minute(5L * 6 * 288);
    long flatDayEnds = minute(5L * 7 * 288);
    assertTrue(seasonal.stream().anyMatch(f -> f.change() == Change.RAISED && f.sourceTimeMicros() >= flatDayStarts
        && f.sourceTimeMicros() < flatDayEnds), "the day at its low: " + seasonal);
  }

  private static SeasonalProfile profile(SignalDetectors detectors, SeasonalSpec spec) {
    SeasonalDetector.State state = (SeasonalDetector.State) detectors.state().detectors().get(SEASONAL);
    return SeasonalProfile.restore(spec.slots(), spec.periods(), state.profile());
  }
}
