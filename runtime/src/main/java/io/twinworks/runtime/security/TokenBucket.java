package io.twinworks.runtime.security;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Time is a parameter (nanoseconds of
 * any monotonic clock), so tests need no clock. Thread-safe.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double perSecond;
  private final double burst;
  private double available;
  private long lastNanos;

  TokenBucket(double perSecond, int burst, long nowNanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.available = burst;
    this.lastNanos = nowNanos;
  }

  /** Takes one request's worth: 0 when allowed, else the nanoseconds until one is available (nothing taken). */
  synchronized long take(long nowNanos) {
    available = Math.min(burst, available + (nowNanos - lastNanos) / NANOS_PER_SECOND * perSecond);
    lastNanos = nowNanos;
    if (available >= 1) {
      available -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - available) / perSecond * NANOS_PER_SECOND);
  }
}
