package io.twinworks.persistence;

import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.history.HistoryStore;

/** The stores the runtime needs beside the journal, from whichever profile is configured. */
public interface TwinworksStore extends AutoCloseable {

  TwinRegistry registry();

  DeadLetterStore deadLetters();

  HistoryStore history();

  AlertLog alerts();

  @Override
  void close();
}
