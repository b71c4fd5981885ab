package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.PACK;
import static io.twinworks.twins.Fixtures.reading;
import static io.twinworks.twins.Fixtures.view;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.TwinCommand.RecordReadings;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class BatteryPackAlertsTest {

  private static final ActorTestKit testKit = ActorTestKit.create(Fixtures.eventSourcedConfig());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void cellsApartByMoreThanTheSpreadLimitForAMinuteRaiseCellImbalance() {
    EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> pack = EventSourcedBehaviorTestKit.create(
        testKit.system(), BatteryPackTwin.create(PACK, Fixtures.SETTINGS, testKit.system().ignoreRef()),
        Fixtures.SERIALIZATION);
    List<Reading> minute = new ArrayList<>();
    for (int s = 0; s <= 100; s += 5) {
      minute.add(reading(PACK, TwinKind.BATTERY_PACK, "cell.1.voltage", 3.70, s));
      minute.add(reading(PACK, TwinKind.BATTERY_PACK, "cell.2.voltage", 3.60, s));
    }
    // all in one batch: the rules must still see the pack at each time, not only at the last one
    pack.<StatusReply<Recorded>>runCommand(replyTo -> new RecordReadings(minute, replyTo));
    List<Alert> alerts = view(pack).alerts();
    assertEquals(List.of("cell-imbalance"), alerts.stream().map(Alert::kind).toList(), alerts.toString());
    Alert imbalance = alerts.get(0);
    assertEquals("voltage.spread", imbalance.signal());
    assertEquals(0.10, imbalance.value(), 1e-9); // 3.70 - 3.60
  }
}
