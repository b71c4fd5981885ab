package io.twinworks.persistence;

import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.DeliveryCursors;
import io.twinworks.persistence.history.HistoryStore;
import java.util.List;

/** The stores the runtime needs beside the journal, from whichever profile is configured. */
public interface TwinworksStore extends AutoCloseable {

  TwinRegistry registry();

  DeadLetterStore deadLetters();

  HistoryStore history();

  AlertLog alerts();

  /** The cursors of the alert delivery channels, in the same store as {@link #alerts()}. */
  DeliveryCursors deliveryCursors();

  /** The periodic upkeep its opener must run ({@link Upkeep#BY_CALLER}); empty when the store runs it or has none. */
  default List<StoreJob> jobs() {
    return List.of();
  }

  @Override
  void close();
}
