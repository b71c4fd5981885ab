package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.SETTINGS;
import static io.twinworks.twins.Fixtures.T0;
import static io.twinworks.twins.Fixtures.record;
import static io.twinworks.twins.Fixtures.temp;
import static io.twinworks.twins.Fixtures.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinEvent.ReadingsRecorded;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TwinDeduplicationTest {

  @RegisterExtension
  static final SensorTwinKit kit = new SensorTwinKit(SETTINGS);
  private final EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> twin = kit.twin();

  @Test
  void aBatchIsPersistedAsOneEvent() {
    var result = record(twin, temp(20, 1), temp(21, 2), temp(22, 3));
    assertEquals(StatusReply.success(new Recorded(3, 0, 0)), result.reply());
    assertEquals(1, result.events().size());
    assertEquals(3, ((ReadingsRecorded) result.event()).samples().size());
    TwinView view = view(twin);
    assertEquals(new SignalValue(22, T0.plusSeconds(3), Quality.GOOD), view.signals().get("temperature"));
    assertEquals(T0.plusSeconds(3).plusMillis(100), view.lastSeen());
  }

  @Test
  void anAllDuplicateBatchPersistsNothing() {
    record(twin, temp(20, 1), temp(21, 2));
    var again = record(twin, temp(20, 1), temp(21, 2));
    assertEquals(StatusReply.success(new Recorded(0, 2, 0)), again.reply());
    assertTrue(again.hasNoEvents());
    assertEquals(1, twin.persistenceTestKit().persistedInStorage("sensor|default:temp-01").size());
  }

  @Test
  void duplicatesInsideABatchAreDroppedAndCounted() {
    var result = record(twin, temp(20, 1), temp(20, 1), temp(21, 2));
    assertEquals(StatusReply.success(new Recorded(2, 1, 0)), result.reply());
    assertEquals(1, ((ReadingsRecorded) result.event()).duplicates());
    assertEquals(1, view(twin).duplicates());
  }

  @Test
  void lateReadingIsStoredButLatestStays() {
    record(twin, temp(25, 10));
    var late = record(twin, temp(19, 5), temp(26, 11));
    assertEquals(StatusReply.success(new Recorded(1, 0, 1)), late.reply());
    ReadingsRecorded event = (ReadingsRecorded) late.event();
    assertTrue(event.samples().get(0).late());
    TwinView view = view(twin);
    assertEquals(26, view.signals().get("temperature").value());
    assertEquals(2, view.readings());
    assertEquals(1, view.late());
  }

  @Test
  void redeliveredLateReadingIsADuplicate() {
    record(twin, temp(25, 10), temp(19, 5));
    assertEquals(StatusReply.success(new Recorded(0, 1, 0)), record(twin, temp(19, 5)).reply());
  }

  @Test
  void recoveryReproducesStateAndKeepsDeduplicating() {
    record(twin, temp(20, 1), temp(21, 2));
    record(twin, temp(19, 0), temp(21, 2), temp(22, 3));
    TwinView before = view(twin);
    twin.restart();
    assertEquals(before, view(twin));
    var again = record(twin, temp(20, 1), temp(19, 0), temp(22, 3));
    assertEquals(StatusReply.success(new Recorded(0, 3, 0)), again.reply());
    assertTrue(again.hasNoEvents());
  }
}
