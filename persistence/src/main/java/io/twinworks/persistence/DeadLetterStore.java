package io.twinworks.persistence;

import io.twinworks.twins.DeadLetter;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** Durable store of rejected input, bounded in size. */
public interface DeadLetterStore {

  int MAX_RECENT = 1000;

  /** Completes once the dead letter is committed. */
  CompletionStage<Done> record(DeadLetter deadLetter);

  /** The latest {@code limit} (1..{@value #MAX_RECENT}) dead letters, newest first. */
  CompletionStage<List<DeadLetter>> recent(int limit);

  CompletionStage<Long> count();
}
