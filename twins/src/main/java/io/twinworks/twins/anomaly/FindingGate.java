package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.AlertGate;
import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The decision part every detector shares: a warm-up of samples during which nothing is raised, then
 * an {@link AlertGate} (hysteresis and minimum duration) over the detector's score, and the
 * {@link Finding} when the gate raises or clears. The observation is only built when there is one.
 *
 * <p>The settings are the spec's, shared by every detector made from it. The {@link AlertGate} exists only
 * while it holds something — a score at or above the raise level, pending or raised — and is dropped when it
 * is back at rest: a gate at rest ignores scores below the raise level, so most detectors, which never
 * raise, never hold one.
 */
final class FindingGate {

  /** What a gate at rest (not raised, nothing pending) would say in a snapshot. */
  private static final AlertGate.State AT_REST = new AlertGate.State(false, Long.MIN_VALUE);

  /**
   * The gate's state for snapshots.
   *
   * @param samples readings offered so far (counted up to the warm-up only)
   */
  record State(long samples, AlertGate.State gate) {}

  private final DetectorSpec spec;
  private final String signal;
  private AlertGate gate;
  private long samples;

  FindingGate(DetectorSpec spec, String signal) {
    this.spec = spec;
    this.signal = signal;
  }

  boolean active() {
    return gate != null && gate.active();
  }

  /**
   * Offers the score of one reading: NaN means "no score yet" (the window is too short) and is never
   * raised on; nor is anything during the first {@code warm-up} readings.
   */
  Optional<Finding> offer(long sourceTimeMicros, double score, Supplier<Observation> observation) {
    if (samples <= spec.warmUp()) {
      samples++;
    }
    if (samples <= spec.warmUp() || Double.isNaN(score)) {
      return Optional.empty();
    }
    if (gate == null) {
      if (!(score >= spec.raiseAt())) {
        return Optional.empty(); // what a gate at rest does with it, and it stays at rest
      }
      gate = newGate();
    }
    Change change = gate.update(sourceTimeMicros, score);
    if (gate.atRest()) {
      gate = null;
    }
    if (change == Change.NONE) {
      return Optional.empty();
    }
    Observation seen = observation.get();
    return Optional.of(new Finding(change, spec.kind().id(), signal, spec.severity(), seen.value(), seen.expected(),
        seen.deviation(), sourceTimeMicros, seen.evidence()));
  }

  State state() {
    return new State(samples, gate == null ? AT_REST : gate.state());
  }

  void restore(State state) {
    samples = state.samples();
    gate = null;
    if (!state.gate().equals(AT_REST)) {
      gate = newGate();
      gate.restore(state.gate());
    }
  }

  private AlertGate newGate() {
    return new AlertGate(spec.raiseAt(), spec.clearAt(), spec.minDuration().toNanos() / 1_000);
  }
}
