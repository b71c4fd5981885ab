package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.MACHINE;
import static io.twinworks.twins.Fixtures.SETTINGS;
import static io.twinworks.twins.Fixtures.T0;
import static io.twinworks.twins.Fixtures.reading;
import static io.twinworks.twins.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinCommand.GetOee;
import io.twinworks.twins.oee.OeeBucket;
import io.twinworks.twins.oee.OeeWindow;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A machine twin puts late run state and counter readings in their OEE windows, and replays to the same. */
class TwinOeeRevisionTest {

  private static final ActorTestKit testKit = ActorTestKit.create(Fixtures.eventSourcedConfig());
  private static final EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> machine =
      EventSourcedBehaviorTestKit.create(testKit.system(),
          MachineTwin.create(MACHINE, SETTINGS, testKit.system().ignoreRef()),
          EventSourcedBehaviorTestKit.disabledSerializationSettings()); // the OEE reply is local only

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void lateReadingsLandInTheirWindowsAndAReplayAgrees() {
    machine.clear();
    record(machine, machineReading("run_status", 1, 0)); // RUN from 10:00 (T0)
    for (int s = 60; s <= 900; s += 60) {
      if (s != 540) {
        record(machine, machineReading("cycle_count", s / 2.0, s)); // 30 parts a minute
      }
    }
    // STOP at 10:10 arrives after 10:15; the 10:09 counter reading after the 10:10..10:15 ones (flagged late).
    record(machine, machineReading("run_status", 0, 600));
    assertTrue(record(machine, machineReading("cycle_count", 270, 540)).event() instanceof
        TwinEvent.ReadingsRecorded recorded && recorded.samples().get(0).late());

    OeeWindow first = quarterHours().get(0);
    assertEquals(T0, first.start());
    assertEquals(900, first.plannedSeconds()); // the default calendar: 24/7, no breaks
    assertEquals(600, first.runSeconds()); // RUN 10:00..10:10 only, the late STOP in its place
    assertEquals(390, first.totalCount()); // 420 at 10:14 - 30 at 10:01 (the first reading is the base); the late 10:09 one adds none

    List<OeeWindow> before = quarterHours();
    machine.restart();
    assertEquals(before, quarterHours());
  }

  @Test
  void aSilentMachineWhoseClockIsAnHourBehindClosesItsWindowsAtItsOwnTime() {
    machine.clear();
    Instant received = T0.plusSeconds(3600 + 300);
    record(machine, new Reading(MACHINE, TwinKind.MACHINE, "run_status", 1, Quality.GOOD, T0, T0.plusSeconds(3600),
        "test", 0));
    record(machine, new Reading(MACHINE, TwinKind.MACHINE, "cycle_count", 10, Quality.GOOD, T0.plusSeconds(300),
        received, "test", 0));
    machine.<TwinCommand.HeartbeatDue>runCommand(r -> new TwinCommand.CheckHeartbeat(received.plusSeconds(60), r));

    List<OeeWindow> windows = machine.<StatusReply<List<OeeWindow>>>runCommand(
        r -> new GetOee(OeeBucket.QUARTER_HOUR, T0, T0.plusSeconds(7200), r)).reply().getValue();
    assertEquals(List.of(T0), windows.stream().map(OeeWindow::start).toList(),
        "silent for a minute of the machine's time: still in its first quarter hour, not an hour on");
  }

  private static List<OeeWindow> quarterHours() {
    return machine.<StatusReply<List<OeeWindow>>>runCommand(
        r -> new GetOee(OeeBucket.QUARTER_HOUR, T0, T0.plusSeconds(3600), r)).reply().getValue();
  }

  private static Reading machineReading(String signal, double value, long second) {
    return reading(MACHINE, TwinKind.MACHINE, signal, value, second);
  }
}
