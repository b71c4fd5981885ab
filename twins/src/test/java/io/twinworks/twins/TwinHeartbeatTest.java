package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.T0;
import static io.twinworks.twins.Fixtures.record;
import static io.twinworks.twins.Fixtures.temp;
import static io.twinworks.twins.Fixtures.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.twinworks.twins.TwinCommand.CheckHeartbeat;
import io.twinworks.twins.TwinCommand.HeartbeatDue;
import io.twinworks.twins.TwinCommand.MarkCommunicationLost;
import io.twinworks.twins.TwinEvent.CommunicationLost;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.heartbeat.HealthStatus;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TwinHeartbeatTest {

  @RegisterExtension
  static final SensorTwinKit kit = new SensorTwinKit(Fixtures.SETTINGS);
  private final EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> twin = kit.twin();

  private EventSourcedBehaviorTestKit.CommandResultWithReply<TwinCommand, TwinEvent, TwinState, HeartbeatDue> check(
      Instant now) {
    return twin.runCommand(replyTo -> new CheckHeartbeat(now, replyTo));
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<TwinCommand, TwinEvent, TwinState, StatusReply<Done>>
      markLost(Instant at, String cause) {
    return twin.runCommand(replyTo -> new MarkCommunicationLost(at, cause, replyTo));
  }

  @Test
  void aTwinNeverSeenHasNoDeadlineAndIsUnknown() {
    var result = check(T0);
    assertNull(result.reply().deadline());
    assertEquals(HealthStatus.UNKNOWN, result.reply().health());
    assertEquals(List.of(), result.events());
  }

  @Test
  void aReportedDeathLosesCommunicationAtOnceAndReplaysTheSame() {
    record(twin, temp(20, 0)); // received at T0 + 100 ms
    Instant death = T0.plusSeconds(2);
    var lost = markLost(death, "sparkplug NDEATH");
    assertEquals(List.of(new CommunicationLost(death, "sparkplug NDEATH")), lost.events());
    assertEquals(HealthStatus.COMMUNICATION_LOSS, view(twin).health());
    Alert alert = view(twin).alerts().get(0);
    assertEquals("communication-loss", alert.kind());
    assertEquals(death, alert.raisedAt());
    assertEquals(1.0, alert.evidence().get("reportedDeath"));

    twin.restart();
    assertEquals(HealthStatus.COMMUNICATION_LOSS, view(twin).health(), "the journal gives the loss again");
    assertEquals(List.of(), markLost(death.plusSeconds(1), "again").events(), "already lost: nothing persisted");

    record(twin, temp(21, 3_000));
    assertEquals(HealthStatus.ONLINE, view(twin).health());
    assertEquals(List.of(), view(twin).alerts());
  }

  @Test
  void aSilentTwinLosesCommunicationAfterItsTimeoutAndTheNextReadingRestoresIt() {
    record(twin, temp(20, 0)); // received at T0 + 100 ms; default timeout 30 s
    Instant received = T0.plusMillis(100);

    var early = check(received.plusSeconds(29));
    assertEquals(List.of(), early.events(), "not silent yet: nothing persisted");
    assertEquals(received.plusSeconds(30), early.reply().deadline());
    assertEquals(HealthStatus.ONLINE, early.reply().health());

    var late = check(received.plusSeconds(30));
    assertEquals(1, late.events().size());
    assertEquals(HealthStatus.COMMUNICATION_LOSS, late.reply().health());
    TwinView lost = view(twin);
    assertEquals(HealthStatus.COMMUNICATION_LOSS, lost.health());
    Alert alert = lost.alerts().get(0);
    assertEquals("communication-loss", alert.kind());
    assertEquals(received.plusSeconds(30), alert.raisedAt());
    assertEquals(20, lost.signals().get("temperature").value(), "the last good value is kept");
    assertEquals(Quality.UNCERTAIN, lost.signals().get("temperature").quality());

    assertEquals(List.of(), check(received.plusSeconds(60)).events(), "lost once, not again");

    record(twin, temp(21, 100));
    assertEquals(HealthStatus.ONLINE, view(twin).health());
    assertEquals(Quality.GOOD, view(twin).signals().get("temperature").quality());
    assertEquals(List.of(), view(twin).alerts());
  }
}
