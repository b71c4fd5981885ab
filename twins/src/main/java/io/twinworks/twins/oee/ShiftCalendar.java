package io.twinworks.twins.oee;

import com.typesafe.config.Config;
import io.twinworks.twins.config.ConfigReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When a machine is planned to produce: shifts with breaks, in local time of {@code zone}. Shifts
 * may not overlap (checked across the whole week, night shifts included) and breaks must lie inside
 * their shift. Validation messages begin with the offending key relative to the calendar, e.g.
 * {@code shifts[1] 'late' 14:00-22:00 overlaps shifts[0] ...}; the readers prefix {@code calendar.}.
 *
 * <p>Immutable. A query enumerates the shift occurrences of the local dates it touches, so its cost
 * grows with the length of the interval asked about.
 */
public record ShiftCalendar(ZoneId zone, List<Shift> shifts) {

  private static final long WEEK_SECONDS = 7 * Shift.DAY_SECONDS;

  public ShiftCalendar {
    Objects.requireNonNull(zone, "zone");
    shifts = List.copyOf(shifts);
    if (shifts.isEmpty()) {
      throw new IllegalArgumentException("shifts must name at least one shift");
    }
    checkNames(shifts);
    checkOverlaps(shifts);
  }

  /** Reads {@code calendar { zone, shifts }}, given that object or one holding it as {@code calendar}. */
  public static ShiftCalendar fromConfig(Config config) {
    Config calendar = config.hasPath("calendar") ? config.getConfig("calendar") : config;
    return CalendarReader.read(ConfigReader.of(calendar, CalendarReader.REFERENCE, "calendar."));
  }

  /** Reads the calendar object of a decoded JSON body ({@code {"zone":..,"shifts":[..]}}). */
  public static ShiftCalendar fromMap(Map<String, Object> map) {
    return CalendarReader.read(ConfigReader.map(map, CalendarReader.REFERENCE, "calendar."));
  }

  /** Planned production time inside {@code [fromMicros, toMicros)}: shift time minus breaks. */
  public long plannedMicros(long fromMicros, long toMicros) {
    long planned = 0;
    for (Shift.Occurrence occurrence : occurrences(fromMicros, toMicros)) {
      planned += occurrence.plannedMicros(fromMicros, toMicros);
    }
    return planned;
  }

  /** The shift occurrences overlapping {@code [fromMicros, toMicros)}, in time order. */
  public List<ShiftWindow> shiftWindows(long fromMicros, long toMicros) {
    return occurrences(fromMicros, toMicros).stream().map(Shift.Occurrence::window).toList();
  }

  /** The shift occurrences (with their breaks) overlapping {@code [fromMicros, toMicros)}, in time order. */
  List<Shift.Occurrence> occurrences(long fromMicros, long toMicros) {
    List<Shift.Occurrence> found = new ArrayList<>();
    if (toMicros <= fromMicros) {
      return found;
    }
    // A shift lasts at most one local day, so the one covering `from` started at most a day before
    // its local date; one more day covers a DST change at midnight.
    LocalDate last = LocalDate.ofInstant(Micros.instant(toMicros), zone);
    for (LocalDate date = LocalDate.ofInstant(Micros.instant(fromMicros), zone).minusDays(2);
        !date.isAfter(last); date = date.plusDays(1)) {
      for (Shift shift : shifts) {
        if (shift.days().contains(date.getDayOfWeek())) {
          Shift.Occurrence occurrence = shift.on(date, zone);
          if (occurrence.span().overlapMicros(fromMicros, toMicros) > 0) {
            found.add(occurrence);
          }
        }
      }
    }
    found.sort(Comparator.comparingLong(occurrence -> occurrence.span().startMicros()));
    return found;
  }

  private static void checkNames(List<Shift> shifts) {
    for (int i = 0; i < shifts.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (shifts.get(i).name().equals(shifts.get(j).name())) {
          throw new IllegalArgumentException(
              "shifts[" + i + "].name '" + shifts.get(i).name() + "' is already the name of shifts[" + j + "]");
        }
      }
    }
  }

  /** Compares every pair of occurrences in a local week, wrapping Sunday night into Monday. */
  private static void checkOverlaps(List<Shift> shifts) {
    for (int i = 0; i < shifts.size(); i++) {
      for (int j = 0; j < i; j++) {
        for (DayOfWeek day : shifts.get(i).days()) {
          for (DayOfWeek otherDay : shifts.get(j).days()) {
            if (overlap(shifts.get(i), day, shifts.get(j), otherDay)) {
              throw new IllegalArgumentException("shifts[" + i + "] " + shifts.get(i) + " on " + day
                  + " overlaps shifts[" + j + "] " + shifts.get(j) + " on " + otherDay);
            }
          }
        }
      }
    }
  }

  private static boolean overlap(Shift a, DayOfWeek aDay, Shift b, DayOfWeek bDay) {
    long aStart = weekSecond(a, aDay);
    long bStart = weekSecond(b, bDay);
    return Math.floorMod(bStart - aStart, WEEK_SECONDS) < a.localSeconds()
        || Math.floorMod(aStart - bStart, WEEK_SECONDS) < b.localSeconds();
  }

  private static long weekSecond(Shift shift, DayOfWeek day) {
    return (day.getValue() - 1) * Shift.DAY_SECONDS + shift.start().toSecondOfDay();
  }
}
