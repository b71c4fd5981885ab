package io.twinworks.runtime.alert;

import io.twinworks.persistence.alert.LoggedAlert;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells this node's {@link AlertTail} that the alert log has just grown, so the tail passes the appended changes on
 * at once (or reads the log) instead of at its next poll. Fired by the {@link AlertHub} directly on a single node (and
 * in tests), and on every node of a cluster by {@link AppendBroadcast}.
 */
public final class AppendSignal implements AppendListener {

  private final AtomicReference<CompletableFuture<List<LoggedAlert>>> next =
      new AtomicReference<>(new CompletableFuture<>());

  /**
   * Completes at the first append after this call with its changes (empty when it did not carry them). Take it
   * before reading the log, so no append slips between.
   */
  CompletableFuture<List<LoggedAlert>> nextAppend() {
    return next.get();
  }

  @Override
  public void appended(long lastSeq, List<LoggedAlert> changes) {
    next.getAndSet(new CompletableFuture<>()).complete(changes);
  }
}
