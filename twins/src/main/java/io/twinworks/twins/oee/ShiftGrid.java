package io.twinworks.twins.oee;

import java.time.Duration;

/** One window per shift occurrence; the time between two shifts is an unrecorded span. */
record ShiftGrid(ShiftCalendar calendar) implements WindowGrid {

  // Every shift starts at least once a week, so the next one begins within 8 days (DST included).
  private static final long LOOK_AHEAD_MICROS = Duration.ofDays(8).toNanos() / 1_000;

  @Override
  public Span spanAt(long micros) {
    for (ShiftWindow window : calendar.shiftWindows(micros, micros + LOOK_AHEAD_MICROS)) {
      if (window.startMicros() <= micros) {
        return new Span(window.startMicros(), window.endMicros(), window.name(), true);
      }
      return new Span(micros, window.startMicros(), "", false);
    }
    throw new IllegalStateException("a calendar with shifts has one within 8 days of every time");
  }
}
