package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.twinworks.persistence.StoreException;
import io.twinworks.persistence.cassandra.CassandraHistoryStore.Aggregate;
import io.twinworks.persistence.cassandra.CassandraHistoryStore.MinuteKey;
import io.twinworks.persistence.history.Rollups;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Folds the marks of {@link CassandraHistoryStore#write} into exact rollups. The work list {@code rollup_queue}
 * is partitioned by the minute a mark was written (its slot) and a shard; {@link #runOnce()} walks the slots from
 * a watermark up to now, and for each marked minute:
 * <ol>
 *   <li>recomputes the minute from its raw points (one single-partition read of the minute's chunk rows, each
 *       source time counted once) and overwrites {@code telemetry_minute};</li>
 *   <li>recomputes the minute's hour from the hour's minute rows and overwrites {@code telemetry_hour};</li>
 *   <li>deletes exactly the marks it read (from the queue and from {@code rollup_dirty}).</li>
 * </ol>
 * Every step overwrites with a value computed from the source, so running it twice, concurrently, or after a
 * crash between steps leaves the same rollups. Rollup rows are written {@code USING TIMESTAMP} of the moment their
 * source was read, so a slower concurrent pass (another node) cannot overwrite a newer result with an older one.
 * The watermark moves past a slot two minutes after the slot ended (writers' clocks may lag that much) and is
 * kept in {@code rollup_progress}, so finished slots, with their tombstones, are never read again.
 *
 * <p>A slot holds every series written in its minute, and all of them come due at once when it ends. The job works
 * them off {@value #LANES} steps at a time (a minute's recomputation, an hour's, a mark's deletion) rather than all
 * together: started all at once they filled the store's request limiter ahead of the ingest's writes once a
 * minute, and readings waited a second or more behind them.
 */
public final class RollupJob {

  static final int GRACE_SLOTS = 2;
  private static final int MAX_SLOTS_PER_RUN = 120;
  private static final int FIRST_RUN_LOOKBACK_SLOTS = 60;
  private static final String NAME = "rollups";
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
  static final int LANES = 4;

  private final CqlSession session;
  private final CassandraHistoryStore history;
  private final AsyncLimiter limiter;
  private final Clock clock;
  private final AtomicLong lastTimestamp = new AtomicLong();
  private final AsyncLimiter lanes = new AsyncLimiter(LANES);
  private final PreparedStatement selectQueue;
  private final PreparedStatement deleteQueue;
  private final PreparedStatement deleteDirty;
  private final PreparedStatement upsertMinute;
  private final PreparedStatement deleteMinute;
  private final PreparedStatement upsertHour;
  private final PreparedStatement deleteHour;
  private final PreparedStatement selectProgress;
  private final PreparedStatement upsertProgress;
  private Long watermark;

  RollupJob(CqlSession session, String keyspace, CassandraHistoryStore history, AsyncLimiter limiter, Clock clock) {
    this.session = session;
    this.history = history;
    this.limiter = limiter;
    this.clock = clock;
    String ks = keyspace + ".";
    selectQueue = session.prepare("SELECT twin_id, signal, minute_us, mark FROM " + ks + "rollup_queue "
        + "WHERE slot = ? AND shard = ?");
    deleteQueue = session.prepare("DELETE FROM " + ks + "rollup_queue WHERE slot = ? AND shard = ? AND twin_id = ? "
        + "AND signal = ? AND minute_us = ? AND mark = ?");
    deleteDirty = session.prepare("DELETE FROM " + ks + "rollup_dirty WHERE twin_id = ? AND signal = ? AND day = ? "
        + "AND minute_us = ? AND mark = ?");
    upsertMinute = session.prepare("INSERT INTO " + ks + "telemetry_minute (twin_id, signal, day, minute_us, vmin, "
        + "vmax, vsum, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?");
    deleteMinute = session.prepare("DELETE FROM " + ks + "telemetry_minute USING TIMESTAMP ? WHERE twin_id = ? "
        + "AND signal = ? AND day = ? AND minute_us = ?");
    upsertHour = session.prepare("INSERT INTO " + ks + "telemetry_hour (twin_id, signal, period, hour_us, vmin, "
        + "vmax, vsum, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?");
    deleteHour = session.prepare("DELETE FROM " + ks + "telemetry_hour USING TIMESTAMP ? WHERE twin_id = ? "
        + "AND signal = ? AND period = ? AND hour_us = ?");
    selectProgress = session.prepare("SELECT slot FROM " + ks + "rollup_progress WHERE name = ?");
    upsertProgress = session.prepare("INSERT INTO " + ks + "rollup_progress (name, slot) VALUES (?, ?)");
  }

  /**
   * One pass over the slots from the watermark to now (at most two hours of slots); blocks until done.
   * Returns the number of minutes recomputed. Not reentrant: calls are serialized.
   */
  public synchronized int runOnce() {
    long now = Math.floorDiv(clock.millis(), CassandraHistoryStore.SLOT_MILLIS);
    if (watermark == null) {
      Row row = session.execute(selectProgress.bind(NAME)).one();
      watermark = row == null ? now - FIRST_RUN_LOOKBACK_SLOTS : row.getLong(0);
    }
    int minutes = 0;
    // A slot is worked off only once it has ended: writers skip marking a minute already marked in their
    // current slot (CassandraHistoryStore#mark), which is safe only if that slot is read after it ends.
    long last = Math.min(now - 1, watermark + MAX_SLOTS_PER_RUN);
    for (long slot = watermark; slot <= last; slot++) {
      minutes += await(processSlot(slot));
      if (slot == watermark && slot <= now - GRACE_SLOTS) {
        watermark = slot + 1;
        session.execute(upsertProgress.bind(NAME, watermark));
      }
    }
    return minutes;
  }

  private CompletionStage<Integer> processSlot(long slot) {
    List<CompletableFuture<Integer>> shards = new ArrayList<>();
    for (int shard = 0; shard < CassandraHistoryStore.QUEUE_SHARDS; shard++) {
      int s = shard;
      shards.add(Rows.all(session, selectQueue.bind(slot, s), Integer.MAX_VALUE, row -> row)
          .thenCompose(rows -> process(slot, s, rows)).toCompletableFuture());
    }
    return CompletableFuture.allOf(shards.toArray(CompletableFuture[]::new))
        .thenApply(v -> shards.stream().mapToInt(CompletableFuture::join).sum());
  }

  private CompletionStage<Integer> process(long slot, int shard, List<Row> rows) {
    if (rows.isEmpty()) {
      return CompletableFuture.completedFuture(0);
    }
    Map<MinuteKey, List<UUID>> marks = new LinkedHashMap<>();
    for (Row row : rows) {
      marks.computeIfAbsent(new MinuteKey(row.getString(0), row.getString(1), row.getLong(2)), k -> new ArrayList<>())
          .add(row.getUuid(3));
    }
    Set<MinuteKey> hours = new LinkedHashSet<>();
    marks.keySet().forEach(m -> hours.add(new MinuteKey(m.twinId(), m.signal(),
        Rollups.floor(m.minuteUs(), Rollups.HOUR_US))));
    return allOf(marks.keySet().stream().map(m -> lanes.submit(() -> recomputeMinute(m))).toList())
        .thenCompose(v -> allOf(hours.stream().map(h -> lanes.submit(() -> recomputeHour(h))).toList()))
        .thenCompose(v -> allOf(deletes(slot, shard, marks)))
        .thenApply(v -> marks.size());
  }

  private CompletionStage<AsyncResultSet> recomputeMinute(MinuteKey m) {
    long timestamp = nextTimestamp();
    int day = CassandraHistoryStore.day(m.minuteUs());
    return history.rawAggregate(m.twinId(), m.signal(), m.minuteUs(), m.minuteUs() + Rollups.MINUTE_US)
        .thenCompose(aggregate -> limiter.submit(() -> session.executeAsync(aggregate
            .map(a -> upsertMinute.bind(m.twinId(), m.signal(), day, m.minuteUs(), a.min(), a.max(), a.sum(),
                a.count(), timestamp))
            .orElseGet(() -> deleteMinute.bind(timestamp, m.twinId(), m.signal(), day, m.minuteUs())))));
  }

  private CompletionStage<AsyncResultSet> recomputeHour(MinuteKey h) {
    long timestamp = nextTimestamp();
    int period = CassandraHistoryStore.period(h.minuteUs());
    return history.minuteRollups(h.twinId(), h.signal(), h.minuteUs(), h.minuteUs() + Rollups.HOUR_US)
        .thenCompose(minutes -> {
          Optional<Aggregate> hour = minutes.values().stream().reduce(Aggregate::plus);
          return limiter.submit(() -> session.executeAsync(hour
              .map(a -> upsertHour.bind(h.twinId(), h.signal(), period, h.minuteUs(), a.min(), a.max(), a.sum(),
                  a.count(), timestamp))
              .orElseGet(() -> deleteHour.bind(timestamp, h.twinId(), h.signal(), period, h.minuteUs()))));
        });
  }

  private List<CompletionStage<?>> deletes(long slot, int shard, Map<MinuteKey, List<UUID>> marks) {
    List<CompletionStage<?>> deletes = new ArrayList<>();
    marks.forEach((m, ids) -> {
      int day = CassandraHistoryStore.day(m.minuteUs());
      for (UUID mark : ids) {
        deletes.add(lanes.submit(() -> limiter.submit(() -> session.executeAsync(
            deleteDirty.bind(m.twinId(), m.signal(), day, m.minuteUs(), mark)))));
        deletes.add(lanes.submit(() -> limiter.submit(() -> session.executeAsync(
            deleteQueue.bind(slot, shard, m.twinId(), m.signal(), m.minuteUs(), mark)))));
      }
    });
    return deletes;
  }

  /** Microseconds of now, strictly increasing within this job. */
  private long nextTimestamp() {
    long now = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, clock.instant());
    return lastTimestamp.updateAndGet(last -> Math.max(last + 1, now));
  }

  private static CompletionStage<Void> allOf(List<? extends CompletionStage<?>> stages) {
    return CompletableFuture.allOf(stages.stream().map(CompletionStage::toCompletableFuture)
        .toArray(CompletableFuture[]::new));
  }

  private static int await(CompletionStage<Integer> stage) {
    try {
      return stage.toCompletableFuture().get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("rollup pass interrupted", e);
    } catch (ExecutionException e) {
      throw new StoreException("rollup pass failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new StoreException("rollup pass took longer than " + STEP_TIMEOUT, e);
    }
  }
}
