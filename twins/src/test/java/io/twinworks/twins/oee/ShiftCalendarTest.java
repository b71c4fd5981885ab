package io.twinworks.twins.oee;

import static io.twinworks.twins.oee.OeeFixtures.HOUR;
import static io.twinworks.twins.oee.OeeFixtures.MINUTE;
import static io.twinworks.twins.oee.OeeFixtures.at;
import static io.twinworks.twins.oee.OeeFixtures.calendar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Planned production time and shift windows of a calendar. */
class ShiftCalendarTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ShiftCalendar TWO_SHIFTS = calendar("""
      zone = "Europe/Berlin"
      shifts = [
        { name = early, start = "06:00", end = "14:00", days = [MON,TUE,WED,THU,FRI],
          breaks = [{ start = "09:00", end = "09:30" }] },
        { name = night, start = "22:00", end = "06:00", days = [MON,TUE,WED,THU,FRI,SAT],
          breaks = [{ start = "02:00", end = "02:30" }] }
      ]
      """);

  @Test
  void plannedTimeIsShiftTimeMinusBreaks() {
    long monday = at("2024-03-04T00:00", BERLIN);
    assertEquals(7 * HOUR + 30 * MINUTE, TWO_SHIFTS.plannedMicros(monday, monday + 20 * HOUR),
        "early 06:00-14:00 = 8 h minus the 30 min break; night starts at 22:00");
    assertEquals(30 * MINUTE, TWO_SHIFTS.plannedMicros(monday + 9 * HOUR + 15 * MINUTE, monday + 10 * HOUR),
        "09:15-10:00: 09:15-09:30 is the break, 09:30-10:00 is planned");
    assertEquals(0, TWO_SHIFTS.plannedMicros(monday + 14 * HOUR, monday + 22 * HOUR), "between shifts");
  }

  @Test
  void nightShiftRunsOverMidnightAndItsBreakIsOnTheNextDay() {
    long tuesday = at("2024-03-05T00:00", BERLIN);
    assertEquals(5 * HOUR + 30 * MINUTE, TWO_SHIFTS.plannedMicros(tuesday, tuesday + 6 * HOUR),
        "Monday's night shift 00:00-06:00 on Tuesday minus its 02:00-02:30 break");
    assertEquals(List.of(new ShiftWindow(at("2024-03-04T22:00", BERLIN), at("2024-03-05T06:00", BERLIN), "night")),
        TWO_SHIFTS.shiftWindows(tuesday, tuesday + HOUR));
  }

  @Test
  void shiftWindowsOverlappingAnIntervalInTimeOrder() {
    long monday = at("2024-03-04T00:00", BERLIN);
    List<ShiftWindow> windows = TWO_SHIFTS.shiftWindows(monday, monday + 24 * HOUR);
    assertEquals(List.of("early", "night"), windows.stream().map(ShiftWindow::name).toList(),
        "no night shift starts on Sunday");
    assertEquals(at("2024-03-04T22:00", BERLIN), windows.get(1).startMicros());
    long sunday = at("2024-03-03T00:00", BERLIN);
    assertEquals(List.of(new ShiftWindow(at("2024-03-02T22:00", BERLIN), sunday + 6 * HOUR, "night")),
        TWO_SHIFTS.shiftWindows(sunday, sunday + 24 * HOUR), "Saturday's night shift ends on Sunday");
  }

  @Test
  void nightShiftOverSpringForwardIsAnHourShorter() {
    // Saturday 2024-03-30 22:00 CET to Sunday 06:00 CEST: 7 real hours. The break 02:00-02:30 falls
    // in the skipped hour and moves to 03:00-03:30 CEST: still 30 min. Planned 7 h - 30 min.
    long saturdayNight = at("2024-03-30T22:00", BERLIN);
    ShiftWindow night = TWO_SHIFTS.shiftWindows(saturdayNight, saturdayNight + 1).get(0);
    assertEquals(7 * HOUR, night.endMicros() - night.startMicros());
    assertEquals(6 * HOUR + 30 * MINUTE, TWO_SHIFTS.plannedMicros(night.startMicros(), night.endMicros()));
  }

  @Test
  void defaultIsOneShiftAroundTheClockInUtc() {
    ShiftCalendar calendar = ShiftCalendar.fromMap(Map.of());
    assertEquals(ZoneId.of("UTC"), calendar.zone());
    long from = at("2024-03-04T10:17:00Z");
    assertEquals(50 * HOUR, calendar.plannedMicros(from, from + 50 * HOUR));
    assertEquals(List.of(new ShiftWindow(at("2024-03-04T00:00:00Z"), at("2024-03-05T00:00:00Z"), "day")),
        calendar.shiftWindows(from, from + 1));
  }
}
