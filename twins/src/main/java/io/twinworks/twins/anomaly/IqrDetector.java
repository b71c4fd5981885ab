package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.Map;
import java.util.Optional;

/**
 * Quantile fence: each reading against [Q_low − k·W, Q_high + k·W] of the {@code window} readings
 * before it, W = Q_high − Q_low (floored). Score and deviation: band widths outside the quantiles
 * (0 inside), signed; expected: the window's median. A window of up to {@value QuantileWindow#EXACT_LIMIT}
 * readings is exact (O(log window) per reading, about 21 bytes a reading); a longer one is 16 block
 * summaries ({@link BlockQuantiles}: approximate quantiles, its mean as the expected value, moving
 * window/16 readings at a time; O(1) amortized per reading, about 500 bytes while the quantiles fall
 * among a block's 16 lowest or highest readings, else 4 bytes more per reading of a block).
 */
public final class IqrDetector implements Detector {

  /** The detector's state for snapshots. */
  public record State(QuantileWindow.State window, FindingGate.State gate) implements DetectorState {}

  private final IqrSpec spec;
  private final FindingGate gate;
  private QuantileWindow window;

  IqrDetector(IqrSpec spec, String signal) {
    this.spec = spec;
    this.gate = new FindingGate(spec, signal);
    this.window = QuantileWindow.of(spec.window(), probabilities());
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.IQR;
  }

  @Override
  public Optional<Finding> update(long sourceTimeMicros, double value) {
    Optional<Finding> finding = window.size() == 0
        ? gate.offer(sourceTimeMicros, Double.NaN, () -> null)
        : judge(sourceTimeMicros, value);
    window.add(value);
    return finding;
  }

  private Optional<Finding> judge(long sourceTimeMicros, double value) {
    double low = window.quantile(spec.lowerQuantile());
    double high = window.quantile(spec.upperQuantile());
    double centre = window.centre();
    double width = Scales.floored(high - low, spec.minScale(), spec.minRelativeScale(), centre);
    double outside = value > high ? (value - high) / width : value < low ? (value - low) / width : 0;
    int n = window.size();
    return gate.offer(sourceTimeMicros, Math.abs(outside), () -> new Observation(value, centre, outside, Map.of(
        "n", (double) n, window.centreName(), centre, "qlow", low, "qhigh", high, "width", width,
        "low", low - spec.k() * width, "high", high + spec.k() * width)));
  }

  @Override
  public boolean active() {
    return gate.active();
  }

  @Override
  public State state() {
    return new State(window.state(), gate.state());
  }

  /** Continues from its own state, or from the first version's (every value of the window, shared with hampel). */
  @Override
  public void restore(DetectorState state) {
    if (state instanceof HampelDetector.State values) {
      window = QuantileWindow.replay(spec.window(), values.window(), probabilities());
      gate.restore(values.gate());
      return;
    }
    State own = DetectorState.as(State.class, state, kind());
    window = QuantileWindow.restore(spec.window(), own.window(), probabilities());
    gate.restore(own.gate());
  }

  private double[] probabilities() {
    return new double[] {spec.lowerQuantile(), spec.upperQuantile()};
  }
}
