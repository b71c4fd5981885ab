package io.twinworks.runtime.bench;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a sample: the p-th percentile is the value at rank {@code ceil(p / 100 × n)}
 * (1-based) of the sorted sample, so it is always a measured value, and p = 100 is the maximum.
 */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

  public static Percentiles of(double[] sample) {
    if (sample.length == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = sample.clone();
    Arrays.sort(sorted);
    return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
        sorted[sorted.length - 1]);
  }

  static double rank(double[] sorted, double percentile) {
    if (percentile <= 0 || percentile > 100) {
      throw new IllegalArgumentException("a percentile is in (0, 100], was " + percentile);
    }
    int rank = (int) Math.ceil(percentile / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
