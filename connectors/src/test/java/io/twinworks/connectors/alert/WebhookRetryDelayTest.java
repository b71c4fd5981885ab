package io.twinworks.connectors.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.connectors.Backoff;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WebhookRetryDelayTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2);

  @Test
  void doublesFromMinUpToMax() {
    // 1s × 2^(n−1) for n = 1..7 is 1, 2, 4, 8, 16, 32, 64 → capped at 60
    assertEquals(IntStream.of(1, 2, 4, 8, 16, 32, 60).mapToObj(Duration::ofSeconds).toList(),
        IntStream.rangeClosed(1, 7).mapToObj(n -> backoff.delay(n, 0)).toList());
  }

  @Test
  void jitterAddsUpToRandomFactor() {
    Backoff quarter = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.25);
    assertEquals(Duration.ofMillis(4_500), quarter.delay(3, 0.5)); // 4 s × (1 + 0.25 × 0.5) = 4.5 s
    assertEquals(Duration.ofMillis(71_250), quarter.delay(40, 0.75)); // 60 s × (1 + 0.25 × 0.75) = 71.25 s
  }

  @Test
  void hugeRetryNumbersStayAtMax() {
    assertEquals(Duration.ofSeconds(60), backoff.delay(Integer.MAX_VALUE, 0));
  }

  @Test
  void retryAfterIsCappedAtMax() {
    assertEquals(Duration.ofSeconds(5), backoff.capped(Duration.ofSeconds(5)));
    assertEquals(Duration.ofSeconds(60), backoff.capped(Duration.ofSeconds(3600)));
  }

  @Test
  void retriesConnectionLevelAndOverloadStatusesOnly() {
    assertTrue(IntStream.of(500, 502, 503, 504, 599, 408, 429).allMatch(EndpointQueue::retriable));
    assertFalse(IntStream.of(200, 301, 400, 401, 403, 404, 409, 410, 413, 422).anyMatch(EndpointQueue::retriable));
  }

  @Test
  void rejectsInvalidBackoff() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5));
    assertThrows(IllegalArgumentException.class, () -> backoff.delay(0, 0));
  }
}
