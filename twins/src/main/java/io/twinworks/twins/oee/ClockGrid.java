package io.twinworks.twins.oee;

import java.time.Duration;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Windows of a fixed wall-clock length in a zone: a window begins where the local time is a
 * multiple of the length (a quarter or a full hour), and also at each UTC-offset change (DST), so
 * that no window straddles one. In zones whose offsets are whole quarter hours the DST change falls
 * on such a boundary anyway, and every 15-minute window lasts 15 real minutes; an hour window that
 * contains a spring-forward or fall-back still lasts one real hour between aligned local times
 * (e.g. 01:00 CET to 03:00 CEST).
 */
record ClockGrid(ZoneId zone, long stepMicros) implements WindowGrid {

  ClockGrid(ZoneId zone, Duration step) {
    this(zone, step.toNanos() / 1_000);
  }

  @Override
  public Span spanAt(long micros) {
    long start = boundaryAtOrBefore(micros);
    return new Span(start, boundaryAfter(start), "", true);
  }

  private long boundaryAtOrBefore(long micros) {
    ZoneRules rules = zone.getRules();
    long aligned = micros - Math.floorMod(micros + offsetMicros(rules, micros), stepMicros);
    // previousTransition is strictly before its argument: ask one micro later to include `micros`.
    ZoneOffsetTransition change = rules.previousTransition(Micros.instant(micros + 1));
    return change == null ? aligned : Math.max(aligned, Micros.of(change.getInstant()));
  }

  private long boundaryAfter(long micros) {
    ZoneRules rules = zone.getRules();
    long aligned = micros + stepMicros - Math.floorMod(micros + offsetMicros(rules, micros), stepMicros);
    ZoneOffsetTransition change = rules.nextTransition(Micros.instant(micros));
    return change == null ? aligned : Math.min(aligned, Micros.of(change.getInstant()));
  }

  private static long offsetMicros(ZoneRules rules, long micros) {
    return rules.getOffset(Micros.instant(micros)).getTotalSeconds() * Micros.PER_SECOND;
  }
}
