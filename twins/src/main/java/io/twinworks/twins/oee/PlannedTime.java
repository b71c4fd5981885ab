package io.twinworks.twins.oee;

import java.util.List;

/**
 * {@link ShiftCalendar#plannedMicros} with the shift occurrences of the day ahead kept, so that the
 * many short stretches between two readings need no time-zone arithmetic. Answers exactly what the
 * calendar answers; the cache is derived, never part of a snapshot. Memory: one day's occurrences.
 */
final class PlannedTime {

  private static final long SPAN_MICROS = Shift.DAY_SECONDS * Micros.PER_SECOND;

  private final ShiftCalendar calendar;
  private long cachedFrom;
  private long cachedTo;
  private List<Shift.Occurrence> occurrences = List.of();

  PlannedTime(ShiftCalendar calendar) {
    this.calendar = calendar;
  }

  long micros(long fromMicros, long toMicros) {
    if (toMicros - fromMicros > SPAN_MICROS) {
      return calendar.plannedMicros(fromMicros, toMicros);
    }
    if (fromMicros < cachedFrom || toMicros > cachedTo) {
      cachedFrom = fromMicros;
      cachedTo = fromMicros + SPAN_MICROS;
      occurrences = calendar.occurrences(cachedFrom, cachedTo);
    }
    long planned = 0;
    for (Shift.Occurrence occurrence : occurrences) {
      planned += occurrence.plannedMicros(fromMicros, toMicros);
    }
    return planned;
  }
}
