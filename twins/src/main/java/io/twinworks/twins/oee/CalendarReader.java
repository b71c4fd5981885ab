package io.twinworks.twins.oee;

import io.twinworks.twins.config.ConfigReader;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses a {@link ShiftCalendar} from configuration, naming the offending key in every error. */
final class CalendarReader {

  static final String REFERENCE = "twinworks.oee.calendar";

  private static final Set<String> CALENDAR_KEYS = Set.of("zone", "shifts");
  private static final Set<String> SHIFT_KEYS = Set.of("name", "start", "end", "days", "breaks");
  private static final Set<String> BREAK_KEYS = Set.of("start", "end");

  private CalendarReader() {}

  static ShiftCalendar read(ConfigReader calendar) {
    calendar.onlyKeys(CALENDAR_KEYS);
    ZoneId zone = zone(calendar);
    List<Shift> shifts = new ArrayList<>();
    for (ConfigReader shift : calendar.objects("shifts")) {
      shifts.add(shift(shift));
    }
    try {
      return new ShiftCalendar(zone, shifts);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(calendar.name(e.getMessage()), e);
    }
  }

  private static ZoneId zone(ConfigReader calendar) {
    String text = calendar.string("zone").trim();
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw calendar.invalid("zone", "must be a time zone such as Europe/Berlin or UTC, was '" + text + "'");
    }
  }

  private static Shift shift(ConfigReader shift) {
    shift.onlyKeys(SHIFT_KEYS);
    String name = shift.string("name").trim();
    LocalTime start = time(shift, "start");
    LocalTime end = time(shift, "end");
    Set<DayOfWeek> days = shift.has("days") ? days(shift) : EnumSet.allOf(DayOfWeek.class);
    List<ShiftBreak> breaks = new ArrayList<>();
    if (shift.has("breaks")) {
      for (ConfigReader pause : shift.objects("breaks")) {
        pause.onlyKeys(BREAK_KEYS);
        breaks.add(new ShiftBreak(time(pause, "start"), time(pause, "end")));
      }
    }
    try {
      return new Shift(name, start, end, days, breaks);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(shift.name(e.getMessage()), e);
    }
  }

  /** {@code HH:mm} or {@code HH:mm:ss}; {@code 24:00} is accepted as midnight at the end of a day. */
  private static LocalTime time(ConfigReader reader, String key) {
    String text = reader.string(key).trim();
    if (text.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    try {
      LocalTime time = LocalTime.parse(text);
      if (time.getNano() == 0) {
        return time;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw reader.invalid(key, "must be a time of day like 06:00 or 06:00:30, was '" + text + "'");
  }

  private static Set<DayOfWeek> days(ConfigReader shift) {
    List<String> names = shift.strings("days");
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (int i = 0; i < names.size(); i++) {
      days.add(day(shift, "days[" + i + "]", names.get(i)));
    }
    return days;
  }

  private static DayOfWeek day(ConfigReader shift, String key, String text) {
    String name = text.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(name) || day.name().substring(0, 3).equals(name)) {
        return day;
      }
    }
    throw shift.invalid(key, "must be a day of the week (MON..SUN or MONDAY..SUNDAY), was '" + text + "'");
  }
}
