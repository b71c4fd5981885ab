package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.Map;
import java.util.Optional;

/**
 * Rate of change between consecutive readings, per second. Score |rate|; deviation the signed rate;
 * expected the previous value. A reading not after the previous one is ignored. Constant memory.
 */
public final class RateOfChangeDetector implements Detector {

  private static final long NONE = Long.MIN_VALUE;

  /**
   * The detector's state for snapshots.
   *
   * @param previousMicros source time of the previous reading, {@link Long#MIN_VALUE} before the first
   */
  public record State(long previousMicros, double previousValue, FindingGate.State gate) implements DetectorState {}

  private final RateOfChangeSpec spec;
  private final FindingGate gate;
  private long previousMicros = NONE;
  private double previousValue = Double.NaN;

  RateOfChangeDetector(RateOfChangeSpec spec, String signal) {
    this.spec = spec;
    this.gate = new FindingGate(spec, signal);
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.RATE_OF_CHANGE;
  }

  @Override
  public Optional<Finding> update(long sourceTimeMicros, double value) {
    if (previousMicros != NONE && sourceTimeMicros <= previousMicros) {
      return Optional.empty();
    }
    double seconds = (sourceTimeMicros - previousMicros) / 1e6;
    double before = previousValue;
    double rate = previousMicros == NONE ? Double.NaN : (value - before) / seconds;
    previousMicros = sourceTimeMicros;
    previousValue = value;
    return gate.offer(sourceTimeMicros, Math.abs(rate), () -> new Observation(value, before, rate, Map.of(
        "rate", rate, "max-rate", spec.maxRate(), "seconds", seconds, "previous", before)));
  }

  @Override
  public boolean active() {
    return gate.active();
  }

  @Override
  public State state() {
    return new State(previousMicros, previousValue, gate.state());
  }

  @Override
  public void restore(DetectorState state) {
    State own = DetectorState.as(State.class, state, kind());
    previousMicros = own.previousMicros();
    previousValue = own.previousValue();
    gate.restore(own.gate());
  }
}
