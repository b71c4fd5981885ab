package io.twinworks.runtime.alert.delivery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One channel's numbers, read when scraped: register {@link #delivered()}, {@link #dropped()} and {@link #retries()}
 * as counters and {@link #lag()} as a gauge, labelled with the channel's name. Since this process started, but the
 * lag, which is the log's last seq minus the channel's saved cursor as of its last poll.
 */
public final class DeliveryMetrics {

  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong lastSeq = new AtomicLong();
  private final AtomicLong cursor = new AtomicLong();

  /** Changes the channel delivered. */
  public long delivered() {
    return delivered.get();
  }

  /** Changes the channel gave up on (webhook: rejected, or every attempt failed): never delivered. */
  public long dropped() {
    return dropped.get();
  }

  /** Failed attempts the channel retried from its cursor (publish not acknowledged, log or cursor unreadable). */
  public long retries() {
    return retries.get();
  }

  /** Changes appended to the log that the channel has not yet got past. */
  public long lag() {
    return Math.max(0, lastSeq.get() - cursor.get());
  }

  /** The channel's saved cursor. */
  public long cursor() {
    return cursor.get();
  }

  void ended(DeliveryChannel.Result result) {
    switch (result) {
      case DELIVERED -> delivered.incrementAndGet();
      case DROPPED -> dropped.incrementAndGet();
      case SKIPPED -> { }
    }
  }

  void retried() {
    retries.incrementAndGet();
  }

  void lastSeq(long seq) {
    lastSeq.accumulateAndGet(seq, Math::max);
  }

  void cursor(long seq) {
    cursor.accumulateAndGet(seq, Math::max);
    lastSeq(seq);
  }
}
