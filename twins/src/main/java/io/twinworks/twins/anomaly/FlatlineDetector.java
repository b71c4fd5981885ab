package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.Map;
import java.util.Optional;

/**
 * Stuck value: how long the signal has stayed within {@code epsilon} of the value that started the
 * run. Score and deviation: seconds flat; the alert raises at {@code duration} and clears on the first
 * reading that moves (the score drops to 0). Constant memory.
 */
public final class FlatlineDetector implements Detector {

  private static final long NONE = Long.MIN_VALUE;

  /**
   * The detector's state for snapshots.
   *
   * @param anchor the value the current flat run started with, NaN before the first reading
   * @param sinceMicros when the current flat run started, {@link Long#MIN_VALUE} before the first reading
   */
  public record State(double anchor, long sinceMicros, FindingGate.State gate) implements DetectorState {}

  private final FlatlineSpec spec;
  private final FindingGate gate;
  private double anchor = Double.NaN;
  private long sinceMicros = NONE;

  FlatlineDetector(FlatlineSpec spec, String signal) {
    this.spec = spec;
    this.gate = new FindingGate(spec, signal);
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.FLATLINE;
  }

  @Override
  public Optional<Finding> update(long sourceTimeMicros, double value) {
    if (sinceMicros == NONE || !(Math.abs(value - anchor) <= spec.epsilon())) {
      anchor = value;
      sinceMicros = sourceTimeMicros;
    }
    double flatSeconds = (sourceTimeMicros - sinceMicros) / 1e6;
    double startedWith = anchor;
    long since = sinceMicros;
    return gate.offer(sourceTimeMicros, flatSeconds, () -> new Observation(value, Double.NaN, flatSeconds, Map.of(
        "seconds", flatSeconds, "value", startedWith, "since", (double) since, "epsilon", spec.epsilon())));
  }

  @Override
  public boolean active() {
    return gate.active();
  }

  @Override
  public State state() {
    return new State(anchor, sinceMicros, gate.state());
  }

  @Override
  public void restore(DetectorState state) {
    State own = DetectorState.as(State.class, state, kind());
    anchor = own.anchor();
    sinceMicros = own.sinceMicros();
    gate.restore(own.gate());
  }
}
