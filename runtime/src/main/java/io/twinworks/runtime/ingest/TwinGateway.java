package io.twinworks.runtime.ingest;

import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.TwinView;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** How the runtime talks to twins, wherever they live. */
public interface TwinGateway {

  /** Completes once the twin has persisted the batch; fails on timeout or a rejected batch. */
  CompletionStage<Recorded> record(TwinId id, TwinKind kind, List<Reading> readings);

  CompletionStage<TwinView> view(TwinId id, TwinKind kind);

  /**
   * Tells the twin its source reported at {@code at} (our clock) that it is gone; completes once the twin has
   * persisted the communication loss (at once when it was already lost or never heard from).
   */
  CompletionStage<Done> lost(TwinId id, TwinKind kind, Instant at, String cause);
}
