package io.twinworks.runtime.alert;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells this node's {@link AlertTail} that the {@link AlertHub} on this node has just appended, so the tail reads
 * the log at once instead of at its next poll. Tails on other nodes (the hub is a cluster singleton) still poll.
 */
public final class AppendSignal {

  private final AtomicReference<CompletableFuture<Void>> next = new AtomicReference<>(new CompletableFuture<>());

  /** Completes at the first append after this call. Take it before reading the log, so no append slips between. */
  CompletableFuture<Void> nextAppend() {
    return next.get();
  }

  void appended() {
    next.getAndSet(new CompletableFuture<>()).complete(null);
  }
}
