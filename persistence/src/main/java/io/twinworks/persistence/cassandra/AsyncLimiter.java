package io.twinworks.persistence.cassandra;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pekko.Done;

/**
 * At most {@code max} asynchronous requests in flight for the whole store; the rest wait in a queue (bounded by
 * the callers, who wait for their stage before sending more). Keeps one large write from flooding a connection.
 */
final class AsyncLimiter {

  private final int max;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  AsyncLimiter(int max) {
    this.max = max;
  }

  <T> CompletionStage<T> submit(Supplier<? extends CompletionStage<T>> request) {
    CompletableFuture<T> result = new CompletableFuture<>();
    waiting.add(() -> {
      CompletionStage<T> stage;
      try {
        stage = request.get();
      } catch (RuntimeException e) {
        stage = CompletableFuture.failedFuture(e);
      }
      stage.whenComplete((value, failure) -> {
        inFlight.decrementAndGet();
        drain();
        if (failure != null) {
          result.completeExceptionally(failure);
        } else {
          result.complete(value);
        }
      });
    });
    drain();
    return result;
  }

  /** Runs every request, completes when all have succeeded (or with the first failure once all are done). */
  <T> CompletionStage<Done> all(List<Supplier<? extends CompletionStage<T>>> requests) {
    CompletableFuture<?>[] stages = requests.stream()
        .map(r -> submit(r).toCompletableFuture())
        .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(stages).thenApply(ignored -> Done.getInstance());
  }

  private void drain() {
    while (true) {
      int current = inFlight.get();
      if (current >= max) {
        return;
      }
      if (!inFlight.compareAndSet(current, current + 1)) {
        continue;
      }
      Runnable next = waiting.poll();
      if (next == null) {
        inFlight.decrementAndGet();
        // A request queued between poll and decrement would otherwise wait for the next completion.
        if (waiting.isEmpty()) {
          return;
        }
        continue;
      }
      next.run();
    }
  }
}
