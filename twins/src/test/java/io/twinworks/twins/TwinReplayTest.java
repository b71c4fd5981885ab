package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.T0;
import static io.twinworks.twins.Fixtures.record;
import static io.twinworks.twins.Fixtures.temp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.twinworks.twins.TwinCommand.CheckHeartbeat;
import io.twinworks.twins.TwinCommand.Configure;
import io.twinworks.twins.TwinCommand.HeartbeatDue;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replaying a twin's journal gives back every number and every alert, bit for bit. */
class TwinReplayTest {

  @RegisterExtension
  static final SensorTwinKit fromEvents = new SensorTwinKit(Fixtures.settings(1_000_000));
  @RegisterExtension
  static final SensorTwinKit fromSnapshots = new SensorTwinKit(Fixtures.settings(7));

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Test
  void replayingTheJournalRebuildsAnalyticsAndAlertsExactly() throws Exception {
    assertReplayIsExact(fromEvents.twin());
  }

  @Test
  void recoveringFromASnapshotAndTheEventsAfterItIsAsExact() throws Exception {
    assertReplayIsExact(fromSnapshots.twin());
  }

  private static void assertReplayIsExact(EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> twin)
      throws Exception {
    twin.<StatusReply<TwinConfig>>runCommand(r -> new Configure(TwinAlertsTest.QUICK_ZSCORE, r));
    for (int s = 0; s < 300; s++) {
      double spike = s % 97 == 96 ? 15 : 0;
      record(twin, temp(20 + 0.3 * Math.sin(s * 0.7) + spike, s), temp(19, s - 5)); // with a late one each time
    }
    twin.<HeartbeatDue>runCommand(r -> new CheckHeartbeat(T0.plusSeconds(400), r));
    record(twin, temp(20, 500));
    String before = JSON.writeValueAsString(TwinSnapshot.of(twin.getState()));
    String after = JSON.writeValueAsString(TwinSnapshot.of(twin.restart().state()));
    assertFalse(TwinSnapshot.of(twin.getState()).alerts().outbox().isEmpty(), "the series raised alerts");
    assertEquals(before, after);
  }
}
