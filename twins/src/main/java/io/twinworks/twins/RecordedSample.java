package io.twinworks.twins;

import java.time.Instant;

/**
 * The persisted form of one applied reading: what the twin needs to rebuild its state and what history
 * needs, without the batch-wide fields of {@link Reading}.
 *
 * @param late older than the signal's latest value when applied: kept for history, not as latest
 */
public record RecordedSample(String signal, double value, Quality quality, Instant sourceTime, boolean late)
    implements CborSerializable {

  static RecordedSample of(Reading reading, boolean late) {
    return new RecordedSample(reading.signal(), reading.value(), reading.quality(), reading.sourceTime(), late);
  }
}
