package io.twinworks.twins.oee;

import static io.twinworks.twins.oee.OeeFixtures.HOUR;
import static io.twinworks.twins.oee.OeeFixtures.MINUTE;
import static io.twinworks.twins.oee.OeeFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window boundaries on the wall clock of the calendar's zone, across DST changes. */
class WindowAlignmentTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static OeeAccumulator runningThrough(String zone, long from, long to) {
    OeeAccumulator oee = new OeeAccumulator(OeeFixtures.settings("calendar.zone = \"" + zone + "\""));
    oee.onRunState(from, 1);
    oee.advanceTo(to);
    return oee;
  }

  @Test
  void quarterHoursStayOnLocalQuartersOverSpringForward() {
    // 2024-03-31 in Berlin: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
    long from = at("2024-03-31T00:00", BERLIN);
    long to = at("2024-03-31T05:00", BERLIN); // 4 real hours later
    List<OeeWindow> quarters = runningThrough("Europe/Berlin", from, to).windows(OeeBucket.QUARTER_HOUR, from, to);

    assertEquals(16, quarters.size(), "4 real hours");
    for (OeeWindow quarter : quarters) {
      assertEquals(900, quarter.plannedSeconds(), "every window is 15 real minutes");
      assertEquals(0, ZonedDateTime.ofInstant(quarter.start(), BERLIN).getMinute() % 15);
    }
    OeeWindow beforeJump = quarters.get(7);
    assertEquals("01:45", local(beforeJump.start()));
    assertEquals("03:00", local(beforeJump.end())); // 01:45 CET + 15 min = 03:00 CEST
  }

  @Test
  void hoursOverSpringForwardAndFallBackLastOneRealHour() {
    long spring = at("2024-03-31T00:00", BERLIN);
    List<OeeWindow> springHours = runningThrough("Europe/Berlin", spring, spring + 3 * HOUR)
        .windows(OeeBucket.HOUR, spring, spring + 3 * HOUR);
    assertEquals(List.of("00:00", "01:00", "03:00"), springHours.stream().map(w -> local(w.start())).toList());
    assertTrue(springHours.stream().allMatch(w -> w.plannedSeconds() == 3_600));

    // 2024-10-27: 03:00 CEST goes back to 02:00 CET (01:00 UTC); the local hour 02:00 happens twice.
    long autumn = at("2024-10-27T00:00", BERLIN);
    List<OeeWindow> autumnHours = runningThrough("Europe/Berlin", autumn, autumn + 5 * HOUR)
        .windows(OeeBucket.HOUR, autumn, autumn + 5 * HOUR);
    assertEquals(List.of("00:00", "01:00", "02:00", "02:00", "03:00"),
        autumnHours.stream().map(w -> local(w.start())).toList());
    assertTrue(autumnHours.stream().allMatch(w -> w.plannedSeconds() == 3_600));
  }

  @Test
  void hoursFollowTheLocalClockInAHalfHourZone() {
    long from = at("2024-03-04T10:10:00Z");
    OeeWindow hour = runningThrough("Asia/Kolkata", from, from + MINUTE).current(OeeBucket.HOUR).orElseThrow();
    assertEquals(at("2024-03-04T09:30:00Z"), Micros.of(hour.start())); // 15:00 IST = 09:30 UTC
    assertEquals(at("2024-03-04T10:30:00Z"), Micros.of(hour.end()));
  }

  @Test
  void dayShiftOnTheSpringForwardDayHas23Hours() {
    long from = at("2024-03-31T00:00", BERLIN);
    OeeAccumulator oee = runningThrough("Europe/Berlin", from, at("2024-04-01T00:00", BERLIN));
    OeeWindow day = oee.windows(OeeBucket.SHIFT, from, from + 1).get(0);
    assertEquals("day", day.shift());
    assertEquals(23 * 3_600, day.plannedSeconds()); // midnight to midnight, one hour skipped
  }

  private static String local(java.time.Instant instant) {
    return ZonedDateTime.ofInstant(instant, BERLIN).toLocalTime().toString();
  }
}
