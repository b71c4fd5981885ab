package io.twinworks.persistence.alert;

import io.twinworks.twins.alert.Alert;
import java.util.Objects;

/** One change of the alert log: the alert as it was after change number {@code seq}. */
public record LoggedAlert(long seq, Alert alert) {

  public LoggedAlert {
    AlertArguments.checkSeq(seq);
    Objects.requireNonNull(alert, "alert");
  }
}
