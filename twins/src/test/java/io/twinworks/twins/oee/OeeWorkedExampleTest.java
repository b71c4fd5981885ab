package io.twinworks.twins.oee;

import static io.twinworks.twins.oee.OeeFixtures.MINUTE;
import static io.twinworks.twins.oee.OeeFixtures.SECOND;
import static io.twinworks.twins.oee.OeeFixtures.at;
import static io.twinworks.twins.oee.OeeFixtures.percent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The classic worked example: a 480 min shift with 60 min of breaks, 47 min of unplanned downtime,
 * ideal cycle time 1.0 s, 19,271 parts of which 423 rejects. Fed as telemetry: state changes as
 * they happen and both counters read at the end of every minute.
 */
class OeeWorkedExampleTest {

  static final String CALENDAR = """
      ideal-cycle-time = 1s
      calendar {
        zone = UTC
        shifts = [{ name = early, start = "06:00", end = "14:00", days = [MON,TUE,WED,THU,FRI],
          breaks = [{ start = "08:00", end = "08:15" }, { start = "10:00", end = "10:30" },
                    { start = "12:00", end = "12:15" }] }]
      }
      """;
  private static final long SHIFT_START = at("2024-03-04T06:00:00Z"); // a Monday
  private static final long SHIFT_END = SHIFT_START + 480 * MINUTE;
  private static final long TOTAL = 19_271;
  private static final long REJECTS = 423;

  /** Run state changes: breaks as IDLE, the downtime 11:00-11:47 as STOP. */
  private static final Map<Long, Integer> STATE_CHANGES = new TreeMap<>(Map.ofEntries(
      Map.entry(at("2024-03-04T05:50:00Z"), 2), Map.entry(at("2024-03-04T06:00:00Z"), 1),
      Map.entry(at("2024-03-04T08:00:00Z"), 2), Map.entry(at("2024-03-04T08:15:00Z"), 1),
      Map.entry(at("2024-03-04T10:00:00Z"), 2), Map.entry(at("2024-03-04T10:30:00Z"), 1),
      Map.entry(at("2024-03-04T11:00:00Z"), 0), Map.entry(at("2024-03-04T11:47:00Z"), 1),
      Map.entry(at("2024-03-04T12:00:00Z"), 2), Map.entry(at("2024-03-04T12:15:00Z"), 1),
      Map.entry(at("2024-03-04T14:00:00Z"), 2)));

  @Test
  void shiftWindowReproducesTheClassicFigures() {
    OeeAccumulator oee = new OeeAccumulator(OeeFixtures.settings(CALENDAR));
    feedShift(oee);
    oee.advanceTo(SHIFT_END);

    List<OeeWindow> shifts = oee.windows(OeeBucket.SHIFT, SHIFT_START, SHIFT_END);
    assertEquals(1, shifts.size());
    OeeWindow shift = shifts.get(0);
    assertEquals("early", shift.shift());
    assertFalse(shift.partial());
    assertEquals(25_200, shift.plannedSeconds()); // (480 - 60) min * 60
    assertEquals(22_380, shift.runSeconds()); // (420 - 47) min * 60
    assertEquals(19_271, shift.totalCount());
    assertEquals(18_848, shift.goodCount()); // 19271 - 423
    assertEquals(88.81, percent(shift.availability())); // 373 / 420 = 0.888095
    assertEquals(86.11, percent(shift.performance())); // 19271 s / 22380 s = 0.861081
    assertEquals(97.80, percent(shift.quality())); // 18848 / 19271 = 0.978050
    assertEquals(74.79, percent(shift.oee())); // 0.888095 * 0.861081 * 0.978050 = 0.747931
    assertEquals((373.0 / 420.0) * (19271.0 / 22380.0) * (18848.0 / 19271.0), shift.oee(), 0.0,
        "the same double as the formula, not merely close");
  }

  @Test
  void hourWindowsShowTheDowntimeHour() {
    OeeAccumulator oee = new OeeAccumulator(OeeFixtures.settings(CALENDAR));
    feedShift(oee);
    oee.advanceTo(SHIFT_END);

    OeeWindow eleven = oee.windows(OeeBucket.HOUR, at("2024-03-04T11:00:00Z"), at("2024-03-04T11:00:01Z")).get(0);
    assertEquals(3_600, eleven.plannedSeconds()); // no break between 11:00 and 12:00
    assertEquals(780, eleven.runSeconds()); // 11:47..12:00 = 13 min
    assertEquals(13.0 / 60.0, eleven.availability(), 0.0);
    assertEquals(8, oee.windows(OeeBucket.HOUR, SHIFT_START, SHIFT_END).size(), "06:00..14:00 hour by hour");
  }

  /** Telemetry from 05:50 to 13:59:59: every state change, and both counters at second 59 of each minute. */
  static void feedShift(OeeAccumulator oee) {
    long runMinutes = 0;
    long start = at("2024-03-04T05:50:00Z");
    for (long minute = start; minute < SHIFT_END; minute += MINUTE) {
      Integer state = STATE_CHANGES.get(minute);
      if (state != null) {
        oee.onReading(OeeAccumulator.RUN_STATUS, state, minute);
      }
      if (minute >= SHIFT_START && running(minute)) {
        runMinutes++;
      }
      long readAt = minute + 59 * SECOND;
      // Counters that had counted long before: 1,000,000 parts and 5,000 rejects at 05:50.
      oee.onReading(OeeAccumulator.CYCLE_COUNT, 1_000_000 + TOTAL * runMinutes / 373, readAt);
      oee.onReading(OeeAccumulator.DEFECT_COUNT, 5_000 + REJECTS * runMinutes / 373, readAt);
    }
  }

  private static boolean running(long minute) {
    int state = 2;
    for (Map.Entry<Long, Integer> change : STATE_CHANGES.entrySet()) {
      if (change.getKey() <= minute) {
        state = change.getValue();
      }
    }
    return state == 1;
  }
}
