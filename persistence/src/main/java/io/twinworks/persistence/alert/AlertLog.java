package io.twinworks.persistence.alert;

import io.twinworks.twins.alert.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * The durable log of alert changes (raised, acknowledged, cleared). One writer, the alert hub, numbers every change
 * with a strictly increasing sequence number and appends it; the log then answers the current state of each alert
 * ({@code GET /alerts}), the changes after a sequence number (SSE resume with {@code Last-Event-ID}, publishers'
 * delivery cursors) and the highest number so far (where the hub continues after a restart).
 *
 * <p>The writer must not start appending {@code n + 1} before the append that holds {@code n} has completed: a reader that
 * has seen {@code n + 1} must be able to see {@code n}, or a resuming stream would skip it.
 *
 * <p>Retention: a change is kept for {@link #retention()} after it was appended, a cleared alert for
 * {@link #retention()} after its clearing change was appended; open (active or acknowledged) alerts are kept whatever
 * their age. Call {@link #purgeExpired} periodically; on Cassandra row TTLs do most of it anyway.
 */
public interface AlertLog {

  /** Most changes one {@link #since} call answers. */
  int MAX_SINCE_LIMIT = 10_000;

  /**
   * Appends consecutive changes numbered {@code firstSeq} (at least 1), {@code firstSeq + 1}, ... in the order of
   * {@code alerts}; nothing when the list is empty. Idempotent per seq: appending the same seq again overwrites it
   * with the same. The current state of an alert follows its change of the highest seq, whatever order changes
   * arrive in, also within one call. {@link #lastSeq} reaches the last of them only once every one is readable;
   * when the stage fails, any of them may or may not be stored and the writer appends from {@code firstSeq} again.
   */
  CompletionStage<Done> appendAll(long firstSeq, List<Alert> alerts);

  /** {@link #appendAll} of one change. */
  default CompletionStage<Done> append(long seq, Alert alert) {
    return appendAll(seq, List.of(alert));
  }

  /** The highest seq appended, 0 when nothing ever was; purging never lowers it. */
  CompletionStage<Long> lastSeq();

  /**
   * Changes with seq greater than {@code afterSeq}, oldest first, at most {@code limit}
   * (1..{@value #MAX_SINCE_LIMIT}).
   */
  CompletionStage<List<LoggedAlert>> since(long afterSeq, AlertFilter filter, int limit);

  /** The current state of the alerts (the latest change of each id), newest raised first, filtered, paged. */
  CompletionStage<AlertPage> current(AlertQuery query);

  CompletionStage<Optional<Alert>> get(String alertId);

  /**
   * Deletes the changes appended before {@code cutoff}, and the cleared alerts whose clearing change was appended
   * before it; completes with how many changes and alerts went.
   */
  CompletionStage<Integer> purgeOlderThan(Instant cutoff);

  /** How long changes and cleared alerts are kept ({@code twinworks.alerts.retention}). */
  Duration retention();

  /**
   * Throws {@link IllegalArgumentException} unless {@code afterSeq >= 0} and {@code limit} is in
   * 1..{@value #MAX_SINCE_LIMIT}.
   */
  static void checkSince(long afterSeq, int limit) {
    if (afterSeq < 0) {
      throw new IllegalArgumentException("afterSeq must be at least 0, was " + afterSeq);
    }
    if (limit < 1 || limit > MAX_SINCE_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_SINCE_LIMIT + ", was " + limit);
    }
  }

  /** {@link #purgeOlderThan} with the cutoff {@code now - retention()}. */
  default CompletionStage<Integer> purgeExpired(Instant now) {
    return purgeOlderThan(now.minus(retention()));
  }
}
