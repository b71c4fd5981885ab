package io.twinworks.runtime.alert;

import io.twinworks.persistence.alert.LoggedAlert;
import java.util.List;

/** Told by the {@link AlertHub} after each append that moved the alert log's last seq. */
@FunctionalInterface
public interface AppendListener {

  /**
   * The log's last seq is now {@code lastSeq}; {@code changes} are the changes of this append, consecutive and
   * ending at {@code lastSeq}, or empty when they are too many to pass around (readers read them from the log).
   */
  void appended(long lastSeq, List<LoggedAlert> changes);
}
