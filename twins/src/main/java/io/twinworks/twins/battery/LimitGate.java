package io.twinworks.twins.battery;

import io.twinworks.twins.alert.AlertGate;
import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.battery.BatteryLimits.Limit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An {@link AlertGate} over one {@link Limit}, upper or lower, that words its decisions as findings:
 * value, the limit as {@code expected}, and how far past it as {@code deviation} (positive past it).
 */
final class LimitGate {

  private final String kind;
  private final Limit limit;
  private final boolean lower;
  private final AlertGate gate;

  LimitGate(String kind, Limit limit, boolean lower) {
    this.kind = kind;
    this.limit = limit;
    this.lower = lower;
    // A lower limit is an upper limit of the negated value, which is what AlertGate knows.
    long minDurationMicros = TimeUnit.MICROSECONDS.convert(limit.minDuration());
    this.gate = lower
        ? new AlertGate(-limit.raiseAt(), -limit.clearAt(), minDurationMicros)
        : new AlertGate(limit.raiseAt(), limit.clearAt(), minDurationMicros);
  }

  Optional<Finding> update(long timeMicros, String signal, double value, Supplier<Map<String, Double>> evidence) {
    Change change = gate.update(timeMicros, lower ? -value : value);
    if (change == Change.NONE) {
      return Optional.empty();
    }
    double past = lower ? limit.raiseAt() - value : value - limit.raiseAt();
    return Optional.of(new Finding(change, kind, signal, limit.severity(), value, limit.raiseAt(), past, timeMicros,
        evidence.get()));
  }

  AlertGate.State state() {
    return gate.state();
  }

  void restore(AlertGate.State state) {
    gate.restore(state);
  }
}
