package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;

/**
 * {@code flatline}: raise when the value has stayed within {@code epsilon} of where it was for at least
 * {@code duration} (a stuck sensor); clears on the first reading that moves.
 *
 * @param epsilon how far the value may wander and still count as unchanged, in the signal's unit
 */
public record FlatlineSpec(
    @JsonFormat(shape = JsonFormat.Shape.STRING) Duration duration,
    double epsilon,
    @JsonProperty("warm-up") int warmUp,
    @JsonProperty("min-duration") @JsonFormat(shape = JsonFormat.Shape.STRING) Duration minDuration,
    Severity severity) implements DetectorSpec {

  public FlatlineSpec {
    Require.positive("duration", duration);
    Require.notNegative("epsilon", epsilon);
    new Gating(warmUp, minDuration, severity);
  }

  FlatlineSpec(Duration duration, double epsilon, Gating gating) {
    this(duration, epsilon, gating.warmUp(), gating.minDuration(), gating.severity());
  }

  static FlatlineSpec read(SpecReader r) {
    return new FlatlineSpec(r.getDuration("duration"), r.getDouble("epsilon"), Gating.read(r));
  }

  /** Raised once the signal has been flat for {@code duration} (the score is seconds flat). */
  @Override
  public double raiseAt() {
    return duration.toNanos() / 1e9;
  }

  /** Cleared by the first reading that moves (the score drops to 0). */
  @Override
  public double clearAt() {
    return raiseAt();
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.FLATLINE;
  }

  @Override
  public FlatlineDetector newDetector(String signal) {
    return new FlatlineDetector(this, signal);
  }
}
