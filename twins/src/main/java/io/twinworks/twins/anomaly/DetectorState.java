package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A detector's complete state, for snapshots; named in JSON by the detector's kind. Snapshots of the first
 * version (which kept every value of the zscore, iqr and seasonal windows) are read as {@code zscore},
 * {@code order-statistics} and {@code seasonal} and continued from by the current detectors.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ThresholdDetector.State.class, name = "threshold"),
    @JsonSubTypes.Type(value = ZScoreDetector.State.class, name = "zscore-blocks"),
    @JsonSubTypes.Type(value = ZScoreDetector.RingState.class, name = "zscore"),
    @JsonSubTypes.Type(value = IqrDetector.State.class, name = "iqr"),
    @JsonSubTypes.Type(value = HampelDetector.State.class, name = "order-statistics"),
    @JsonSubTypes.Type(value = RateOfChangeDetector.State.class, name = "rate-of-change"),
    @JsonSubTypes.Type(value = FlatlineDetector.State.class, name = "flatline"),
    @JsonSubTypes.Type(value = SeasonalDetector.State.class, name = "seasonal-profile"),
    @JsonSubTypes.Type(value = LegacySeasonalState.class, name = "seasonal")})
public sealed interface DetectorState permits ThresholdDetector.State, ZScoreDetector.State,
    ZScoreDetector.RingState, IqrDetector.State, HampelDetector.State, RateOfChangeDetector.State,
    FlatlineDetector.State, SeasonalDetector.State, LegacySeasonalState {

  /** Casts a state to the type a detector expects, or says which kind it came from. */
  static <S extends DetectorState> S as(Class<S> type, DetectorState state, DetectorKind kind) {
    if (!type.isInstance(state)) {
      throw new IllegalArgumentException("a " + kind + " detector cannot restore " + state);
    }
    return type.cast(state);
  }
}
