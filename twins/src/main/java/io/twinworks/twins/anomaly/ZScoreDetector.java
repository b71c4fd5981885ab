package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.twinworks.twins.alert.Finding;
import java.util.Map;
import java.util.Optional;

/**
 * Rolling z-score: each reading against the mean and sample std of about the {@code window} readings
 * before it ({@link BlockMoments}: the window moves in blocks of window/16 and holds up to a block more),
 * O(1) per reading. Score |z|; deviation z. Bounded memory: 16 blocks of two doubles.
 */
public final class ZScoreDetector implements Detector {

  /** The detector's state for snapshots. */
  public record State(BlockMoments.State window, FindingGate.State gate) implements DetectorState {}

  /**
   * A snapshot of the first version, which kept every value of the window: restored by adding them to
   * the blocks, oldest first.
   */
  public record RingState(RingValues window, FindingGate.State gate) implements DetectorState {}

  /** The values of a {@link RingState}'s window, oldest first (its running sums are not needed). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RingValues(double[] values) {}

  private final ZScoreSpec spec;
  private final FindingGate gate;
  private BlockMoments window;

  ZScoreDetector(ZScoreSpec spec, String signal) {
    this.spec = spec;
    this.window = BlockMoments.forWindow(spec.window());
    this.gate = new FindingGate(spec, signal);
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.ZSCORE;
  }

  @Override
  public Optional<Finding> update(long sourceTimeMicros, double value) {
    long n = window.size();
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
    if (state instanceof RingState ring) {
      window = BlockMoments.forWindow(spec.window());
      for (double value : ring.window().values()) {
        window.add(value);
      }
      gate.restore(ring.gate());
      return;
    }
    State own = DetectorState.as(State.class, state, kind());
    window = BlockMoments.restore(spec.window(), own.window());
    gate.restore(own.gate());
  }
}
