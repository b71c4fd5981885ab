package io.twinworks.twins.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import io.twinworks.twins.testing.Snapshots;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

  static final long SECOND = 1_000_000;
  static final long TIMEOUT = 30 * SECOND;

  @Test
  void aTwinNeverSeenIsUnknownAndCannotBeLost() {
    Heartbeat heartbeat = new Heartbeat(TIMEOUT);
    assertEquals(HealthStatus.UNKNOWN, heartbeat.status());
    assertEquals(Optional.empty(), heartbeat.check(1_000 * SECOND, TIMEOUT));
    assertEquals(OptionalLong.empty(), heartbeat.deadlineMicros());
  }

  @Test
  void raisesCommunicationLossOnceWhenSilentForTheTimeout() {
    Heartbeat heartbeat = new Heartbeat(TIMEOUT);
    assertEquals(Optional.empty(), heartbeat.seen(1 * SECOND));
    assertEquals(HealthStatus.ONLINE, heartbeat.status());
    assertEquals(OptionalLong.of(31 * SECOND), heartbeat.deadlineMicros(), "1 s + 30 s");
    assertEquals(Optional.empty(), heartbeat.check(31 * SECOND - 1, TIMEOUT), "silent 1 µs short of 30 s");

    Finding raised = heartbeat.check(31 * SECOND, TIMEOUT).orElseThrow();
    assertEquals(new Finding(Change.RAISED, "communication-loss", "heartbeat", Severity.WARNING,
        30.0, 30.0, 0.0, 31 * SECOND, Map.of("lastSeen", 1.0, "timeout", 30.0, "silentFor", 30.0)), raised);
    assertEquals(HealthStatus.COMMUNICATION_LOSS, heartbeat.status());
    assertEquals(Optional.empty(), heartbeat.check(40 * SECOND, TIMEOUT), "raised once");
    assertEquals(OptionalLong.empty(), heartbeat.deadlineMicros(), "nothing to wake for until a reading comes");
  }

  @Test
  void aReportedDeathLosesCommunicationAtOnce() {
    Heartbeat heartbeat = new Heartbeat(TIMEOUT);
    assertEquals(Optional.empty(), heartbeat.lost(2 * SECOND), "never seen: nothing to lose");
    heartbeat.seen(1 * SECOND);
    Finding raised = heartbeat.lost(3 * SECOND).orElseThrow();
    // silent from 1 s to 3 s: 2 s, 28 s short of the 30 s timeout
    assertEquals(new Finding(Change.RAISED, "communication-loss", "heartbeat", Severity.WARNING,
        2.0, 30.0, -28.0, 3 * SECOND,
        Map.of("lastSeen", 1.0, "timeout", 30.0, "silentFor", 2.0, "reportedDeath", 1.0)), raised);
    assertEquals(HealthStatus.COMMUNICATION_LOSS, heartbeat.status());
    assertEquals(Optional.empty(), heartbeat.lost(4 * SECOND), "lost once");
    assertEquals(Optional.empty(), heartbeat.check(40 * SECOND, TIMEOUT), "the timeout does not raise it again");
    assertEquals(Change.CLEARED, heartbeat.seen(5 * SECOND).orElseThrow().change());
  }

  @Test
  void theFirstReadingAfterALossClearsIt() {
    Heartbeat heartbeat = new Heartbeat(TIMEOUT);
    heartbeat.seen(1 * SECOND);
    heartbeat.check(35 * SECOND, TIMEOUT);
    Finding cleared = heartbeat.seen(45 * SECOND).orElseThrow();
    // silent from 1 s to 45 s: 44 s, 14 s past the 30 s timeout
    assertEquals(new Finding(Change.CLEARED, "communication-loss", "heartbeat", Severity.WARNING,
        44.0, 30.0, 14.0, 45 * SECOND, Map.of("lastSeen", 1.0, "timeout", 30.0, "silentFor", 44.0)), cleared);
    assertEquals(HealthStatus.ONLINE, heartbeat.status());
    assertEquals(OptionalLong.of(75 * SECOND), heartbeat.deadlineMicros(), "45 s + 30 s");
    assertEquals(Optional.empty(), heartbeat.seen(46 * SECOND), "cleared once");
  }

  @Test
  void aChangedTimeoutTakesEffectAtTheNextCheck() {
    Heartbeat heartbeat = new Heartbeat(TIMEOUT);
    heartbeat.seen(0);
    assertEquals(Change.RAISED, heartbeat.check(10 * SECOND, 10 * SECOND).orElseThrow().change());
    heartbeat.seen(10 * SECOND);
    assertEquals(OptionalLong.of(20 * SECOND), heartbeat.deadlineMicros(), "10 s + the new 10 s");
  }

  @Test
  void restoredFromASnapshotItContinuesExactlyAsTheOriginal() {
    Heartbeat original = new Heartbeat(TIMEOUT);
    original.seen(1 * SECOND);
    original.check(40 * SECOND, TIMEOUT);
    Heartbeat restored = Heartbeat.restore(TIMEOUT,
        Snapshots.roundTrip(original.state(), Heartbeat.State.class));
    assertEquals(HealthStatus.COMMUNICATION_LOSS, restored.status());
    assertEquals(original.check(50 * SECOND, TIMEOUT), restored.check(50 * SECOND, TIMEOUT));
    assertEquals(original.seen(60 * SECOND), restored.seen(60 * SECOND));
    assertEquals(original.state(), restored.state());
  }

  @Test
  void rejectsATimeoutThatIsNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> new Heartbeat(0));
    assertThrows(IllegalArgumentException.class, () -> new Heartbeat(TIMEOUT).check(0, -1));
  }
}
