package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.typesafe.config.Config;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.util.Map;

/**
 * One detector's settings, as data: parsed from HOCON ({@code twinworks.anomaly} in reference.conf) or
 * from a JSON body, validated, and written back to JSON with the same keys ({@code type}, then the
 * kebab-case settings), so what a twin stores is what an operator sent.
 *
 * <p>Settings a spec leaves out come from {@code twinworks.anomaly.detector-defaults.<type>}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ThresholdSpec.class, name = "threshold"),
    @JsonSubTypes.Type(value = ZScoreSpec.class, name = "zscore"),
    @JsonSubTypes.Type(value = IqrSpec.class, name = "iqr"),
    @JsonSubTypes.Type(value = HampelSpec.class, name = "hampel"),
    @JsonSubTypes.Type(value = RateOfChangeSpec.class, name = "rate-of-change"),
    @JsonSubTypes.Type(value = FlatlineSpec.class, name = "flatline"),
    @JsonSubTypes.Type(value = SeasonalSpec.class, name = "seasonal")})
public sealed interface DetectorSpec
    permits ThresholdSpec, ScaledScoreSpec, RateOfChangeSpec, FlatlineSpec {

  DetectorKind kind();

  Severity severity();

  /** Readings during which the detector never raises (it is still learning). */
  int warmUp();

  /** How long a condition must hold before it is raised or cleared. */
  Duration minDuration();

  /** The score at or above which the detector's alert is raised (after {@link #minDuration}). */
  double raiseAt();

  /** The score below which a raised alert clears (after {@link #minDuration}); at most {@link #raiseAt}. */
  double clearAt();

  /** A new detector with these settings for {@code signal}. */
  Detector newDetector(String signal);

  /** Parses one spec ({@code type} and settings), filling the rest from reference.conf's defaults. */
  static DetectorSpec fromConfig(Config spec) {
    return SpecParser.parse(spec, SpecParser.referenceDefaults(), "");
  }

  /** Parses one spec from a JSON-shaped map: numbers as {@link Number}, durations as strings. */
  static DetectorSpec fromMap(Map<String, ?> spec) {
    return fromConfig(SpecReader.toConfig(spec));
  }
}
