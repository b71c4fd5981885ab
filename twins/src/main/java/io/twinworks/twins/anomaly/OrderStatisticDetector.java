package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.Optional;

/**
 * What the detectors over a window's order statistics ({@code iqr}, {@code hampel}) share: each
 * reading is judged against the {@code window} readings before it, then joins them. Bounded memory:
 * about 21 bytes per window slot ({@link OrderedWindow}).
 */
public abstract sealed class OrderStatisticDetector implements Detector permits IqrDetector, HampelDetector {

  /**
   * The detector's state for snapshots.
   *
   * @param window the window's values, oldest first
   */
  public record State(double[] window, FindingGate.State gate) implements DetectorState {}

  private final int capacity;
  private final FindingGate gate;
  private OrderedWindow window;

  OrderStatisticDetector(int capacity, FindingGate gate) {
    this.capacity = capacity;
    this.gate = gate;
    this.window = new OrderedWindow(capacity);
  }

  /** Scores {@code value} against the (non-empty) window of the readings before it. */
  abstract Optional<Finding> judge(long sourceTimeMicros, double value, OrderedWindow before, FindingGate gate);

  @Override
  public final Optional<Finding> update(long sourceTimeMicros, double value) {
    Optional<Finding> finding = window.size() == 0
        ? gate.offer(sourceTimeMicros, Double.NaN, () -> null)
        : judge(sourceTimeMicros, value, window, gate);
    window.add(value);
    return finding;
  }

  @Override
  public final boolean active() {
    return gate.active();
  }

  @Override
  public final State state() {
    return new State(window.values(), gate.state());
  }

  @Override
  public final void restore(DetectorState state) {
    State own = DetectorState.as(State.class, state, kind());
    window = OrderedWindow.of(capacity, own.window());
    gate.restore(own.gate());
  }
}
