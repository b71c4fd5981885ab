package io.twinworks.runtime.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds of a histogram recorded in microseconds. HdrHistogram keeps three
 * significant digits: a value comes back as the highest of its bucket, at most 0.1 % above what was recorded
 * (50 ms as 50.015 ms). Without samples every percentile is NaN.
 */
public record Percentiles(long count, double p50, double p95, double p99, double max) {

  /** Three significant digits, resized as larger values come. */
  static final int DIGITS = 3;

  public static Percentiles ofMicros(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Percentiles(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
        millis(micros.getValueAtPercentile(95)), millis(micros.getValueAtPercentile(99)), millis(micros.getMaxValue()));
  }

  private static double millis(long micros) {
    return micros / 1e3;
  }
}
