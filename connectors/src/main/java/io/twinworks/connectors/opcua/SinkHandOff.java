package io.twinworks.connectors.opcua;

import io.twinworks.connectors.poll.ReadingSink;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands batches to the {@link ReadingSink} and waits until it took them: the calling thread (Milo's delivery of
 * one subscription, or the poller) stays blocked while the twins are slow, so nothing piles up in between. A wait
 * ends early when the connector closes; a failed stage is logged and the batch dropped (the sink reports why).
 */
final class SinkHandOff {

  private static final Logger log = LoggerFactory.getLogger(SinkHandOff.class);

  private final ReadingSink sink;
  private final String origin;
  private final BooleanSupplier closed;

  SinkHandOff(ReadingSink sink, String origin, BooleanSupplier closed) {
    this.sink = sink;
    this.origin = origin;
    this.closed = closed;
  }

  void handOver(Batch batch) {
    batch.deadLetters.forEach(letter -> await(sink.deadLetter(letter), "a dead letter"));
    if (!batch.readings.isEmpty()) {
      await(sink.readings(batch.readings), batch.readings.size() + " readings");
    }
  }

  private void await(CompletionStage<?> stage, String what) {
    var future = stage.toCompletableFuture();
    try {
      while (!closed.getAsBoolean()) {
        try {
          future.get(1, TimeUnit.SECONDS);
          return;
        } catch (TimeoutException stillWaiting) {
          // the twins are busy: keep waiting, unless the connector closed
        }
      }
    } catch (ExecutionException e) {
      log.error("The sink failed to take {} from {}: {}", what, origin, e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
