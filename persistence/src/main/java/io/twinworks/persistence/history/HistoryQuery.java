package io.twinworks.persistence.history;

import io.twinworks.twins.TwinId;
import java.time.Instant;
import java.util.Objects;

/**
 * A time range of one signal: {@code from} inclusive, {@code to} exclusive. Raw queries answer at most
 * {@code limit} points, oldest first; a caller pages by asking again from the last point's time + 1 µs.
 */
public record HistoryQuery(TwinId twinId, String signal, Instant from, Instant to, int limit) {

  public HistoryQuery {
    Objects.requireNonNull(twinId, "twinId");
    Objects.requireNonNull(signal, "signal");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("'from' must be before 'to'");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }
}
