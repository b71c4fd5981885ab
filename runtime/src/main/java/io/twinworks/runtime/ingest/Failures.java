package io.twinworks.runtime.ingest;

import java.util.concurrent.CompletionException;

/** Helpers for failures that come out of {@code CompletableFuture} chains. */
final class Failures {

  private Failures() {}

  /** The failure itself, without the {@link CompletionException}s that futures wrap it in. */
  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
