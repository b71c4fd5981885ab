package io.twinworks.twins.oee;

/** A stretch of time {@code [startMicros, endMicros)}; empty when the end is not after the start. */
record Interval(long startMicros, long endMicros) {

  /** How much of this interval lies inside {@code [from, to)}, in micros (never negative). */
  long overlapMicros(long from, long to) {
    return Math.max(0, Math.min(endMicros, to) - Math.max(startMicros, from));
  }
}
