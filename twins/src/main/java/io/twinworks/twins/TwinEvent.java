package io.twinworks.twins;

import java.time.Instant;
import java.util.List;

/** Events every twin kind persists. */
public sealed interface TwinEvent extends CborSerializable {

  /**
   * One {@link TwinCommand.RecordReadings} batch, minus its duplicates.
   *
   * @param duplicates how many readings of the batch were dropped as already applied
   * @param receivedAt the latest receive time of the recorded samples
   */
  record ReadingsRecorded(List<RecordedSample> samples, int duplicates, Instant receivedAt)
      implements TwinEvent {

    public ReadingsRecorded {
      samples = List.copyOf(samples);
    }
  }
}
