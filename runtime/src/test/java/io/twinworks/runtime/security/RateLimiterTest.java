package io.twinworks.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final RateLimiter limiter = new RateLimiter(new RateLimit(2, 3), nanos::get);

  @Test
  void aBurstPassesThenTheRateApplies() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, limiter.acquire("acme-ops"), "request " + i + " of the burst of 3");
    }
    // Bucket empty; at 2 per second one request's worth takes 1 / 2 = 0.5 s.
    assertEquals(Duration.ofMillis(500), limiter.acquire("acme-ops"));
    nanos.addAndGet(Duration.ofMillis(200).toNanos());
    // 0.2 s refilled 0.2 * 2 = 0.4 of a request: 0.6 left to wait, 0.6 / 2 = 0.3 s.
    assertEquals(Duration.ofMillis(300), limiter.acquire("acme-ops"));
    nanos.addAndGet(Duration.ofMillis(300).toNanos());
    assertEquals(Duration.ZERO, limiter.acquire("acme-ops"));
  }

  @Test
  void eachTokenHasItsOwnBucket() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("acme-ops");
    }
    assertEquals(Duration.ZERO, limiter.acquire("beta-ops"));
  }

  @Test
  void theBucketHoldsNoMoreThanTheBurst() {
    limiter.acquire("acme-ops");
    nanos.addAndGet(Duration.ofHours(1).toNanos());
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, limiter.acquire("acme-ops"));
    }
    assertEquals(Duration.ofMillis(500), limiter.acquire("acme-ops"));
  }

  @Test
  void zeroPerSecondIsNoLimit() {
    RateLimiter off = new RateLimiter(RateLimit.OFF, nanos::get);
    for (int i = 0; i < 1000; i++) {
      assertEquals(Duration.ZERO, off.acquire("acme-ops"));
    }
  }
}
