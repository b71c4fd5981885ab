package io.twinworks.runtime.bench;

import io.twinworks.runtime.bench.WindowedPublisher.Outgoing;
import java.time.Instant;
import java.util.Optional;

/** A fleet's publishes for one run: until its length is reached, in readings or in time from the first publish. */
final class BoundedLoad implements WindowedPublisher.Source {

  private final LoadFleet fleet;
  private final LoadLength length;
  private long startNanos;
  private long readings;
  private boolean started;

  BoundedLoad(LoadFleet fleet, LoadLength length) {
    this.fleet = fleet;
    this.length = length;
  }

  @Override
  public Optional<Outgoing> next() {
    long now = System.nanoTime();
    if (!started) {
      started = true;
      startNanos = now;
    }
    if (length.reached(readings, now - startNanos)) {
      return Optional.empty();
    }
    Outgoing message = fleet.next(Instant.now());
    readings += message.readings();
    return Optional.of(message);
  }
}
