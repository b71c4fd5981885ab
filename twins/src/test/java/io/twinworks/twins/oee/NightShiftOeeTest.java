package io.twinworks.twins.oee;

import static io.twinworks.twins.oee.OeeFixtures.HOUR;
import static io.twinworks.twins.oee.OeeFixtures.MINUTE;
import static io.twinworks.twins.oee.OeeFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shift window that runs over midnight, and the time between shifts. */
class NightShiftOeeTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final OeeSettings SETTINGS = OeeFixtures.settings("""
      ideal-cycle-time = 2s
      calendar {
        zone = "Europe/Berlin"
        shifts = [{ name = night, start = "22:00", end = "06:00", days = [MON,TUE,WED,THU,FRI],
                    breaks = [{ start = "02:00", end = "02:30" }] }]
      }
      """);

  @Test
  void nightShiftWindowSpansMidnight() {
    OeeAccumulator oee = new OeeAccumulator(SETTINGS);
    long start = at("2024-03-04T22:00", BERLIN);
    oee.onRunState(start - HOUR, 1); // running before the shift: not planned, not counted
    oee.onTotalCount(start - HOUR, 0);
    oee.onRunState(at("2024-03-05T04:00", BERLIN), 0); // STOP 04:00-04:30
    oee.onRunState(at("2024-03-05T04:30", BERLIN), 1);
    oee.onTotalCount(at("2024-03-05T05:59", BERLIN), 12_000);
    oee.advanceTo(at("2024-03-05T06:00", BERLIN));

    OeeWindow night = oee.windows(OeeBucket.SHIFT, start, start + 1).get(0);
    assertEquals(start, Micros.of(night.start()));
    assertEquals(at("2024-03-05T06:00", BERLIN), Micros.of(night.end()));
    assertEquals("night", night.shift());
    assertFalse(night.partial());
    assertEquals(27_000, night.plannedSeconds()); // 8 h - 30 min break = 450 min
    assertEquals(25_200, night.runSeconds()); // 450 - 30 min STOP = 420 min
    assertEquals(12_000, night.totalCount(), "the reading at 21:00 was the baseline");
    assertEquals(24_000.0 / 25_200.0, night.performance()); // 12000 parts * 2 s / 25200 s
  }

  @Test
  void betweenShiftsThereIsNoCurrentShiftWindow() {
    OeeAccumulator oee = new OeeAccumulator(SETTINGS);
    long afternoon = at("2024-03-05T15:00", BERLIN);
    oee.onRunState(afternoon, 1);
    assertTrue(oee.current(OeeBucket.SHIFT).isEmpty());
    assertEquals(0, oee.current(OeeBucket.HOUR).orElseThrow().plannedSeconds() , "nothing planned at 15:00");

    oee.advanceTo(afternoon + 7 * HOUR + 30 * MINUTE); // 22:30
    OeeWindow current = oee.current(OeeBucket.SHIFT).orElseThrow();
    assertTrue(current.partial());
    assertEquals(1_800, current.runSeconds()); // 22:00-22:30
    assertEquals(List.of(current), oee.windows(OeeBucket.SHIFT, afternoon, afternoon + 24 * HOUR),
        "the stretch between shifts is not a window");
  }
}
