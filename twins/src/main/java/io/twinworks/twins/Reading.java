package io.twinworks.twins;

import java.time.Instant;
import java.util.Objects;

/**
 * One decoded value of one signal of one twin, as it leaves a connector.
 *
 * @param sourceTime when the source measured it (the payload's timestamp, or receive time if none)
 * @param receivedTime when Twinworks received it
 * @param origin where it came from, e.g. {@code mqtt:factory/line1/cnc01/telemetry}
 * @param seq a sequence number from the origin when it has one, else 0
 */
public record Reading(
    TwinId twinId,
    TwinKind kind,
    String signal,
    double value,
    Quality quality,
    Instant sourceTime,
    Instant receivedTime,
    String origin,
    long seq)
    implements CborSerializable {

  public Reading {
    Objects.requireNonNull(twinId, "twinId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(sourceTime, "sourceTime");
    Objects.requireNonNull(receivedTime, "receivedTime");
    Objects.requireNonNull(origin, "origin");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("reading value must be finite, was " + value);
    }
  }
}
