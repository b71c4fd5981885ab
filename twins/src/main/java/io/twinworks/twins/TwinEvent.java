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

  /** The heartbeat check found the twin silent at {@code at} (our clock): communication loss. */
  record HeartbeatChecked(Instant at) implements TwinEvent {}

  /**
   * The twin's source reported at {@code at} (our clock) that it is gone, e.g. a Sparkplug NDEATH: communication
   * loss at once, without waiting for the heartbeat timeout.
   *
   * @param cause what reported it, for people reading the journal, e.g. {@code sparkplug NDEATH of plant1/edge7}
   */
  record CommunicationLost(Instant at, String cause) implements TwinEvent {}

  /** The twin's own configuration was replaced (PUT /twins/{id}/config). */
  record ConfigChanged(TwinConfig config) implements TwinEvent {}

  /** Someone acknowledged an active alert. */
  record AlertAcknowledged(String alertId, Instant at) implements TwinEvent {}

  /** The alert hub has the twin's alert changes up to and including number {@code upTo}. */
  record AlertsDelivered(long upTo) implements TwinEvent {}
}
