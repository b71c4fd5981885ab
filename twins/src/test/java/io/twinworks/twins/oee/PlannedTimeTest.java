package io.twinworks.twins.oee;

import static io.twinworks.twins.oee.OeeFixtures.HOUR;
import static io.twinworks.twins.oee.OeeFixtures.SECOND;
import static io.twinworks.twins.oee.OeeFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlannedTimeTest {

  private static final ShiftCalendar CALENDAR = OeeFixtures.calendar("""
      zone = "Europe/Berlin"
      shifts = [
        { name = early, start = "06:00", end = "14:00", days = [MON,TUE,WED,THU,FRI],
          breaks = [{ start = "09:00", end = "09:30" }] },
        { name = night, start = "22:00", end = "06:00", breaks = [{ start = "02:00", end = "02:30" }] }
      ]
      """);

  @Test
  void answersExactlyWhatTheCalendarAnswers() {
    PlannedTime cached = new PlannedTime(CALENDAR);
    long t = at("2024-03-29T00:00:00Z"); // over the spring-forward weekend
    long total = 0;
    for (int i = 0; i < 20_000; i++) {
      long next = t + (i % 7 + 1) * 37 * SECOND;
      long planned = cached.micros(t, next);
      assertEquals(CALENDAR.plannedMicros(t, next), planned);
      total += planned;
      t = next;
    }
    assertEquals(CALENDAR.plannedMicros(at("2024-03-29T00:00:00Z"), t), total, "the pieces add up");
    assertEquals(CALENDAR.plannedMicros(t, t + 50 * HOUR), cached.micros(t, t + 50 * HOUR), "longer than a day");
  }
}
