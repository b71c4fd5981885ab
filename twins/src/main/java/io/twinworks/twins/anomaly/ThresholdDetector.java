package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fixed limits: absolute {@code low}/{@code high} and {@code baseline ± deviation}. Score: how far the
 * value is beyond the limit it is nearest to breaking (negative inside); deviation: value − that limit
 * (negative below the low side); expected: the baseline if there is one, else that limit. Constant memory.
 */
public final class ThresholdDetector implements Detector {

  /** The detector's state for snapshots. */
  public record State(FindingGate.State gate) implements DetectorState {}

  private final ThresholdSpec spec;
  private final FindingGate gate;
  private final double high;
  private final double low;

  ThresholdDetector(ThresholdSpec spec, String signal) {
    this.spec = spec;
    this.gate = new FindingGate(spec, signal);
    double highest = spec.high() == null ? Double.POSITIVE_INFINITY : spec.high();
    double lowest = spec.low() == null ? Double.NEGATIVE_INFINITY : spec.low();
    if (spec.baseline() != null) {
      highest = Math.min(highest, spec.baseline() + spec.deviation());
      lowest = Math.max(lowest, spec.baseline() - spec.deviation());
    }
    this.high = highest;
    this.low = lowest;
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.THRESHOLD;
  }

  @Override
  public Optional<Finding> update(long sourceTimeMicros, double value) {
    double above = value - high;
    double below = low - value;
    return gate.offer(sourceTimeMicros, Math.max(above, below), () -> observe(value, above >= below ? high : low));
  }

  /** The value against the limit it is nearest to breaking: deviation = value − limit. */
  private Observation observe(double value, double limit) {
    Map<String, Double> evidence = new HashMap<>();
    putIfSet(evidence, "low", spec.low());
    putIfSet(evidence, "high", spec.high());
    putIfSet(evidence, "baseline", spec.baseline());
    putIfSet(evidence, "deviation", spec.deviation());
    evidence.put("limit", limit);
    evidence.put("hysteresis", spec.hysteresis());
    return new Observation(value, spec.baseline() != null ? spec.baseline() : limit, value - limit, evidence);
  }

  private static void putIfSet(Map<String, Double> evidence, String key, Double limit) {
    if (limit != null) {
      evidence.put(key, limit);
    }
  }

  @Override
  public boolean active() {
    return gate.active();
  }

  @Override
  public State state() {
    return new State(gate.state());
  }

  @Override
  public void restore(DetectorState state) {
    gate.restore(DetectorState.as(State.class, state, kind()).gate());
  }
}
