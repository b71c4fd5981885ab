package io.twinworks.runtime.bench;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Publishes the load and times it until the receiving side has counted every message: from the first
 * publish to the last message seen (not to the last PUBACK), so the rate is what the receiver sustains.
 */
final class Measurement {

  private Measurement() {}

  static BenchResult of(String name, LoadPublisher publisher, LongSupplier receivedSoFar, BenchSettings settings,
      Progress progress) throws Exception {
    long baseline = receivedSoFar.getAsLong();
    long started = System.nanoTime();
    CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
      try {
        publisher.publishAll(settings.window(), settings.timeout());
      } catch (Exception e) {
        throw new IllegalStateException("publishing failed: " + e.getMessage(), e);
      }
    });
    long deadline = started + settings.timeout().toNanos();
    long received = 0;
    long lastReport = started;
    while (received < publisher.total() && System.nanoTime() < deadline) {
      if (publishing.isCompletedExceptionally()) {
        publishing.join();
      }
      Thread.sleep(50);
      received = receivedSoFar.getAsLong() - baseline;
      if (System.nanoTime() - lastReport > 1_000_000_000L) {
        lastReport = System.nanoTime();
        progress.line(String.format("%s: %,d published and acknowledged, %,d received of %,d", name,
            publisher.acknowledged(), received, publisher.total()));
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    publishing.join();
    return new BenchResult(name, publisher.total(), publisher.acknowledged(), received, seconds);
  }

  /** Where progress lines go. */
  interface Progress {
    void line(String text);
  }
}
