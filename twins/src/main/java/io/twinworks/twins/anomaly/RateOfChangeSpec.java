package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;

/**
 * {@code rate-of-change}: raise when |Δvalue / Δt| between consecutive readings reaches {@code max-rate}
 * (the signal's unit per second).
 *
 * @param clearRatio the alert clears below {@code max-rate · clear-ratio}
 */
public record RateOfChangeSpec(
    @JsonProperty("max-rate") double maxRate,
    @JsonProperty("clear-ratio") double clearRatio,
    @JsonProperty("warm-up") int warmUp,
    @JsonProperty("min-duration") @JsonFormat(shape = JsonFormat.Shape.STRING) Duration minDuration,
    Severity severity) implements DetectorSpec {

  public RateOfChangeSpec {
    Require.positive("max-rate", maxRate);
    Require.fraction("clear-ratio", clearRatio);
    new Gating(warmUp, minDuration, severity);
  }

  RateOfChangeSpec(double maxRate, double clearRatio, Gating gating) {
    this(maxRate, clearRatio, gating.warmUp(), gating.minDuration(), gating.severity());
  }

  static RateOfChangeSpec read(SpecReader r) {
    return new RateOfChangeSpec(r.getDouble("max-rate"), r.getDouble("clear-ratio"), Gating.read(r));
  }

  @Override
  public double raiseAt() {
    return maxRate;
  }

  @Override
  public double clearAt() {
    return maxRate * clearRatio;
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.RATE_OF_CHANGE;
  }

  @Override
  public RateOfChangeDetector newDetector(String signal) {
    return new RateOfChangeDetector(this, signal);
  }
}
