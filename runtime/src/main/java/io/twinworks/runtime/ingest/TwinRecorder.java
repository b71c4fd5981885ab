package io.twinworks.runtime.ingest;

import io.twinworks.persistence.DeadLetterStore;
import io.twinworks.runtime.alert.HeartbeatWatch;
import io.twinworks.runtime.metrics.TwinworksMetrics;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.pattern.StatusReply;

/**
 * Hands one twin's readings to it and completes once they are durable: persisted by the twin (whose gateway also
 * writes history) and the twin registered; or kept as a dead letter when the twin refused them as invalid. Any
 * other failure fails the stage, so whoever sent the readings can send them again. Shared by every way readings
 * arrive (MQTT batches, polling connectors).
 */
public final class TwinRecorder {

  private final TwinGateway twins;
  private final TwinDirectory directory;
  private final HeartbeatWatch heartbeats;
  private final DeadLetterStore deadLetters;
  private final TwinworksMetrics metrics;

  public TwinRecorder(TwinGateway twins, TwinDirectory directory, HeartbeatWatch heartbeats,
      DeadLetterStore deadLetters, TwinworksMetrics metrics) {
    this.twins = twins;
    this.directory = directory;
    this.heartbeats = heartbeats;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /** Groups the readings by twin (keeping their order) and records each twin's; completes when all are durable. */
  public CompletableFuture<Done> recordAll(List<Reading> readings, Instant now) {
    Map<TwinKey, List<Reading>> byTwin = new LinkedHashMap<>();
    for (Reading reading : readings) {
      byTwin.computeIfAbsent(new TwinKey(reading.twinId(), reading.kind()), k -> new ArrayList<>()).add(reading);
    }
    CompletableFuture<?>[] writes = byTwin.entrySet().stream()
        .map(twin -> record(twin.getKey(), twin.getValue(), now))
        .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(writes).thenApply(done -> Done.getInstance());
  }

  /**
   * Sends the readings to their twin at once (not after registration: batches reach a twin in the order they
   * arrived only if every ask is sent synchronously, in order); the stage still waits for both.
   */
  public CompletableFuture<Done> record(TwinKey key, List<Reading> readings, Instant now) {
    long started = System.nanoTime();
    CompletableFuture<Done> registered = directory.ensureRegistered(key, now).toCompletableFuture();
    return twins.record(key.id(), key.kind(), readings)
        .thenCombine(registered, (recorded, done) -> recorded)
        .handle((ignored, failure) -> {
          if (failure == null) {
            metrics.persisted(System.nanoTime() - started);
            directory.seen(key, now);
            heartbeats.seen(key, now);
            return CompletableFuture.completedFuture(Done.getInstance());
          }
          metrics.persistFailed();
          Throwable cause = Failures.unwrap(failure);
          if (cause instanceof StatusReply.ErrorMessage rejected) {
            // The twin refused the batch as invalid: retrying cannot help, so keep it as a dead letter.
            return deadLetter(DeadLetter.of(now, "twin:" + key.id(), rejected.getMessage(),
                describe(readings).getBytes(StandardCharsets.UTF_8)));
          }
          return CompletableFuture.<Done>failedFuture(cause);
        })
        .thenCompose(stage -> stage)
        .toCompletableFuture();
  }

  /** Tells the twin its source reported it gone at {@code at}; completes once the twin persisted the loss. */
  public CompletableFuture<Done> lost(TwinKey key, Instant at, String cause) {
    return twins.lost(key.id(), key.kind(), at, cause).toCompletableFuture();
  }

  public CompletableFuture<Done> deadLetter(DeadLetter letter) {
    metrics.deadLettered(1);
    return deadLetters.record(letter).toCompletableFuture();
  }

  private static String describe(List<Reading> readings) {
    StringBuilder out = new StringBuilder();
    for (Reading r : readings) {
      out.append(r.signal()).append('=').append(r.value()).append('@').append(r.sourceTime()).append(' ');
      if (out.length() > DeadLetter.MAX_PAYLOAD_CHARS) {
        break;
      }
    }
    return out.toString().trim();
  }
}
