package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.Map;
import java.util.Optional;

/**
 * Quantile fence: each reading against [Q_low − k·W, Q_high + k·W] of the {@code window} readings
 * before it, W = Q_high − Q_low (floored). Score and deviation: band widths outside the quantiles
 * (0 inside), signed. O(log window) per reading.
 */
public final class IqrDetector extends OrderStatisticDetector {

  private final IqrSpec spec;

  IqrDetector(IqrSpec spec, String signal) {
    super(spec.window(), new FindingGate(DetectorKind.IQR.id(), signal, spec.severity(), spec.warmUp(), spec.k(),
        spec.k() * spec.clearRatio(), spec.minDuration()));
    this.spec = spec;
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.IQR;
  }

  @Override
  Optional<Finding> judge(long sourceTimeMicros, double value, OrderedWindow before, FindingGate gate) {
    double low = before.quantile(spec.lowerQuantile());
    double high = before.quantile(spec.upperQuantile());
    double median = before.median();
    double width = Scales.floored(high - low, spec.minScale(), spec.minRelativeScale(), median);
    double outside = value > high ? (value - high) / width : value < low ? (value - low) / width : 0;
    return gate.offer(sourceTimeMicros, Math.abs(outside), () -> new Observation(value, median, outside, Map.of(
        "n", (double) before.size(), "median", median, "qlow", low, "qhigh", high, "width", width,
        "low", low - spec.k() * width, "high", high + spec.k() * width)));
  }
}
