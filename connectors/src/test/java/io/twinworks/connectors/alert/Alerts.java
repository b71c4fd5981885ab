package io.twinworks.connectors.alert;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.time.Instant;
import java.util.Map;

/** Alerts for the publisher tests. */
final class Alerts {

  static final Instant RAISED = Instant.parse("2024-05-01T10:00:00.250Z");

  private Alerts() {}

  /** A fresh alert: active, no expected value or deviation, no evidence. */
  static Alert fresh(String twinId, Severity severity) {
    return new Alert(twinId + "~1", TwinId.of(twinId), "threshold", severity, "temperature", 81.5, Double.NaN,
        Double.NaN, "threshold", AlertState.ACTIVE, RAISED, null, null, null, Map.of());
  }

  /** An alert with every field set, cleared after an acknowledgement. */
  static Alert complete() {
    return new Alert("acme:p1:r1:pk7~3", TwinId.of("acme:p1:r1:pk7"), "cell-imbalance", Severity.CRITICAL,
        "cell.12.voltage", 3.412, 3.65, -0.238, "zscore", AlertState.CLEARED, RAISED,
        Instant.parse("2024-05-01T10:05:00Z"), Instant.parse("2024-05-01T10:20:00Z"),
        Instant.parse("2024-05-01T10:00:00.125Z"), Map.of("zscore", 4.25, "mean", 3.65, "window", 60.0));
  }
}
