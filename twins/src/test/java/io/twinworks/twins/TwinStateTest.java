package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.twinworks.twins.TwinEvent.ReadingsRecorded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwinStateTest {

  private static RecordedSample sample(double value, long second, boolean late) {
    return new RecordedSample("temperature", value, Quality.GOOD, T0.plusSeconds(second), late);
  }

  @Test
  void emptyStateHasNoSignalsAndWasNeverSeen() {
    TwinView view = Fixtures.emptySensor().view(Fixtures.SENSOR, TwinKind.SENSOR, TwinSummary.NONE);
    assertNull(view.lastSeen());
    assertEquals(Map.of(), view.signals());
    assertEquals(0, view.readings());
  }

  @Test
  void lateSampleIsRememberedButDoesNotMoveLatestBack() {
    TwinState state = Fixtures.emptySensor()
        .recorded(new ReadingsRecorded(List.of(sample(1, 10, false), sample(2, 5, true)), 3, T0.plusSeconds(11)));
    SignalState signal = state.signals().get("temperature");
    assertEquals(1, signal.value());
    assertEquals(TwinTime.micros(T0.plusSeconds(10)), signal.time());
    assertArrayEquals(new long[] {TwinTime.micros(T0.plusSeconds(10)), TwinTime.micros(T0.plusSeconds(5))},
        signal.recent());
    assertEquals(List.of(1L, 3L, 1L), List.of(state.readings(), state.duplicates(), state.late()));
  }

  @Test
  void lastSeenIsTheLatestReceiveTimeAcrossEvents() {
    TwinState state = Fixtures.emptySensor()
        .recorded(new ReadingsRecorded(List.of(sample(1, 10, false)), 0, T0.plusSeconds(20)))
        .recorded(new ReadingsRecorded(List.of(sample(2, 5, true)), 0, T0.plusSeconds(15)));
    assertEquals(T0.plusSeconds(20), state.view(Fixtures.SENSOR, TwinKind.SENSOR, TwinSummary.NONE).lastSeen());
  }

  @Test
  void viewListsSignalsByNameWithMicrosecondTimes() {
    RecordedSample b = new RecordedSample("b", 2, Quality.BAD, T0.plusNanos(1_234_567), false);
    RecordedSample a = new RecordedSample("a", 1, Quality.GOOD, T0, false);
    TwinView view = Fixtures.emptySensor().recorded(new ReadingsRecorded(List.of(b, a), 0, T0))
        .view(Fixtures.SENSOR, TwinKind.SENSOR, signals -> Map.of("n", (double) signals.size()));
    assertEquals(List.of("a", "b"), List.copyOf(view.signals().keySet()));
    assertEquals(new SignalValue(2, T0.plusNanos(1_234_000), Quality.BAD), view.signals().get("b"));
    assertEquals(Map.of("n", 2.0), view.summary());
  }

  @Test
  void microsecondTimesRoundTrip() {
    java.time.Instant t = java.time.Instant.parse("2024-05-01T10:00:00.123456Z");
    assertEquals(t, TwinTime.instant(TwinTime.micros(t)));
    assertEquals(TwinTime.LATEST, TwinTime.instant(TwinTime.micros(TwinTime.LATEST)));
  }
}
