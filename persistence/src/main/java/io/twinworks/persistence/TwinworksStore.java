package io.twinworks.persistence;

import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.DeliveryCursors;
import io.twinworks.persistence.history.HistoryStore;

/** The stores the runtime needs beside the journal, from whichever profile is configured. */
public interface TwinworksStore extends AutoCloseable {

  TwinRegistry registry();

  DeadLetterStore deadLetters();

  HistoryStore history();

  AlertLog alerts();

  /** The cursors of the alert delivery channels, in the same store as {@link #alerts()}. */
  DeliveryCursors deliveryCursors();

  @Override
  void close();
}
