package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.ANALYTICS;
import static io.twinworks.twins.Fixtures.SENSOR;
import static io.twinworks.twins.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.time.ReorderBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A snapshot taken after a silence had moved the reorder watermark to our clock (the rule before the heartbeat
 * check kept to source time) heals on recovery: a source an hour behind our clock is analysed again.
 */
class TwinAnalyticsRestoreTest {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final TwinConfig.Resolved THRESHOLD = TwinConfig.of(Map.of("grace-period", "2s", "detectors",
      Map.of("temperature", List.of(Map.of("type", "threshold", "high", 100))))).resolve(ANALYTICS, TwinKind.SENSOR,
      SENSOR);

  @Test
  void aWatermarkMovedOntoOurClockIsBroughtBackToTheNewestSourceTimeSeen() {
    TwinAnalytics before = new TwinAnalytics(SENSOR, TwinKind.SENSOR, ANALYTICS, THRESHOLD);
    measured(before, 20, 0);
    TwinAnalytics.State good = before.state();
    long ourClock = TwinTime.micros(T0.plus(HOUR).plusSeconds(40));
    ReorderBuffer.State<String> reorder = good.reorder();
    TwinAnalytics.State written = new TwinAnalytics.State(good.detectors(),
        new ReorderBuffer.State<>(ourClock, reorder.maxSeenMicros(), reorder.nextArrival(), reorder.held()),
        good.heartbeat(), good.oee(), good.battery(), good.packCells(), good.clock(), good.oeeRevision());

    TwinAnalytics restored = TwinAnalytics.restore(SENSOR, TwinKind.SENSOR, ANALYTICS, THRESHOLD, written);
    assertEquals(TwinTime.micros(T0), restored.state().reorder().watermarkMicros());
    measured(restored, 150, 5);
    List<Finding> findings = measured(restored, 20, 10); // releases the 150
    assertEquals(List.of(Change.RAISED), findings.stream().filter(f -> "threshold".equals(f.kind()))
        .map(Finding::change).toList());
  }

  /** A temperature the source measured {@code second} s after T0, received by us an hour later. */
  private static List<Finding> measured(TwinAnalytics analytics, double value, long second) {
    RecordedSample sample = new RecordedSample("temperature", value, Quality.GOOD, T0.plusSeconds(second), false);
    return analytics.recorded(List.of(sample), TwinTime.micros(T0.plus(HOUR).plusSeconds(second)));
  }
}
