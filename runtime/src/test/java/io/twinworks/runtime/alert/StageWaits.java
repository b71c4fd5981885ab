package io.twinworks.runtime.alert;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for stages in tests that poke until something happens. */
final class StageWaits {

  private StageWaits() {}

  /** Waits up to {@code millis} for {@code stage}, whatever its outcome, and says nothing if it is not done. */
  static void awaitQuietly(CompletionStage<?> stage, long millis) throws InterruptedException {
    try {
      stage.toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // not yet
    }
  }
}
