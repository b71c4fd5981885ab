package io.twinworks.runtime.ingest;

import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.TwinView;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a twin again, up to {@code retries} times, when it did not answer in time: while its shard moves to another
 * node (a node lost, a rebalance) an ask can wait in a buffer past its timeout, or be lost with the node it went to.
 * Failing the ingest batch instead would fail the whole stream, reconnect and have the broker redeliver every
 * unacknowledged message, at the very moment the cluster has the least to spare. Asking again is safe: a twin takes a
 * reading it already persisted as a duplicate. Other failures (a refused batch) are not retried.
 *
 * <p>While any ask is being retried the node reports ingestion not healthy, so readiness shows a store or a shard
 * that does not answer. After {@link #stopRetrying()} (the node stops) failures pass through at once: what is not
 * acknowledged is redelivered by the broker.
 */
public final class RetryingTwinGateway implements TwinGateway {

  private static final Logger log = LoggerFactory.getLogger(RetryingTwinGateway.class);

  private final TwinGateway twins;
  private final int retries;
  private final Runnable onRetry;
  private final AtomicInteger retrying = new AtomicInteger();
  private volatile boolean stopped;

  /** {@code onRetry} hears of every ask sent again (a metric). */
  public RetryingTwinGateway(TwinGateway twins, int retries, Runnable onRetry) {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative, was " + retries);
    }
    this.twins = twins;
    this.retries = retries;
    this.onRetry = onRetry;
  }

  @Override
  public CompletionStage<Recorded> record(TwinId id, TwinKind kind, List<Reading> readings) {
    return attempt(id, () -> twins.record(id, kind, readings), retries);
  }

  @Override
  public CompletionStage<Done> lost(TwinId id, TwinKind kind, Instant at, String cause) {
    return attempt(id, () -> twins.lost(id, kind, at, cause), retries);
  }

  @Override
  public CompletionStage<TwinView> view(TwinId id, TwinKind kind) {
    return twins.view(id, kind);
  }

  /** True while no ask is waiting for a retry's answer. */
  public boolean isHealthy() {
    return retrying.get() == 0;
  }

  /** From now on a timed-out ask fails at once. */
  public void stopRetrying() {
    stopped = true;
  }

  private <T> CompletionStage<T> attempt(TwinId id, Supplier<CompletionStage<T>> ask, int left) {
    return ask(ask).handle((answer, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(answer);
      }
      if (left == 0 || stopped || !(Failures.unwrap(failure) instanceof TimeoutException)) {
        return CompletableFuture.<T>failedFuture(failure);
      }
      onRetry.run();
      if (retrying.getAndIncrement() == 0) {
        log.warn("asks to twins are timing out (first: {}); asking again, ingestion not healthy until answered", id);
      }
      return attempt(id, ask, left - 1).whenComplete((again, failedAgain) -> {
        if (retrying.decrementAndGet() == 0) {
          log.info("no ask to a twin is being retried any more");
        }
      });
    }).thenCompose(stage -> stage);
  }

  private static <T> CompletionStage<T> ask(Supplier<CompletionStage<T>> ask) {
    try {
      return ask.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
