package io.twinworks.runtime.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReceiveClockTest {

  @Test
  void timesTakenAtTheSameInstantAreOneMicrosecondApart() {
    Instant at = Instant.parse("2026-01-01T00:00:00.000001500Z");
    ReceiveClock clock = new ReceiveClock(Clock.fixed(at, ZoneOffset.UTC));
    assertEquals(Instant.parse("2026-01-01T00:00:00.000001Z"), clock.next(), "truncated to microseconds");
    assertEquals(Instant.parse("2026-01-01T00:00:00.000002Z"), clock.next());
    assertEquals(Instant.parse("2026-01-01T00:00:00.000003Z"), clock.next());
  }
}
