package io.twinworks.runtime.alert;

import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.AlertPage;
import io.twinworks.persistence.alert.AlertQuery;
import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.persistence.StoreException;
import io.twinworks.twins.alert.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;

/**
 * A real alert log with a record of the appends made through it, the first answer of {@link #lastSeq} held until
 * {@link #open()} (so deliveries can queue before the hub starts), and failures on demand: the next append fails
 * before it writes, or after it wrote (the writer cannot tell whether a failed append is in the log).
 */
final class CountingAlertLog implements AlertLog {

  private final AlertLog log;
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final List<Integer> appendSizes = new CopyOnWriteArrayList<>();
  private final List<Long> sinceCalls = new CopyOnWriteArrayList<>();
  private final AtomicInteger sinceAnswered = new AtomicInteger();
  private final AtomicInteger failBeforeWriting = new AtomicInteger();
  private final AtomicInteger failAfterWriting = new AtomicInteger();
  private final CompletableFuture<Void> failed = new CompletableFuture<>();
  private final CompletableFuture<Void> appendStarted = new CompletableFuture<>();
  private volatile CompletableFuture<Void> appendGate = CompletableFuture.completedFuture(null);

  CountingAlertLog(AlertLog log) {
    this.log = log;
  }

  void open() {
    opened.complete(null);
  }

  /** How many changes each successful append had, in order. */
  List<Integer> appendSizes() {
    return List.copyOf(appendSizes);
  }

  /** The {@code afterSeq} of every read of changes, in order. */
  List<Long> sinceCalls() {
    return List.copyOf(sinceCalls);
  }

  /** How many reads of changes have been answered. */
  int sinceAnswered() {
    return sinceAnswered.get();
  }

  void failNextAppendBeforeWriting() {
    failBeforeWriting.incrementAndGet();
  }

  void failNextAppendAfterWriting() {
    failAfterWriting.incrementAndGet();
  }

  /** Holds every append until the answer is completed. */
  CompletableFuture<Void> holdAppends() {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    appendGate = gate;
    return gate;
  }

  /** Completes when the first append has been asked for. */
  CompletableFuture<Void> appendStarted() {
    return appendStarted;
  }

  /** Completes when an append has failed on purpose. */
  CompletableFuture<Void> failed() {
    return failed;
  }

  private CompletionStage<Done> fail(String why) {
    failed.complete(null);
    return CompletableFuture.failedFuture(new StoreException(why));
  }

  @Override
  public CompletionStage<Done> appendAll(long firstSeq, List<Alert> alerts) {
    appendStarted.complete(null);
    return appendGate.thenCompose(open -> append(firstSeq, alerts));
  }

  private CompletionStage<Done> append(long firstSeq, List<Alert> alerts) {
    if (failBeforeWriting.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return fail("failing on purpose before writing");
    }
    CompletionStage<Done> written = log.appendAll(firstSeq, alerts);
    if (failAfterWriting.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return written.thenCompose(done -> fail("failing on purpose after writing"));
    }
    return written.thenApply(done -> {
      appendSizes.add(alerts.size());
      return done;
    });
  }

  @Override
  public CompletionStage<Long> lastSeq() {
    return opened.thenCompose(v -> log.lastSeq());
  }

  @Override
  public CompletionStage<List<LoggedAlert>> since(long afterSeq, AlertFilter filter, int limit) {
    sinceCalls.add(afterSeq);
    return log.since(afterSeq, filter, limit).whenComplete((changes, failure) -> sinceAnswered.incrementAndGet());
  }

  @Override
  public CompletionStage<AlertPage> current(AlertQuery query) {
    return log.current(query);
  }

  @Override
  public CompletionStage<Optional<Alert>> get(String alertId) {
    return log.get(alertId);
  }

  @Override
  public CompletionStage<Integer> purgeOlderThan(Instant cutoff) {
    return log.purgeOlderThan(cutoff);
  }

  @Override
  public Duration retention() {
    return log.retention();
  }
}
