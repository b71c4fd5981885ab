package io.twinworks.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingEventsTest {

  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  private static LiveEvent delta(String twin, Map<String, Double> values, long second) {
    Map<String, LiveBatch.Signal> signals = new java.util.HashMap<>();
    values.forEach((name, value) -> signals.put(name, new LiveBatch.Signal(value, T0.plusSeconds(second), "good")));
    return new LiveEvent.Twin(new LiveBatch.Delta(twin, "sensor", signals, T0.plusSeconds(second)));
  }

  @Test
  void aTwinsDeltasMergeToTheLatestValueOfEachSignal() {
    PendingEvents pending = PendingEvents.of(List.of(delta("d:a", Map.of("t", 1.0, "p", 5.0), 1)), 10);
    for (int i = 2; i <= 1000; i++) {
      pending.add(delta("d:a", Map.of("t", (double) i), i));
    }
    List<LiveEvent> events = pending.events();
    assertEquals(1, events.size(), "a thousand deltas of one twin wait as one");
    LiveBatch.Delta merged = ((LiveEvent.Twin) events.get(0)).delta();
    assertEquals(1000.0, merged.signals().get("t").value());
    assertEquals(5.0, merged.signals().get("p").value(), "a signal only the first delta had keeps its value");
    assertEquals(T0.plusSeconds(1000), merged.receivedAt());
  }

  @Test
  void anOlderValueArrivingLaterDoesNotReplaceTheNewer() {
    PendingEvents pending = PendingEvents.of(List.of(delta("d:a", Map.of("t", 9.0), 9)), 10);
    pending.add(delta("d:a", Map.of("t", 3.0), 3));
    assertEquals(9.0, ((LiveEvent.Twin) pending.events().get(0)).delta().signals().get("t").value());
  }

  @Test
  void pastTheLimitNewTwinsAreDroppedAndWaitingOnesStillMerge() {
    PendingEvents pending = PendingEvents.of(List.of(delta("d:0", Map.of("t", 0.0), 0)), 3);
    for (int i = 1; i < 10; i++) {
      pending.add(delta("d:" + i, Map.of("t", (double) i), i));
    }
    pending.add(delta("d:0", Map.of("t", 42.0), 42));
    // Twins d:0, d:1, d:2 fill the 3 keys; d:3..d:9 (7 twins) are dropped; d:0 still merges.
    assertEquals(3, pending.events().size());
    assertEquals(7, pending.dropped());
    assertEquals(42.0, ((LiveEvent.Twin) pending.events().get(0)).delta().signals().get("t").value());
  }

  @Test
  void otherEventsReplaceTheEarlierOfTheirKey() {
    PendingEvents pending = PendingEvents.of(List.of(new LiveEvent.Ping(T0)), 10);
    pending.add(new LiveEvent.Ping(T0.plusSeconds(15)));
    pending.add(new LiveEvent.Added(new LiveBatch.Added("d:a", "sensor", "d")));
    assertEquals(List.of(new LiveEvent.Ping(T0.plusSeconds(15)),
        new LiveEvent.Added(new LiveBatch.Added("d:a", "sensor", "d"))), pending.events());
  }
}
