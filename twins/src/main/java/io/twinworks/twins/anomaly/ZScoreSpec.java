package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code zscore}: raise when |x − mean| ≥ k · std of the previous {@code window} readings.
 *
 * @param clearRatio the alert clears below {@code k · clearRatio} (hysteresis)
 * @param minScale the smallest std used, in the signal's unit (a flat window has std 0)
 * @param minRelativeScale the smallest std used, as a fraction of |mean|
 */
public record ZScoreSpec(
    int window,
    double k,
    @JsonProperty("clear-ratio") double clearRatio,
    @JsonProperty("min-scale") double minScale,
    @JsonProperty("min-relative-scale") double minRelativeScale,
    @JsonProperty("warm-up") int warmUp,
    @JsonProperty("min-duration") @JsonFormat(shape = JsonFormat.Shape.STRING) Duration minDuration,
    Severity severity) implements DetectorSpec {

  public ZScoreSpec {
    Require.window("window", window, 5);
    Require.positive("k", k);
    Require.fraction("clear-ratio", clearRatio);
    Require.notNegative("min-scale", minScale);
    Require.notNegative("min-relative-scale", minRelativeScale);
    Require.between("warm-up", warmUp, 0, Integer.MAX_VALUE);
    Require.notNegative("min-duration", minDuration);
    Objects.requireNonNull(severity, "severity");
  }

  static ZScoreSpec read(SpecReader r) {
    return new ZScoreSpec(r.getInt("window"), r.getDouble("k"), r.getDouble("clear-ratio"), r.getDouble("min-scale"),
        r.getDouble("min-relative-scale"), r.getInt("warm-up"), r.getDuration("min-duration"),
        r.getSeverity("severity"));
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.ZSCORE;
  }

  @Override
  public ZScoreDetector newDetector(String signal) {
    return new ZScoreDetector(this, signal);
  }
}
