package io.twinworks.runtime.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receive times that never repeat: each call is at least one microsecond after the previous one. A
 * payload without a timestamp takes its receive time as source time, and twins drop a second reading
 * of a signal at the same source time as a duplicate; two messages taken in the same microsecond (or
 * the same batch) must not look like one.
 */
final class ReceiveClock {

  private final Clock clock;
  private final AtomicLong lastMicros = new AtomicLong(Long.MIN_VALUE);

  ReceiveClock(Clock clock) {
    this.clock = clock;
  }

  Instant next() {
    Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    long taken = lastMicros.accumulateAndGet(micros, (last, candidate) -> Math.max(last + 1, candidate));
    return Instant.ofEpochSecond(Math.floorDiv(taken, 1_000_000L), Math.floorMod(taken, 1_000_000L) * 1_000L);
  }
}
