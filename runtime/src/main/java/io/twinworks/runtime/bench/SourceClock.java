package io.twinworks.runtime.bench;

import java.time.Instant;

/**
 * Source times of one twin's publishes: now, to the millisecond, but at least a millisecond after the previous
 * one. A twin drops a second reading of a signal at the same source time as a duplicate, and the sensor payload
 * carries epoch milliseconds, so two publishes of one twin must not share a millisecond. A twin asked to publish
 * more than 1,000 times a second therefore runs ahead of the clock. Not thread-safe: one publishing thread.
 */
final class SourceClock {

  private long lastMillis = Long.MIN_VALUE;

  Instant next(Instant now) {
    lastMillis = Math.max(now.toEpochMilli(), lastMillis + 1);
    return Instant.ofEpochMilli(lastMillis);
  }
}
