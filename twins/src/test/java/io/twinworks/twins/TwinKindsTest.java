package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.MACHINE;
import static io.twinworks.twins.Fixtures.PACK;
import static io.twinworks.twins.Fixtures.SETTINGS;
import static io.twinworks.twins.Fixtures.SENSOR;
import static io.twinworks.twins.Fixtures.reading;
import static io.twinworks.twins.Fixtures.record;
import static io.twinworks.twins.Fixtures.view;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each kind's entity key, persistence id and summary, through its behavior. */
class TwinKindsTest {

  private static final ActorTestKit testKit = ActorTestKit.create(Fixtures.eventSourcedConfig());

  private static EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> kit(
      org.apache.pekko.actor.typed.Behavior<TwinCommand> behavior) {
    var kit = EventSourcedBehaviorTestKit.<TwinCommand, TwinEvent, TwinState>create(
        testKit.system(), behavior, Fixtures.SERIALIZATION);
    kit.clear();
    return kit;
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void entityKeysAreNamedByKind() {
    assertEquals("sensor", Twins.entityKey(TwinKind.SENSOR).name());
    assertEquals("machine", Twins.entityKey(TwinKind.MACHINE).name());
    assertEquals("battery-pack", Twins.entityKey(TwinKind.BATTERY_PACK).name());
  }

  @Test
  void sensorHasAnEmptySummaryAndPersistsUnderItsKey() {
    var sensor = kit(SensorTwin.create(SENSOR, SETTINGS, testKit.system().ignoreRef()));
    record(sensor, reading(SENSOR, TwinKind.SENSOR, "temperature", 42.5, 1));
    assertEquals(Map.of(), view(sensor).summary());
    assertEquals(TwinKind.SENSOR, view(sensor).kind());
    assertEquals(1, sensor.persistenceTestKit().persistedInStorage("sensor|default:temp-01").size());
  }

  @Test
  void machineReportsWhetherItRuns() {
    var machine = kit(MachineTwin.create(MACHINE, SETTINGS, testKit.system().ignoreRef()));
    record(machine, reading(MACHINE, TwinKind.MACHINE, "run_status", MachineSummary.RUN, 1));
    assertEquals(Map.of("running", 1.0), view(machine).summary());
    record(machine, reading(MACHINE, TwinKind.MACHINE, "state", MachineSummary.MAINTENANCE, 2));
    assertEquals(Map.of("running", 0.0), view(machine).summary());
    assertEquals(2, machine.persistenceTestKit().persistedInStorage("machine|default:line1:cnc01").size());
  }

  @Test
  void batteryPackSummarisesItsCells() {
    var pack = kit(BatteryPackTwin.create(PACK, SETTINGS, testKit.system().ignoreRef()));
    record(pack,
        reading(PACK, TwinKind.BATTERY_PACK, "cell.1.voltage", 3.6, 1),
        reading(PACK, TwinKind.BATTERY_PACK, "cell.2.voltage", 3.9, 1),
        reading(PACK, TwinKind.BATTERY_PACK, "cell.2.temperature", 41, 1),
        reading(PACK, TwinKind.BATTERY_PACK, "cell.1.soc", 55, 1));
    Map<String, Double> summary = view(pack).summary();
    assertEquals(2.0, summary.get("cells"));
    assertEquals(3.6, summary.get("voltage.min"));
    assertEquals(3.9, summary.get("voltage.max"));
    assertEquals(0.3, summary.get("voltage.spread"), 1e-9);
    assertEquals(41.0, summary.get("temperature.max"));
    assertEquals(55.0, summary.get("soc.avg"));
    assertEquals(1, pack.persistenceTestKit().persistedInStorage("battery-pack|acme:p1:r1:pk7").size());
  }
}
