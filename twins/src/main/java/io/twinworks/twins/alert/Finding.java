package io.twinworks.twins.alert;

import java.util.Map;
import java.util.Objects;

/**
 * What an analytic concluded about one signal at one source time: the raw material of an alert.
 *
 * @param change whether the condition was just raised or just cleared
 * @param kind the alert kind, e.g. {@code zscore}, {@code cell-imbalance}, {@code communication-loss}
 * @param signal the signal it is about (or a pack-level name such as {@code voltage.spread})
 * @param value the value that decided it
 * @param expected what the analytic expected instead (e.g. the rolling mean), NaN when it has none
 * @param deviation how far off the value is in the analytic's own unit (e.g. sigmas), NaN when none
 * @param sourceTimeMicros the source time of the reading that decided it, epoch micros
 * @param evidence the analytic's window statistics, by name (e.g. {@code mean}, {@code std}, {@code n})
 */
public record Finding(
    Change change,
    String kind,
    String signal,
    Severity severity,
    double value,
    double expected,
    double deviation,
    long sourceTimeMicros,
    Map<String, Double> evidence) {

  public Finding {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(severity, "severity");
    if (change == Change.NONE) {
      throw new IllegalArgumentException("a finding raises or clears, it is never NONE");
    }
    evidence = Map.copyOf(evidence);
  }
}
