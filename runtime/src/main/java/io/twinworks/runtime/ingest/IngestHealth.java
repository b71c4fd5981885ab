package io.twinworks.runtime.ingest;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the last batch made it to the store. A store that is down (asks time out) turns readiness
 * off until a batch succeeds again, so a load balancer or an operator sees the outage.
 */
public final class IngestHealth {

  private final AtomicBoolean lastBatchSucceeded = new AtomicBoolean(true);

  <T> CompletionStage<T> track(CompletionStage<T> batch) {
    return batch.whenComplete((result, failure) -> lastBatchSucceeded.set(failure == null));
  }

  public boolean isHealthy() {
    return lastBatchSucceeded.get();
  }
}
