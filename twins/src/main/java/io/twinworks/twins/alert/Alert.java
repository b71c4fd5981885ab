package io.twinworks.twins.alert;

import io.twinworks.twins.CborSerializable;
import io.twinworks.twins.TwinId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One alert of one twin, in its current state. A twin has at most one open (not cleared) alert per
 * signal and kind. Its id is the twin id, {@code ~} and the twin's alert number, e.g.
 * {@code default:line1:cnc01~7}: unique, stable across replays, and safe in a URL path.
 *
 * @param expected what the analytic expected instead, NaN when it has none
 * @param deviation how far off, in the detector's own unit, NaN when none
 * @param sourceTime the source time of the reading that raised it
 */
public record Alert(
    String id,
    TwinId twinId,
    String kind,
    Severity severity,
    String signal,
    double value,
    double expected,
    double deviation,
    String detector,
    AlertState state,
    Instant raisedAt,
    Instant acknowledgedAt,
    Instant clearedAt,
    Instant sourceTime,
    Map<String, Double> evidence)
    implements CborSerializable {

  public static final char ID_SEPARATOR = '~';

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(twinId, "twinId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(raisedAt, "raisedAt");
    evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
  }

  public static String id(TwinId twinId, long number) {
    return twinId.value() + ID_SEPARATOR + number;
  }

  /** The twin an alert id belongs to; throws {@link IllegalArgumentException} for a malformed id. */
  public static TwinId twinOf(String alertId) {
    int separator = alertId.lastIndexOf(ID_SEPARATOR);
    if (separator <= 0 || separator == alertId.length() - 1
        || !alertId.substring(separator + 1).chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("alert id must look like <twin id>~<number>, was '" + alertId + "'");
    }
    return TwinId.of(alertId.substring(0, separator));
  }

  public String tenant() {
    return twinId.tenant();
  }

  public boolean open() {
    return state != AlertState.CLEARED;
  }

  public Alert acknowledged(Instant at) {
    return new Alert(id, twinId, kind, severity, signal, value, expected, deviation, detector,
        AlertState.ACKNOWLEDGED, raisedAt, at, clearedAt, sourceTime, evidence);
  }

  public Alert cleared(Instant at) {
    return new Alert(id, twinId, kind, severity, signal, value, expected, deviation, detector,
        AlertState.CLEARED, raisedAt, acknowledgedAt, at, sourceTime, evidence);
  }
}
