package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.Map;
import java.util.Optional;

/**
 * Hampel filter: each reading against the median and 1.4826 · MAD (floored) of the {@code window}
 * readings before it. Score |x − median| / scale; deviation signed. O(log² window) per reading: the MAD
 * is found by binary search over order statistics. Bounded memory: about 21 bytes per window slot
 * ({@link OrderedWindow}).
 */
public final class HampelDetector implements Detector {

  /** MAD × 1.4826 estimates the standard deviation of normally distributed data. */
  static final double NORMAL_CONSISTENCY = 1.4826;

  /**
   * The detector's state for snapshots (named {@code order-statistics} in JSON: the first version's iqr
   * detector wrote it too, see {@link IqrDetector#restore}).
   *
   * @param window the window's values, oldest first
   */
  public record State(double[] window, FindingGate.State gate) implements DetectorState {}

  private final HampelSpec spec;
  private final FindingGate gate;
  private OrderedWindow window;

  HampelDetector(HampelSpec spec, String signal) {
    this.spec = spec;
    this.gate = new FindingGate(spec, signal);
    this.window = new OrderedWindow(spec.window());
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.HAMPEL;
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
    double median = window.median();
    double mad = window.medianAbsoluteDeviation();
    double scale = Scales.floored(NORMAL_CONSISTENCY * mad, spec.minScale(), spec.minRelativeScale(), median);
    double deviation = (value - median) / scale;
    int n = window.size();
    return gate.offer(sourceTimeMicros, Math.abs(deviation), () -> new Observation(value, median, deviation, Map.of(
        "n", (double) n, "median", median, "mad", mad, "scale", scale,
        "low", median - spec.k() * scale, "high", median + spec.k() * scale)));
  }

  @Override
  public boolean active() {
    return gate.active();
  }

  @Override
  public State state() {
    return new State(window.values(), gate.state());
  }

  @Override
  public void restore(DetectorState state) {
    State own = DetectorState.as(State.class, state, kind());
    window = OrderedWindow.of(spec.window(), own.window());
    gate.restore(own.gate());
  }
}
