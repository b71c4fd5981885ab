package io.twinworks.connectors;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with jitter, as Pekko's restart settings compute it: retry {@code n} (from 1) waits
 * {@code min(max, min × 2^(n−1)) × (1 + randomFactor × r)} for a random {@code r} in [0, 1), so at most
 * {@code max × (1 + randomFactor)}. The caller supplies {@code r}, which keeps tests deterministic.
 */
public record Backoff(Duration min, Duration max, double randomFactor) {

  public Backoff {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < min <= max, was " + min + " and " + max);
    }
    if (!(randomFactor >= 0 && randomFactor <= 1)) {
      throw new IllegalArgumentException("random factor must be between 0 and 1, was " + randomFactor);
    }
  }

  /**
   * @param retry 1 for the first retry
   * @param random a number in [0, 1)
   */
  public Duration delay(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry counts from 1, was " + retry);
    }
    double doubled = min.toNanos() * Math.pow(2, Math.min(retry - 1, 62));
    double base = Math.min(max.toNanos(), doubled);
    return Duration.ofNanos((long) (base * (1 + randomFactor * random)));
  }

  /** A delay the other side asked for (e.g. {@code Retry-After}), capped at {@link #max()}. */
  public Duration capped(Duration asked) {
    return asked.compareTo(max) > 0 ? max : asked;
  }
}
