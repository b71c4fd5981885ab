package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.AlertGate;
import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The decision part every detector shares: a warm-up of samples during which nothing is raised, then
 * an {@link AlertGate} (hysteresis and minimum duration) over the detector's score, and the
 * {@link Finding} when the gate raises or clears. The observation is only built when there is one.
 */
final class FindingGate {

  /**
   * The gate's state for snapshots.
   *
   * @param samples readings offered so far (counted up to the warm-up only)
   */
  record State(long samples, AlertGate.State gate) {}

  private final String kind;
  private final String signal;
  private final Severity severity;
  private final int warmUp;
  private final AlertGate gate;
  private long samples;

  FindingGate(String kind, String signal, Severity severity, int warmUp, double raiseAt, double clearAt,
      Duration minDuration) {
    this.kind = kind;
    this.signal = signal;
    this.severity = severity;
    this.warmUp = warmUp;
    this.gate = new AlertGate(raiseAt, clearAt, minDuration.toNanos() / 1_000);
  }

  boolean active() {
    return gate.active();
  }

  /**
   * Offers the score of one reading: NaN means "no score yet" (the window is too short) and is never
   * raised on; nor is anything during the first {@code warm-up} readings.
   */
  Optional<Finding> offer(long sourceTimeMicros, double score, Supplier<Observation> observation) {
    if (samples <= warmUp) {
      samples++;
    }
    if (samples <= warmUp || Double.isNaN(score)) {
      return Optional.empty();
    }
    Change change = gate.update(sourceTimeMicros, score);
    if (change == Change.NONE) {
      return Optional.empty();
    }
    Observation seen = observation.get();
    return Optional.of(new Finding(change, kind, signal, severity, seen.value(), seen.expected(), seen.deviation(),
        sourceTimeMicros, seen.evidence()));
  }

  State state() {
    return new State(samples, gate.state());
  }

  void restore(State state) {
    samples = state.samples();
    gate.restore(state.gate());
  }
}
