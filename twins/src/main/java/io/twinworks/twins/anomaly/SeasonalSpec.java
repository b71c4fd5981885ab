package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;

/**
 * {@code seasonal}: compare each reading with the same time of day (of {@code period}) on the previous
 * {@code periods} periods, and raise when the difference is at least k times the usual difference.
 * Catches a change in a daily pattern that stays inside the signal's usual range: a missing or a lower
 * daily peak, a day that stays flat.
 *
 * @param period the length of the pattern, e.g. one day
 * @param slots how many slots a period is cut into; a slot keeps the mean of its readings per period
 * @param periods how many past periods the expectation is the median of (the median ignores one odd day)
 * @param window how many past differences the usual difference is taken from (over 256: approximately,
 *     in 16 blocks, see {@link BlockQuantiles})
 * @param quantile which quantile of the past |differences| is the usual difference (0.99: a spike
 *     that recurs in more than 1 % of the readings is usual)
 * @param clearRatio the alert clears below {@code k · clear-ratio}
 * @param minScale the smallest usual difference, in the signal's unit
 * @param minRelativeScale the smallest usual difference, as a fraction of |expected|
 * @param warmUp differences (readings with a full expectation) during which it never raises
 */
public record SeasonalSpec(
    @JsonFormat(shape = JsonFormat.Shape.STRING) Duration period,
    int slots,
    int periods,
    int window,
    double quantile,
    double k,
    @JsonProperty("clear-ratio") double clearRatio,
    @JsonProperty("min-scale") double minScale,
    @JsonProperty("min-relative-scale") double minRelativeScale,
    @JsonProperty("warm-up") int warmUp,
    @JsonProperty("min-duration") @JsonFormat(shape = JsonFormat.Shape.STRING) Duration minDuration,
    Severity severity) implements ScaledScoreSpec {

  /** The most slots × periods (the profile keeps periods + 1 rows of slot means): bounded memory per signal. */
  static final int MAX_SLOT_MEANS = 100_000;

  public SeasonalSpec {
    Require.positive("period", period);
    if (period.compareTo(Duration.ofDays(366)) > 0) {
      throw new IllegalArgumentException("period must be at most 366 days, was " + period);
    }
    Require.between("slots", slots, 1, 10_000);
    if (period.toNanos() / 1_000 < slots) {
      throw new IllegalArgumentException("slots must be at most one per microsecond of the period, was " + slots);
    }
    Require.between("periods", periods, 1, 31);
    if ((long) slots * periods > MAX_SLOT_MEANS) {
      throw new IllegalArgumentException(
          "slots × periods must be at most " + MAX_SLOT_MEANS + ", was " + slots + " × " + periods);
    }
    new ScoreScale(window, k, clearRatio, minScale, minRelativeScale);
    Require.fraction("quantile", quantile);
    new Gating(warmUp, minDuration, severity);
  }

  SeasonalSpec(Duration period, int slots, int periods, ScoreScale scale, double quantile, Gating gating) {
    this(period, slots, periods, scale.window(), quantile, scale.k(), scale.clearRatio(), scale.minScale(),
        scale.minRelativeScale(), gating.warmUp(), gating.minDuration(), gating.severity());
  }

  static SeasonalSpec read(SpecReader r) {
    return new SeasonalSpec(r.getDuration("period"), r.getInt("slots"), r.getInt("periods"), ScoreScale.read(r),
        r.getDouble("quantile"), Gating.read(r));
  }


  @Override
  public DetectorKind kind() {
    return DetectorKind.SEASONAL;
  }

  @Override
  public SeasonalDetector newDetector(String signal) {
    return new SeasonalDetector(this, signal);
  }
}
