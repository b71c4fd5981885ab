package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.Map;
import java.util.Optional;

/**
 * Hampel filter: each reading against the median and 1.4826 · MAD (floored) of the {@code window}
 * readings before it. Score |x − median| / scale; deviation signed. O(log² window) per reading: the MAD
 * is found by binary search over order statistics.
 */
public final class HampelDetector extends OrderStatisticDetector {

  /** MAD × 1.4826 estimates the standard deviation of normally distributed data. */
  static final double NORMAL_CONSISTENCY = 1.4826;

  private final HampelSpec spec;

  HampelDetector(HampelSpec spec, String signal) {
    super(spec.window(), new FindingGate(DetectorKind.HAMPEL.id(), signal, spec.severity(), spec.warmUp(),
        spec.k(), spec.k() * spec.clearRatio(), spec.minDuration()));
    this.spec = spec;
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.HAMPEL;
  }

  @Override
  Optional<Finding> judge(long sourceTimeMicros, double value, OrderedWindow before, FindingGate gate) {
    double median = before.median();
    double mad = before.medianAbsoluteDeviation();
    double scale = Scales.floored(NORMAL_CONSISTENCY * mad, spec.minScale(), spec.minRelativeScale(), median);
    double deviation = (value - median) / scale;
    return gate.offer(sourceTimeMicros, Math.abs(deviation), () -> new Observation(value, median, deviation, Map.of(
        "n", (double) before.size(), "median", median, "mad", mad, "scale", scale,
        "low", median - spec.k() * scale, "high", median + spec.k() * scale)));
  }
}
