package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.Map;
import java.util.Optional;

/**
 * Rolling z-score: each reading against the mean and sample std of the {@code window} readings before
 * it, O(1) per reading ({@link RollingMoments}). Score |z|; deviation z. Bounded memory: one
 * {@code double} per window slot.
 */
public final class ZScoreDetector implements Detector {

  /** The detector's state for snapshots. */
  public record State(RollingMoments.State window, FindingGate.State gate) implements DetectorState {}

  private final ZScoreSpec spec;
  private final FindingGate gate;
  private RollingMoments window;

  ZScoreDetector(ZScoreSpec spec, String signal) {
    this.spec = spec;
    this.window = new RollingMoments(spec.window());
    this.gate = new FindingGate(kind().id(), signal, spec.severity(), spec.warmUp(), spec.k(),
        spec.k() * spec.clearRatio(), spec.minDuration());
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.ZSCORE;
  }

  @Override
  public Optional<Finding> update(long sourceTimeMicros, double value) {
    int n = window.size();
    double mean = n >= 2 ? window.mean() : Double.NaN;
    double std = Scales.floored(window.std(), spec.minScale(), spec.minRelativeScale(), mean);
    double z = (value - mean) / std;
    Optional<Finding> finding = gate.offer(sourceTimeMicros, Math.abs(z), () -> new Observation(value, mean, z,
        Map.of("n", (double) n, "mean", mean, "std", std, "k", spec.k())));
    window.add(value);
    return finding;
  }

  @Override
  public boolean active() {
    return gate.active();
  }

  @Override
  public State state() {
    return new State(window.state(), gate.state());
  }

  @Override
  public void restore(DetectorState state) {
    State own = DetectorState.as(State.class, state, kind());
    window = RollingMoments.restore(spec.window(), own.window());
    gate.restore(own.gate());
  }
}
