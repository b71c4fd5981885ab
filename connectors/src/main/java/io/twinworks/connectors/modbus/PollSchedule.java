package io.twinworks.connectors.modbus;

import io.twinworks.connectors.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a device's next poll starts: one interval after the last one started, or at once when that has passed (an
 * overrun poll is not made up for: polls never pile up); after failed connects, a backoff from {@code minBackoff}
 * doubling up to {@code maxBackoff}.
 */
record PollSchedule(Duration interval, Backoff backoff) {

  PollSchedule {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(backoff, "backoff");
  }

  static PollSchedule of(ModbusDevice device) {
    return new PollSchedule(device.pollInterval(), new Backoff(device.minBackoff(), device.maxBackoff(), 0));
  }

  /** The next start after a poll that started at {@code start} and ended at {@code now}, connected. */
  Instant next(Instant start, Instant now) {
    Instant due = start.plus(interval);
    return due.isAfter(now) ? due : now;
  }

  /** The next connect attempt after the {@code failures}th failed one in a row (from 1), ended at {@code now}. */
  Instant reconnect(int failures, Instant now) {
    return now.plus(backoff.delay(failures, 0));
  }
}
