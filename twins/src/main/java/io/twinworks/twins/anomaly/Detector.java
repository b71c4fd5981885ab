package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.Optional;

/**
 * Watches one signal's readings, in source-time order, and says when an alert of its {@link #kind()}
 * must be raised or cleared. Mutable and owned by one twin; {@link #state()} and {@link #restore}
 * carry it through snapshots, after which it continues bit for bit as the original would have.
 */
public sealed interface Detector permits ThresholdDetector, ZScoreDetector, IqrDetector, HampelDetector,
    RateOfChangeDetector, FlatlineDetector, SeasonalDetector {

  DetectorKind kind();

  /**
   * Feeds one reading (time after the previous reading's, value finite).
   *
   * @return a finding when this reading raised or cleared the detector's alert
   */
  Optional<Finding> update(long sourceTimeMicros, double value);

  /** Whether the detector's alert is currently raised. */
  boolean active();

  DetectorState state();

  /** Continues from a state taken from a detector with the same spec. */
  void restore(DetectorState state);
}
