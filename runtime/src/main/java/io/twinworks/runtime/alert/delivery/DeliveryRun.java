package io.twinworks.runtime.alert.delivery;

import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.DeliveryCursors;
import io.twinworks.persistence.alert.LoggedAlert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a channel, from its saved cursor on, until a failure ends it (the restart begins a new run, from the
 * cursor then saved) or it is stopped. Reads the log in batches while they come back full, then every poll interval;
 * delivers change after change in seq order, saving the cursor after each. A batch that is not full holds every
 * matching change up to the last seq read before it, so the cursor then moves to that seq too: a channel whose filter
 * passes few changes does not read past the others again and again, and its lag means what it says.
 *
 * <p>Memory: at most two batches (one being delivered, one read ahead).
 */
final class DeliveryRun {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRun.class);

  /** What the delivering stage does next. */
  private sealed interface Step {}

  private record Deliver(LoggedAlert change) implements Step {}

  /** Every matching change up to {@code seq} has been handed on: the cursor may move there. */
  private record CaughtUp(long seq) implements Step {}

  private final DeliveryChannel channel;
  private final AlertLog alertLog;
  private final DeliveryCursors cursors;
  private final DeliverySettings settings;
  private final DeliveryMetrics metrics;
  private final CompletableFuture<Done> started;
  private volatile long readUpTo; // written by the reading stage only, one batch at a time

  DeliveryRun(DeliveryChannel channel, AlertLog alertLog, DeliveryCursors cursors, DeliverySettings settings,
      DeliveryMetrics metrics, CompletableFuture<Done> started) {
    this.channel = channel;
    this.alertLog = alertLog;
    this.cursors = cursors;
    this.settings = settings;
    this.metrics = metrics;
    this.started = started;
  }

  /** The run; {@code stopping} sits between reading and delivering, so a stop lets the delivery in flight end. */
  Source<Done, NotUsed> source(SharedKillSwitch stopping) {
    return Source.lazyCompletionStage(this::begin)
        .flatMapConcat(start -> Source.tick(Duration.ZERO, settings.pollInterval(), NotUsed.notUsed()))
        .flatMapConcat(tick -> catchUp())
        .via(stopping.flow())
        .mapAsync(1, this::apply)
        .watchTermination((mat, done) -> {
          done.whenComplete((ok, failure) -> ended(failure));
          return NotUsed.notUsed();
        });
  }

  /**
   * Loads the cursor, then completes {@code started}. A channel without one starts at the log's last seq, saved at
   * once: changes from before the channel existed are not sent, and none appended from now on is missed, even across
   * a restart.
   */
  private CompletionStage<Long> begin() {
    return cursors.cursor(channel.name()).thenCompose(saved -> saved.isPresent()
        ? CompletableFuture.completedFuture(saved.getAsLong())
        : alertLog.lastSeq().thenCompose(last -> cursors.saveCursor(channel.name(), last).thenApply(done -> {
          log.info("alert delivery '{}' starts after change {}, the last in the log", channel.name(), last);
          return last;
        })))
        .thenApply(cursor -> {
          readUpTo = cursor;
          metrics.cursor(cursor);
          started.complete(Done.getInstance());
          return cursor;
        });
  }

  /** Batches until one is not full. */
  private Source<Step, NotUsed> catchUp() {
    return Source.unfoldAsync(Boolean.TRUE, more -> more
            ? readBatch().thenApply(batch -> Optional.of(Pair.create(batch.second(), batch.first())))
            : CompletableFuture.completedFuture(Optional.<Pair<Boolean, List<Step>>>empty()))
        .mapConcat(steps -> steps);
  }

  /** The next batch as steps, and whether it was full (more may follow at once). */
  private CompletionStage<Pair<List<Step>, Boolean>> readBatch() {
    int limit = settings.batchSize();
    return alertLog.lastSeq().thenCompose(last -> alertLog.since(readUpTo, channel.filter(), limit)
        .thenApply(changes -> {
          metrics.lastSeq(last);
          List<Step> steps = new ArrayList<>(changes.size() + 1);
          changes.forEach(change -> steps.add(new Deliver(change)));
          if (!changes.isEmpty()) {
            readUpTo = changes.get(changes.size() - 1).seq();
          }
          boolean full = changes.size() == limit;
          if (!full && last > readUpTo) {
            readUpTo = last;
            steps.add(new CaughtUp(last));
          }
          return Pair.create(steps, full);
        }));
  }

  private CompletionStage<Done> apply(Step step) {
    if (step instanceof CaughtUp caughtUp) {
      return caughtUp.seq() > metrics.cursor() ? save(caughtUp.seq())
          : CompletableFuture.completedFuture(Done.getInstance());
    }
    LoggedAlert change = ((Deliver) step).change();
    return channel.deliver(change)
        .thenCompose(result -> {
          metrics.ended(result);
          return save(change.seq());
        })
        .exceptionallyCompose(failure -> CompletableFuture.failedStage(new DeliveryFailedException(
            "delivering change " + change.seq() + " (alert " + change.alert().id() + ") failed: " + cause(failure),
            cause(failure))));
  }

  /** Logs and counts a failed run: the restart begins the next one after a backoff. */
  private void ended(Throwable failure) {
    if (failure != null) {
      metrics.retried();
      Throwable cause = cause(failure);
      log.warn("alert delivery '{}' failed, starting again from its cursor after a backoff: {}", channel.name(),
          cause instanceof DeliveryFailedException ? cause.getMessage() : cause.toString());
    }
  }

  private static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  private CompletionStage<Done> save(long seq) {
    return cursors.saveCursor(channel.name(), seq).thenApply(done -> {
      metrics.cursor(seq);
      return done;
    });
  }

  /** A change the channel did not deliver (or whose cursor it could not save); the message says which. */
  private static final class DeliveryFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeliveryFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
