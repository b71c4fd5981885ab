package io.twinworks.twins.anomaly;

/** The quantile of sorted values: linear between order statistics (Hyndman-Fan type 7, numpy's default). */
final class Quantiles {

  private Quantiles() {}

  /**
   * The p-quantile of the first {@code count} (at least one) values of {@code sorted}, ascending. It
   * reads the values at ranks floor(h) and ceil(h), h = p · (count − 1), and no others.
   */
  static double ofSorted(double[] sorted, int count, double p) {
    double h = (count - 1) * p;
    int lo = (int) Math.floor(h);
    return h > lo ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
  }
}
