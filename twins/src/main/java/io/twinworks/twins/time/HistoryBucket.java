package io.twinworks.twins.time;

/**
 * One step of a signal's history: the figures of the readings whose source time falls in
 * {@code [startMicros, startMicros + step)}.
 *
 * @param count how many readings it summarises; 0 for a filled bucket
 * @param filled made up by {@link GapFill} for a step without readings, not measured
 */
public record HistoryBucket(long startMicros, double min, double max, double avg, long count, boolean filled) {

  /** A measured bucket. */
  public static HistoryBucket of(long startMicros, double min, double max, double avg, long count) {
    return new HistoryBucket(startMicros, min, max, avg, count, false);
  }
}
