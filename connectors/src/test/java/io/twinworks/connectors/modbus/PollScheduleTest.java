package io.twinworks.connectors.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.connectors.Backoff;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private final PollSchedule schedule = new PollSchedule(Duration.ofSeconds(1),
      new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), 0));

  @Test
  void nextPollStartsOneIntervalAfterTheLastStarted() {
    // started at 0 s, done at 0.3 s: the next starts at 0 + 1 = 1 s, not 1.3 s
    assertEquals(T0.plusSeconds(1), schedule.next(T0, T0.plusMillis(300)));
  }

  @Test
  void anOverrunPollIsFollowedAtOnceWithoutCatchingUp() {
    // started at 0 s, done at 2.7 s: polls due at 1 s and 2 s are not made up for; the next starts at 2.7 s
    assertEquals(T0.plusMillis(2700), schedule.next(T0, T0.plusMillis(2700)));
  }

  @Test
  void zeroIntervalPollsBackToBack() {
    assertEquals(T0.plusMillis(4), new PollSchedule(Duration.ZERO, schedule.backoff()).next(T0, T0.plusMillis(4)));
  }

  @Test
  void reconnectsBackOffDoublingUpToTheMaximum() {
    // 0.5 s, then 1 s, 2 s, then 4 s capped at 3 s, and 3 s from then on
    assertEquals(T0.plusMillis(500), schedule.reconnect(1, T0));
    assertEquals(T0.plusMillis(1000), schedule.reconnect(2, T0));
    assertEquals(T0.plusMillis(2000), schedule.reconnect(3, T0));
    assertEquals(T0.plusMillis(3000), schedule.reconnect(4, T0));
    assertEquals(T0.plusMillis(3000), schedule.reconnect(40, T0));
  }
}
