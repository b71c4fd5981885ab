package io.twinworks.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * A piece of a store's periodic upkeep that its opener runs (see {@link Upkeep#BY_CALLER}), e.g. the Cassandra
 * telemetry rollups.
 *
 * @param name for logs, e.g. {@code rollups}
 * @param interval the pause between the end of one pass and the start of the next
 * @param pass one pass; blocking, so run it on a blocking executor
 */
public record StoreJob(String name, Duration interval, Runnable pass) {

  public StoreJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(pass, "pass");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("a store job's interval must be positive, was " + interval);
    }
  }
}
