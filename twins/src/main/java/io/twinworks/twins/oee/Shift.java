package io.twinworks.twins.oee;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A shift in local (wall-clock) time. An end at or before the start is on the next day (a night
 * shift); an end equal to the start makes a 24-hour shift. {@code days} are the days it starts on.
 * Validation messages begin with the offending key relative to the shift, e.g. {@code breaks[1] ...}.
 */
public record Shift(String name, LocalTime start, LocalTime end, Set<DayOfWeek> days, List<ShiftBreak> breaks) {

  static final long DAY_SECONDS = 86_400;

  public Shift {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be empty");
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("days must name at least one day");
    }
    days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    breaks = List.copyOf(breaks);
    checkBreaks(start, end, breaks);
  }

  /** The shift's length in local seconds (a DST change makes the real length an hour more or less). */
  long localSeconds() {
    return localSeconds(start, end);
  }

  /** This shift's occurrence starting on {@code date} in {@code zone}, with its breaks. */
  Occurrence on(LocalDate date, ZoneId zone) {
    LocalDateTime begin = date.atTime(start);
    List<Interval> pauses = new ArrayList<>(breaks.size());
    for (ShiftBreak pause : breaks) {
      pauses.add(interval(begin, offset(start, pause.start()), endOffset(start, pause.end()), zone));
    }
    return new Occurrence(name, interval(begin, 0, localSeconds(), zone), pauses);
  }

  @Override
  public String toString() {
    return "'" + name + "' " + start + "-" + end;
  }

  private static Interval interval(LocalDateTime begin, long fromSecond, long toSecond, ZoneId zone) {
    return new Interval(Micros.of(begin.plusSeconds(fromSecond), zone), Micros.of(begin.plusSeconds(toSecond), zone));
  }

  private static long localSeconds(LocalTime start, LocalTime end) {
    return endOffset(start, end);
  }

  /** Seconds from the shift start to {@code time}, on the same or the next day: 0..86399. */
  private static long offset(LocalTime shiftStart, LocalTime time) {
    return Math.floorMod(time.toSecondOfDay() - shiftStart.toSecondOfDay(), DAY_SECONDS);
  }

  /** Like {@link #offset} for an end time, where the shift start itself means 24 hours later. */
  private static long endOffset(LocalTime shiftStart, LocalTime time) {
    long offset = offset(shiftStart, time);
    return offset == 0 ? DAY_SECONDS : offset;
  }

  private static void checkBreaks(LocalTime start, LocalTime end, List<ShiftBreak> breaks) {
    long length = localSeconds(start, end);
    for (int i = 0; i < breaks.size(); i++) {
      ShiftBreak pause = breaks.get(i);
      long from = offset(start, pause.start());
      long to = endOffset(start, pause.end());
      if (!(from < to && to <= length)) {
        throw new IllegalArgumentException(
            "breaks[" + i + "] " + pause + " must lie inside its shift " + start + "-" + end);
      }
      for (int j = 0; j < i; j++) {
        ShiftBreak other = breaks.get(j);
        if (from < endOffset(start, other.end()) && offset(start, other.start()) < to) {
          throw new IllegalArgumentException("breaks[" + i + "] " + pause + " overlaps breaks[" + j + "] " + other);
        }
      }
    }
  }

  /** A shift as it happens on one day, in instants. */
  record Occurrence(String name, Interval span, List<Interval> breaks) {

    ShiftWindow window() {
      return new ShiftWindow(span.startMicros(), span.endMicros(), name);
    }

    /** Shift time minus break time inside {@code [from, to)}. */
    long plannedMicros(long from, long to) {
      long planned = span.overlapMicros(from, to);
      for (Interval pause : breaks) {
        planned -= pause.overlapMicros(from, to);
      }
      return Math.max(0, planned);
    }
  }
}
