package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;

/**
 * {@code iqr}: raise outside [Q_low − k·W, Q_high + k·W] where Q are quantiles of the previous
 * {@code window} readings and W = Q_high − Q_low. With the quartiles (0.25, 0.75) this is Tukey's fence
 * on the interquartile range; wider quantiles such as (0.01, 0.99) make it a "usual range" band that a
 * daily cycle or recurring spikes stay inside. A window over 256 readings is kept in 16 blocks: its
 * quantiles are approximate, see {@link IqrDetector}.
 *
 * @param lowerQuantile the lower quantile, in [0, 1)
 * @param upperQuantile the upper quantile, above the lower, at most 1
 * @param clearRatio the alert clears below {@code k · clearRatio} band widths outside
 * @param minScale the smallest W used, in the signal's unit (a flat window has W = 0)
 * @param minRelativeScale the smallest W used, as a fraction of |median|
 */
public record IqrSpec(
    int window,
    @JsonProperty("lower-quantile") double lowerQuantile,
    @JsonProperty("upper-quantile") double upperQuantile,
    double k,
    @JsonProperty("clear-ratio") double clearRatio,
    @JsonProperty("min-scale") double minScale,
    @JsonProperty("min-relative-scale") double minRelativeScale,
    @JsonProperty("warm-up") int warmUp,
    @JsonProperty("min-duration") @JsonFormat(shape = JsonFormat.Shape.STRING) Duration minDuration,
    Severity severity) implements ScaledScoreSpec {

  public IqrSpec {
    new ScoreScale(window, k, clearRatio, minScale, minRelativeScale);
    if (!(lowerQuantile >= 0 && lowerQuantile < 1)) {
      throw new IllegalArgumentException("lower-quantile must be at least 0 and below 1, was " + lowerQuantile);
    }
    if (!(upperQuantile > lowerQuantile && upperQuantile <= 1)) {
      throw new IllegalArgumentException(
          "upper-quantile must be above lower-quantile " + lowerQuantile + " and at most 1, was " + upperQuantile);
    }
    new Gating(warmUp, minDuration, severity);
  }

  IqrSpec(ScoreScale scale, double lowerQuantile, double upperQuantile, Gating gating) {
    this(scale.window(), lowerQuantile, upperQuantile, scale.k(), scale.clearRatio(), scale.minScale(),
        scale.minRelativeScale(), gating.warmUp(), gating.minDuration(), gating.severity());
  }

  static IqrSpec read(SpecReader r) {
    return new IqrSpec(ScoreScale.read(r), r.getDouble("lower-quantile"), r.getDouble("upper-quantile"),
        Gating.read(r));
  }


  @Override
  public DetectorKind kind() {
    return DetectorKind.IQR;
  }

  @Override
  public IqrDetector newDetector(String signal) {
    return new IqrDetector(this, signal);
  }
}
