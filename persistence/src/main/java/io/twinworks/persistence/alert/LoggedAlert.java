package io.twinworks.persistence.alert;

import io.twinworks.twins.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One change of the alert log: the alert as it was after change number {@code seq}. */
public record LoggedAlert(long seq, Alert alert) {

  public LoggedAlert {
    AlertArguments.checkSeq(seq);
    Objects.requireNonNull(alert, "alert");
  }

  /**
   * The changes {@code firstSeq}, {@code firstSeq + 1}, ... of {@code alerts}, in order; throws
   * {@link IllegalArgumentException} for a {@code firstSeq} below 1, even with no alerts.
   */
  public static List<LoggedAlert> numbered(long firstSeq, List<Alert> alerts) {
    AlertArguments.checkSeq(firstSeq);
    List<LoggedAlert> changes = new ArrayList<>(alerts.size());
    for (Alert alert : alerts) {
      changes.add(new LoggedAlert(firstSeq + changes.size(), alert));
    }
    return changes;
  }
}
