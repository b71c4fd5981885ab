package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;

/**
 * {@code threshold}: raise when the value is beyond an absolute limit ({@code low}, {@code high}) or
 * more than {@code deviation} away from a {@code baseline} (a plant's "42 °C ± 5"). A value exactly at
 * a limit is still inside. Unset limits are null.
 *
 * @param hysteresis the alert clears once the value is back inside every limit by more than this, in the
 *     signal's unit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThresholdSpec(
    Double low,
    Double high,
    Double baseline,
    Double deviation,
    double hysteresis,
    @JsonProperty("warm-up") int warmUp,
    @JsonProperty("min-duration") @JsonFormat(shape = JsonFormat.Shape.STRING) Duration minDuration,
    Severity severity) implements DetectorSpec {

  public ThresholdSpec {
    if (low == null && high == null && baseline == null) {
      throw new IllegalArgumentException("low, high or baseline (with deviation) must be set");
    }
    optionalFinite("low", low);
    optionalFinite("high", high);
    optionalFinite("baseline", baseline);
    if (low != null && high != null && !(low < high)) {
      throw new IllegalArgumentException("high must be above low " + low + ", was " + high);
    }
    if (baseline != null && deviation == null) {
      throw new IllegalArgumentException("deviation is required with a baseline");
    }
    if (deviation != null) {
      Require.present("baseline (for the deviation)", baseline);
      Require.positive("deviation", deviation);
    }
    Require.notNegative("hysteresis", hysteresis);
    new Gating(warmUp, minDuration, severity);
  }

  ThresholdSpec(Double low, Double high, Double baseline, Double deviation, double hysteresis, Gating gating) {
    this(low, high, baseline, deviation, hysteresis, gating.warmUp(), gating.minDuration(), gating.severity());
  }

  static ThresholdSpec read(SpecReader r) {
    return new ThresholdSpec(r.getOptionalDouble("low"), r.getOptionalDouble("high"), r.getOptionalDouble("baseline"),
        r.getOptionalDouble("deviation"), r.getDouble("hysteresis"), Gating.read(r));
  }

  /** "Beyond" a limit is strict: a value exactly at it scores 0, and the alert raises only above 0. */
  @Override
  public double raiseAt() {
    return Double.MIN_VALUE;
  }

  /** A raised alert clears once the value is back inside its limits by more than {@code hysteresis}. */
  @Override
  public double clearAt() {
    return -hysteresis;
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.THRESHOLD;
  }

  @Override
  public ThresholdDetector newDetector(String signal) {
    return new ThresholdDetector(this, signal);
  }

  private static void optionalFinite(String key, Double value) {
    if (value != null) {
      Require.finite(key, value);
    }
  }
}
