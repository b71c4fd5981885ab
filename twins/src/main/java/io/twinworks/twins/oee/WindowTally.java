package io.twinworks.twins.oee;

/**
 * What one window has accumulated so far; the ratios are derived from it on reading, in
 * {@link OeeWindow#of}. Part of the snapshot state, so only primitives.
 *
 * @param shift the shift's name for a shift window, empty for a clock window
 * @param recorded false for the stretch between two shifts, which is never reported
 * @param plannedMicros planned busy time: calendar time minus breaks, minus MAINTENANCE, minus
 *     time before the first state reading
 * @param runMicros time in RUN within the planned busy time
 * @param totalCount cycle_count increments whose readings arrived in this window
 * @param defectCount defect_count increments whose readings arrived in this window
 * @param idealSeconds sum of each counted part times the ideal cycle time configured when it was
 *     counted (0 while none is configured)
 */
public record WindowTally(
    long startMicros,
    long endMicros,
    String shift,
    boolean recorded,
    long plannedMicros,
    long runMicros,
    long totalCount,
    long defectCount,
    double idealSeconds) {

  static WindowTally open(Span span) {
    return new WindowTally(span.startMicros(), span.endMicros(), span.shift(), span.recorded(), 0, 0, 0, 0, 0);
  }

  WindowTally plusTime(long planned, long run) {
    return new WindowTally(startMicros, endMicros, shift, recorded,
        plannedMicros + planned, runMicros + run, totalCount, defectCount, idealSeconds);
  }

  WindowTally plusCounts(long total, long defects, double ideal) {
    return new WindowTally(startMicros, endMicros, shift, recorded,
        plannedMicros, runMicros, totalCount + total, defectCount + defects, idealSeconds + ideal);
  }

  boolean overlaps(long fromMicros, long toMicros) {
    return startMicros < toMicros && endMicros > fromMicros;
  }
}
