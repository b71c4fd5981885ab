package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;

/**
 * {@code zscore}: raise when |x − mean| ≥ k · std of the previous {@code window} readings (in 16 blocks:
 * the window moves window/16 readings at a time and holds up to that many more, see {@link BlockMoments}).
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
    Severity severity) implements ScaledScoreSpec {

  public ZScoreSpec {
    new ScoreScale(window, k, clearRatio, minScale, minRelativeScale);
    new Gating(warmUp, minDuration, severity);
  }

  ZScoreSpec(ScoreScale scale, Gating gating) {
    this(scale.window(), scale.k(), scale.clearRatio(), scale.minScale(), scale.minRelativeScale(), gating.warmUp(),
        gating.minDuration(), gating.severity());
  }

  static ZScoreSpec read(SpecReader r) {
    return new ZScoreSpec(ScoreScale.read(r), Gating.read(r));
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
