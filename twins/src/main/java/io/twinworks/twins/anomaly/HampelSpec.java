package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;

/**
 * {@code hampel}: raise at |x − median| ≥ k · 1.4826 · MAD of the previous {@code window} readings
 * (1.4826 · MAD estimates the standard deviation of normal data, robust to the outliers themselves).
 *
 * @param clearRatio the alert clears below {@code k · clearRatio}
 * @param minScale the smallest scale used, in the signal's unit: a window where more than half the
 *     values are equal has MAD 0, and one tiny change would otherwise be infinitely far off
 * @param minRelativeScale the smallest scale used, as a fraction of |median|
 */
public record HampelSpec(
    int window,
    double k,
    @JsonProperty("clear-ratio") double clearRatio,
    @JsonProperty("min-scale") double minScale,
    @JsonProperty("min-relative-scale") double minRelativeScale,
    @JsonProperty("warm-up") int warmUp,
    @JsonProperty("min-duration") @JsonFormat(shape = JsonFormat.Shape.STRING) Duration minDuration,
    Severity severity) implements ScaledScoreSpec {

  public HampelSpec {
    new ScoreScale(window, k, clearRatio, minScale, minRelativeScale);
    new Gating(warmUp, minDuration, severity);
  }

  HampelSpec(ScoreScale scale, Gating gating) {
    this(scale.window(), scale.k(), scale.clearRatio(), scale.minScale(), scale.minRelativeScale(), gating.warmUp(),
        gating.minDuration(), gating.severity());
  }

  static HampelSpec read(SpecReader r) {
    return new HampelSpec(ScoreScale.read(r), Gating.read(r));
  }


  @Override
  public DetectorKind kind() {
    return DetectorKind.HAMPEL;
  }

  @Override
  public HampelDetector newDetector(String signal) {
    return new HampelDetector(this, signal);
  }
}
