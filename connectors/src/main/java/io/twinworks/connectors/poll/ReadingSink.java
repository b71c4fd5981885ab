package io.twinworks.connectors.poll;

import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Where a polling connector (Modbus, OPC UA) hands what it read: readings for the twins, and what it could not
 * read or decode for the dead-letter store. A poller waits for each stage before it hands over more, so a slow
 * store slows the poller instead of filling memory.
 */
public interface ReadingSink {

  /** Completes once the twins have persisted {@code readings}. */
  CompletionStage<Done> readings(List<Reading> readings);

  /** Completes once {@code letter} is stored. */
  CompletionStage<Done> deadLetter(DeadLetter letter);
}
