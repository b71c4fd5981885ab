package io.twinworks.twins.oee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A calendar read from HOCON or from a JSON body, and the errors that name the bad key. */
class ShiftCalendarConfigTest {

  private static final String EXAMPLE = """
      calendar { zone = "Europe/Berlin", shifts = [ { name = early, start = "06:00", end = "14:00",
        days = [MON,TUE,WED,THU,FRI], breaks = [ { start = "09:00", end = "09:30" } ] } ] }
      """;

  @Test
  void readsTheExampleFromHocon() {
    ShiftCalendar calendar = OeeFixtures.calendar(EXAMPLE);
    assertEquals(new ShiftCalendar(ZoneId.of("Europe/Berlin"), List.of(new Shift("early", LocalTime.of(6, 0),
        LocalTime.of(14, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        List.of(new ShiftBreak(LocalTime.of(9, 0), LocalTime.of(9, 30)))))), calendar);
  }

  @Test
  void mapGivesTheSameCalendarAsHocon() {
    Map<String, Object> json = Map.of("zone", "Europe/Berlin", "shifts", List.of(Map.of(
        "name", "early", "start", "06:00", "end", "14:00", "days", List.of("mon", "Tuesday", "WED", "THU", "FRI"),
        "breaks", List.of(Map.of("start", "09:00", "end", "09:30")))));
    assertEquals(OeeFixtures.calendar(EXAMPLE), ShiftCalendar.fromMap(json));
  }

  @Test
  void daysDefaultToAllWeekAnd2400EndsAtMidnight() {
    ShiftCalendar calendar = OeeFixtures.calendar("shifts = [{ name = all, start = \"00:00\", end = \"24:00\" }]");
    assertEquals(EnumSet.allOf(DayOfWeek.class), calendar.shifts().get(0).days());
    assertEquals(86_400, calendar.shifts().get(0).localSeconds());
  }

  @Test
  void overlappingShiftsNameBothShifts() {
    assertError("calendar.shifts[1] 'late' 13:00-22:00 on MONDAY overlaps shifts[0] 'early' 06:00-14:00 on MONDAY",
        "shifts = [{ name = early, start = \"06:00\", end = \"14:00\" }, "
            + "{ name = late, start = \"13:00\", end = \"22:00\" }]");
  }

  @Test
  void nightShiftOnSundayOverlapsMondayMorning() {
    assertError("calendar.shifts[1] 'night' 22:00-06:00 on SUNDAY overlaps shifts[0] 'early' 05:00-13:00 on MONDAY",
        "shifts = [{ name = early, start = \"05:00\", end = \"13:00\", days = [MON] }, "
            + "{ name = night, start = \"22:00\", end = \"06:00\", days = [SUN] }]");
  }

  @Test
  void breakOutsideItsShift() {
    assertError("calendar.shifts[0].breaks[1] 15:00-15:30 must lie inside its shift 06:00-14:00",
        "shifts = [{ name = early, start = \"06:00\", end = \"14:00\", "
            + "breaks = [{ start = \"09:00\", end = \"09:30\" }, { start = \"15:00\", end = \"15:30\" }] }]");
  }

  @Test
  void overlappingBreaks() {
    assertError("calendar.shifts[0].breaks[1] 09:15-09:45 overlaps breaks[0] 09:00-09:30",
        "shifts = [{ name = early, start = \"06:00\", end = \"14:00\", "
            + "breaks = [{ start = \"09:00\", end = \"09:30\" }, { start = \"09:15\", end = \"09:45\" }] }]");
  }

  @Test
  void badValuesNameTheirKey() {
    assertError("calendar.shifts[0].start must be a time of day like 06:00 or 06:00:30, was '25:00'",
        "shifts = [{ name = x, start = \"25:00\", end = \"14:00\" }]");
    assertError("calendar.shifts[0].days[1] must be a day of the week (MON..SUN or MONDAY..SUNDAY), was 'FUN'",
        "shifts = [{ name = x, start = \"06:00\", end = \"14:00\", days = [MON, FUN] }]");
    assertError("calendar.zone must be a time zone such as Europe/Berlin or UTC, was 'Mars/Olympus'",
        "zone = \"Mars/Olympus\"");
    assertError("calendar.shifts[0].name is missing", "shifts = [{ start = \"06:00\", end = \"14:00\" }]");
    assertError("calendar.shifts[1].name 'a' is already the name of shifts[0]",
        "shifts = [{ name = a, start = \"06:00\", end = \"07:00\" }, "
            + "{ name = a, start = \"08:00\", end = \"09:00\" }]");
    assertError("calendar.shifts must name at least one shift", "shifts = []");
    assertError("calendar.shifts[0].days must name at least one day",
        "shifts = [{ name = x, start = \"06:00\", end = \"14:00\", days = [] }]");
  }

  @Test
  void unknownKeysAreErrorsNotDefaults() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OeeFixtures.calendar("shifts = [{ name = x, start = \"06:00\", ends = \"14:00\" }]"));
    assertTrue(e.getMessage().startsWith("calendar.shifts[0].ends is not a known key"), e.getMessage());
  }

  private static void assertError(String message, String hocon) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OeeFixtures.calendar(hocon));
    assertEquals(message, e.getMessage());
  }
}
