package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.util.Objects;

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
    Severity severity) implements DetectorSpec {

  public HampelSpec {
    Require.window("window", window, 5);
    Require.positive("k", k);
    Require.fraction("clear-ratio", clearRatio);
    Require.notNegative("min-scale", minScale);
    Require.notNegative("min-relative-scale", minRelativeScale);
    Require.between("warm-up", warmUp, 0, Integer.MAX_VALUE);
    Require.notNegative("min-duration", minDuration);
    Objects.requireNonNull(severity, "severity");
  }

  static HampelSpec read(SpecReader r) {
    return new HampelSpec(r.getInt("window"), r.getDouble("k"), r.getDouble("clear-ratio"), r.getDouble("min-scale"),
        r.getDouble("min-relative-scale"), r.getInt("warm-up"), r.getDuration("min-duration"),
        r.getSeverity("severity"));
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
