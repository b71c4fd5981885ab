package io.twinworks.twins;

import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinEvent.ReadingsRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a batch of readings into new, late and duplicate against a twin's state and the batch itself.
 * A reading is a duplicate when its (signal, source time) was already applied; late when it is older
 * than the signal's latest but unknown.
 */
final class BatchClassifier {

  /** The outcome; {@code event} is empty when nothing needs persisting. */
  record Classified(Optional<ReadingsRecorded> event, Recorded counts) {}

  private BatchClassifier() {}

  static Classified classify(TwinState state, List<Reading> readings) {
    Map<String, Set<Long>> seenInBatch = new HashMap<>();
    Map<String, Long> latestInBatch = new HashMap<>();
    List<RecordedSample> samples = new ArrayList<>(readings.size());
    int duplicates = 0;
    int late = 0;
    Instant receivedAt = Instant.MIN;
    for (Reading reading : readings) {
      String signal = reading.signal();
      long at = TwinTime.micros(reading.sourceTime());
      SignalState known = state.signals().get(signal);
      if ((known != null && known.knows(at))
          || !seenInBatch.computeIfAbsent(signal, s -> new HashSet<>()).add(at)) {
        duplicates++;
        continue;
      }
      long latest = Math.max(known == null ? Long.MIN_VALUE : known.time(),
          latestInBatch.getOrDefault(signal, Long.MIN_VALUE));
      boolean isLate = at < latest;
      if (isLate) {
        late++;
      } else {
        latestInBatch.put(signal, at);
      }
      samples.add(RecordedSample.of(reading, isLate));
      if (reading.receivedTime().isAfter(receivedAt)) {
        receivedAt = reading.receivedTime();
      }
    }
    Recorded counts = new Recorded(samples.size() - late, duplicates, late);
    Optional<ReadingsRecorded> event = samples.isEmpty()
        ? Optional.empty()
        : Optional.of(new ReadingsRecorded(samples, duplicates, receivedAt));
    return new Classified(event, counts);
  }
}
