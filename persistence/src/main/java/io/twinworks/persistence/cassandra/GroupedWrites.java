package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Idempotent inserts from many writers sent as few requests (group commit). Cassandra spends most of a small write's
 * CPU on the request, not on the rows: a request of one chunk row costs about as much as one of ten. While
 * {@code maxInFlight} requests are out, inserts queue; each request that leaves takes the queue's head, as many
 * inserts as fit in {@code maxPartitions} partitions and about {@code maxBytes}, as one unlogged batch. Idle, an
 * insert leaves at once, alone; under load the queue fills and requests carry more. The partition limit keeps a
 * batch under Cassandra's {@code unlogged_batch_across_partitions_warn_threshold} (10 by default), the byte limit
 * under {@code batch_size_warn_threshold} (5 KiB). The queue is bounded by the callers: the ingest waits for a
 * batch's history before taking more, and a last-seen flush holds one row set per twin seen since the last one.
 * A writer's stage completes when all its inserts are stored, or fails with the first failure once all its requests
 * are done.
 */
final class GroupedWrites {

  /** An insert of about {@code bytes} into the partition {@code partition} (any value with equals). */
  record Insert(Object partition, int bytes, BoundStatement statement) {}

  /** One writer's inserts still out, and its first failure. */
  private static final class Writer {
    final CompletableFuture<Done> done = new CompletableFuture<>();
    int pending;
    Throwable failure;
  }

  private record Queued(Insert insert, Writer writer) {}

  private final CqlSession session;
  private final AsyncLimiter limiter;
  private final int maxPartitions;
  private final int maxBytes;
  private final int maxInFlight;
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  private int inFlight;
  private long requests;

  GroupedWrites(CqlSession session, AsyncLimiter limiter, int maxPartitions, int maxBytes, int maxInFlight) {
    if (maxPartitions < 1 || maxBytes < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("limits must be positive: partitions " + maxPartitions + ", bytes "
          + maxBytes + ", in flight " + maxInFlight);
    }
    this.session = session;
    this.limiter = limiter;
    this.maxPartitions = maxPartitions;
    this.maxBytes = maxBytes;
    this.maxInFlight = maxInFlight;
  }

  CompletionStage<Done> write(List<Insert> inserts) {
    if (inserts.isEmpty()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    Writer writer = new Writer();
    synchronized (this) {
      writer.pending = inserts.size();
      inserts.forEach(insert -> queue.add(new Queued(insert, writer)));
    }
    sendWhatMayGo();
    return writer.done;
  }

  /** Requests sent so far. */
  synchronized long requests() {
    return requests;
  }

  private void sendWhatMayGo() {
    while (true) {
      List<Queued> group;
      synchronized (this) {
        if (inFlight >= maxInFlight || queue.isEmpty()) {
          return;
        }
        group = takeGroup();
        inFlight++;
        requests++;
      }
      send(group);
    }
  }

  /** The queue's head and what follows it while the partitions and bytes fit; at least one insert. */
  private List<Queued> takeGroup() {
    List<Queued> group = new ArrayList<>();
    Set<Object> partitions = new HashSet<>();
    int bytes = 0;
    while (!queue.isEmpty()) {
      Insert next = queue.peek().insert();
      boolean newPartition = !partitions.contains(next.partition());
      boolean fits = group.isEmpty()
          || (bytes + next.bytes() <= maxBytes && (!newPartition || partitions.size() < maxPartitions));
      if (!fits) {
        break;
      }
      group.add(queue.poll());
      partitions.add(next.partition());
      bytes += next.bytes();
    }
    return group;
  }

  private void send(List<Queued> group) {
    Statement<?> statement = group.size() == 1 ? group.get(0).insert().statement()
        : BatchStatement.newInstance(BatchType.UNLOGGED)
            .addAll(group.stream().map(q -> q.insert().statement()).toList()).setIdempotent(true);
    limiter.submit(() -> session.executeAsync(statement)).whenComplete((result, failure) -> {
      List<Writer> finished = new ArrayList<>();
      synchronized (this) {
        inFlight--;
        for (Queued q : group) {
          Writer writer = q.writer();
          if (failure != null && writer.failure == null) {
            writer.failure = failure;
          }
          if (--writer.pending == 0) {
            finished.add(writer);
          }
        }
      }
      finished.forEach(GroupedWrites::complete);
      sendWhatMayGo();
    });
  }

  private static void complete(Writer writer) {
    if (writer.failure != null) {
      writer.done.completeExceptionally(writer.failure);
    } else {
      writer.done.complete(Done.getInstance());
    }
  }
}
