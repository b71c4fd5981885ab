package io.twinworks.runtime.alert;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells this node's {@link AlertTail} that the alert log has just grown, so the tail reads it at once instead of at
 * its next poll. Fired by the {@link AlertHub} directly on a single node (and in tests), and on every node of a
 * cluster by {@link AppendBroadcast}.
 */
public final class AppendSignal implements AppendListener {

  private final AtomicReference<CompletableFuture<Void>> next = new AtomicReference<>(new CompletableFuture<>());

  /** Completes at the first append after this call. Take it before reading the log, so no append slips between. */
  CompletableFuture<Void> nextAppend() {
    return next.get();
  }

  @Override
  public void appended(long lastSeq) {
    next.getAndSet(new CompletableFuture<>()).complete(null);
  }
}
