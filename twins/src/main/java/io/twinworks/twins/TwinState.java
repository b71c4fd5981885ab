package io.twinworks.twins;

import io.twinworks.twins.TwinEvent.ReadingsRecorded;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A twin's state, rebuilt from its events. Counters are disjoint: {@code readings} counts in-order
 * readings, {@code late} the out-of-order ones also stored, {@code duplicates} those dropped in batches
 * that recorded something (an all-duplicate batch persists nothing, so it is only in its reply).
 *
 * @param lastSeenMicros latest receive time of a recorded reading, epoch micros, or {@link #NEVER}
 */
public record TwinState(
    Map<String, SignalState> signals, long lastSeenMicros, long readings, long duplicates, long late)
    implements CborSerializable {

  public static final long NEVER = Long.MIN_VALUE;
  private static final TwinState EMPTY = new TwinState(Map.of(), NEVER, 0, 0, 0);

  public TwinState {
    signals = Map.copyOf(signals);
  }

  public static TwinState empty() {
    return EMPTY;
  }

  TwinState recorded(ReadingsRecorded event) {
    Map<String, SignalState> next = new HashMap<>(signals);
    int lateCount = 0;
    for (RecordedSample sample : event.samples()) {
      next.merge(sample.signal(), SignalState.first(sample), (old, ignored) -> old.applied(sample));
      lateCount += sample.late() ? 1 : 0;
    }
    long seen = Math.max(lastSeenMicros, TwinTime.micros(event.receivedAt()));
    return new TwinState(next, seen, readings + event.samples().size() - lateCount,
        duplicates + event.duplicates(), late + lateCount);
  }

  TwinView view(TwinId id, TwinKind kind, TwinSummary summary) {
    Map<String, SignalValue> values = new TreeMap<>();
    signals.forEach((name, signal) -> values.put(name, signal.toValue()));
    Map<String, SignalValue> sorted = Collections.unmodifiableMap(values);
    return new TwinView(id, kind, lastSeenMicros == NEVER ? null : TwinTime.instant(lastSeenMicros),
        sorted, readings, duplicates, late, Collections.unmodifiableMap(new TreeMap<>(summary.of(sorted))));
  }
}
