package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.record;
import static io.twinworks.twins.Fixtures.temp;
import static io.twinworks.twins.Fixtures.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinCommand.Recorded;
import java.time.Duration;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TwinSnapshotRecoveryTest {

  private static final TwinSettings EVERY_TWO = Fixtures.settings(2);
  @RegisterExtension
  static final SensorTwinKit kit = new SensorTwinKit(EVERY_TWO);
  private final EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> twin = kit.twin();

  @Test
  void snapshotEveryNEventsAndRecoverFromIt() {
    for (int s = 1; s <= 5; s++) {
      record(twin, temp(s, s), temp(s, s - 1));
    }
    var snapshots = twin.snapshotTestKit().orElseThrow().persistedInStorage("sensor|default:temp-01");
    assertTrue(snapshots.size() >= 2, "snapshots: " + snapshots.size());
    TwinView before = view(twin);
    TwinState restored = twin.restart().state();
    assertEquals(before, restored.view(Fixtures.SENSOR, TwinKind.SENSOR, TwinSummary.NONE));
    assertEquals(5, before.readings());
    assertEquals(4, before.duplicates());
    assertEquals(StatusReply.success(new Recorded(0, 1, 0)), record(twin, temp(3, 3)).reply());
  }
}
