package io.twinworks.twins.oee;

import io.twinworks.twins.alert.AlertGate;
import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import java.util.Map;
import java.util.Optional;

/**
 * Watches closed windows for the {@code oee-low} condition of an {@link OeeLowRule}. A finding's
 * value is the window's OEE, expected the rule's {@code below}, deviation their difference, source
 * time the window's end, evidence the window's figures. Constant memory.
 */
final class OeeLowWatch {

  static final String KIND = "oee-low";
  static final String SIGNAL = "oee";

  private final OeeLowRule rule;
  private final AlertGate gate;

  OeeLowWatch(OeeLowRule rule) {
    this.rule = rule;
    // The gate raises at score >= raiseAt and clears at score < clearAt; with score = -oee, raising
    // at -nextDown(below) means oee < below (strictly), clearing at -clearAbove means oee > clearAbove.
    this.gate = new AlertGate(-Math.nextDown(rule.below()), -rule.clearAbove(), 0);
  }

  /** Judges a window that just closed, at its end time. */
  Optional<Finding> onClosed(OeeWindow window) {
    if (!rule.enabled() || window.bucket() != rule.bucket() || window.oee() == null) {
      return Optional.empty();
    }
    long endMicros = Micros.of(window.end());
    Change change = gate.update(endMicros, -window.oee());
    if (change == Change.NONE) {
      return Optional.empty();
    }
    double oee = window.oee();
    return Optional.of(new Finding(change, KIND, SIGNAL, rule.severity(), oee, rule.below(), oee - rule.below(),
        endMicros, evidence(window)));
  }

  AlertGate.State state() {
    return gate.state();
  }

  void restore(AlertGate.State state) {
    gate.restore(state);
  }

  private static Map<String, Double> evidence(OeeWindow window) {
    return Map.of(
        "availability", window.availability(),
        "performance", window.performance(),
        "quality", window.quality(),
        "plannedSeconds", window.plannedSeconds(),
        "runSeconds", window.runSeconds(),
        "totalCount", (double) window.totalCount(),
        "goodCount", (double) window.goodCount(),
        "windowStartEpochSeconds", (double) window.start().getEpochSecond(),
        "windowEndEpochSeconds", (double) window.end().getEpochSecond());
  }
}
