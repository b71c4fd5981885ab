package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A detector's complete state, for snapshots; named in JSON by the detector's kind ({@code iqr} and
 * {@code hampel} share one).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ThresholdDetector.State.class, name = "threshold"),
    @JsonSubTypes.Type(value = ZScoreDetector.State.class, name = "zscore"),
    @JsonSubTypes.Type(value = OrderStatisticDetector.State.class, name = "order-statistics"),
    @JsonSubTypes.Type(value = RateOfChangeDetector.State.class, name = "rate-of-change"),
    @JsonSubTypes.Type(value = FlatlineDetector.State.class, name = "flatline"),
    @JsonSubTypes.Type(value = SeasonalDetector.State.class, name = "seasonal")})
public sealed interface DetectorState permits ThresholdDetector.State, ZScoreDetector.State,
    OrderStatisticDetector.State, RateOfChangeDetector.State, FlatlineDetector.State, SeasonalDetector.State {

  /** Casts a state to the type a detector expects, or says which kind it came from. */
  static <S extends DetectorState> S as(Class<S> type, DetectorState state, DetectorKind kind) {
    if (!type.isInstance(state)) {
      throw new IllegalArgumentException("a " + kind + " detector cannot restore " + state);
    }
    return type.cast(state);
  }
}
