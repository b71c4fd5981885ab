package io.twinworks.runtime.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per token name. The names are the configured tokens', so the map is bounded by the
 * configuration. A stream (SSE, WebSocket) is one request: it counts once, when it opens.
 */
public final class RateLimiter {

  private final RateLimit limit;
  private final LongSupplier nanoClock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(RateLimit limit, LongSupplier nanoClock) {
    this.limit = limit;
    this.nanoClock = nanoClock;
  }

  public static RateLimiter systemClock(RateLimit limit) {
    return new RateLimiter(limit, System::nanoTime);
  }

  /** Zero when {@code tokenName} may make a request now, else how long until it may. */
  public Duration acquire(String tokenName) {
    if (!limit.enabled()) {
      return Duration.ZERO;
    }
    long now = nanoClock.getAsLong();
    return Duration.ofNanos(buckets
        .computeIfAbsent(tokenName, name -> new TokenBucket(limit.perSecond(), limit.burst(), now))
        .take(now));
  }
}
