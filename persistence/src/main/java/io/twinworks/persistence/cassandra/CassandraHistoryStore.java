package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.twinworks.persistence.history.HistoryBucket;
import io.twinworks.persistence.history.HistoryPoint;
import io.twinworks.persistence.history.HistoryQuery;
import io.twinworks.persistence.history.HistoryStore;
import io.twinworks.persistence.history.Rollups;
import io.twinworks.persistence.history.Rollups.Resolution;
import io.twinworks.persistence.history.TimeCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.Done;

/**
 * Telemetry history on Cassandra.
 *
 * <p><b>Raw points</b> go to {@code telemetry_chunks} ({@link ChunkTable}): a write becomes one row per series
 * and minute of source time, never overwriting another; readers answer each source time once, so a redelivered
 * point is harmless. Rows of one partition (twin, signal, UTC day) go as unlogged single-partition batches (one
 * mutation on the replica), all requests through the store's {@link AsyncLimiter}.
 *
 * <p><b>Rollups</b> ({@code telemetry_minute}, {@code telemetry_hour}) are never merged incrementally (a
 * redelivered batch would count twice); they are recomputed: after its points are written, a write leaves a
 * <i>mark</i> per touched minute, with a fresh time-based id, in {@code rollup_dirty} (looked up by readers) and
 * {@code rollup_queue} (worked off by {@link RollupJob}). The job recomputes each marked minute from raw points,
 * then its hour from the minute rows, both overwriting, then deletes exactly the marks it read, so a mark written
 * meanwhile survives and its minute is recomputed again. Readers take the rollup of clean minutes and hours and
 * aggregate dirty minutes from raw points, so {@link #buckets} is exact right after {@link #write} completes,
 * however far behind the job is.
 */
public final class CassandraHistoryStore implements HistoryStore {

  static final long DAY_US = 86_400_000_000L;
  /** Hour rollups are partitioned by periods of this many days (768 rows a partition). */
  static final int HOUR_PERIOD_DAYS = 32;
  static final int QUEUE_SHARDS = 8;
  static final long SLOT_MILLIS = 60_000L;
  private static final int MAX_BATCH = 100;

  /** How chunk rows are sent. */
  enum WriteMode {
    /** One unlogged batch per partition (up to {@value #MAX_BATCH} rows). */
    PARTITION_BATCHES,
    /** One request per chunk row. */
    SINGLES,
    /** The chunk rows of concurrent writes share requests ({@link GroupedWrites}): the production mode. */
    GROUPED
  }

  /** {@link WriteMode#GROUPED}: partitions a request, Cassandra's default cross-partition batch warning threshold. */
  static final int GROUP_PARTITIONS = 10;
  /** {@link WriteMode#GROUPED}: payload bytes a request, under Cassandra's 5 KiB batch size warning threshold. */
  static final int GROUP_BYTES = 4 * 1024;
  /** {@link WriteMode#GROUPED}: requests out at once before chunk rows queue and group. */
  static final int GROUP_IN_FLIGHT = 4;
  /** Key and clustering columns of a chunk row beside its twin id, signal and points. */
  private static final int CHUNK_ROW_OVERHEAD = 40;

  /** Min, max, sum and count of a set of points. */
  record Aggregate(double min, double max, double sum, long count) {
    Aggregate plus(Aggregate o) {
      return new Aggregate(Math.min(min, o.min), Math.max(max, o.max), sum + o.sum, count + o.count);
    }

    static Aggregate of(double v) {
      return new Aggregate(v, v, v, 1);
    }

    static Optional<Aggregate> of(List<ChunkCodec.Sample> samples) {
      return samples.stream().map(s -> of(s.value())).reduce(Aggregate::plus);
    }
  }

  /** A minute of one series. */
  record MinuteKey(String twinId, String signal, long minuteUs) {}

  private final java.util.concurrent.atomic.AtomicLong markedSlot = new java.util.concurrent.atomic.AtomicLong();
  private final Set<MinuteKey> markedThisSlot = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** A {@code telemetry_chunks} partition. */
  private record Partition(String twinId, String signal, int day) {}

  private final CqlSession session;
  private final AsyncLimiter limiter;
  private final Clock clock;
  private final WriteMode mode;
  private final GroupedWrites groupedWrites;
  private final ChunkTable chunks;
  private final PreparedStatement insertDirty;
  private final PreparedStatement insertQueue;
  private final PreparedStatement selectMinutes;
  private final PreparedStatement selectHours;
  private final PreparedStatement selectDirty;

  CassandraHistoryStore(CqlSession session, String keyspace, AsyncLimiter limiter, Clock clock, WriteMode mode) {
    this.session = session;
    this.limiter = limiter;
    this.clock = clock;
    this.mode = mode;
    this.groupedWrites = new GroupedWrites(session, limiter, GROUP_PARTITIONS, GROUP_BYTES, GROUP_IN_FLIGHT);
    String ks = keyspace + ".";
    chunks = new ChunkTable(session, keyspace);
    insertDirty = session.prepare("INSERT INTO " + ks + "rollup_dirty (twin_id, signal, day, minute_us, mark) "
        + "VALUES (?, ?, ?, ?, ?)");
    insertQueue = session.prepare("INSERT INTO " + ks + "rollup_queue (slot, shard, twin_id, signal, minute_us, "
        + "mark) VALUES (?, ?, ?, ?, ?, ?)");
    selectMinutes = session.prepare("SELECT minute_us, vmin, vmax, vsum, n FROM " + ks + "telemetry_minute "
        + "WHERE twin_id = ? AND signal = ? AND day = ? AND minute_us >= ? AND minute_us < ?");
    selectHours = session.prepare("SELECT hour_us, vmin, vmax, vsum, n FROM " + ks + "telemetry_hour "
        + "WHERE twin_id = ? AND signal = ? AND period = ? AND hour_us >= ? AND hour_us < ?");
    selectDirty = session.prepare("SELECT minute_us FROM " + ks + "rollup_dirty "
        + "WHERE twin_id = ? AND signal = ? AND day = ? AND minute_us >= ? AND minute_us < ?");
  }

  @Override
  public CompletionStage<Done> write(List<HistoryPoint> points) {
    if (points.isEmpty()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    Map<MinuteKey, BoundStatement> inserts = chunks.inserts(points);
    CompletionStage<Done> stored = mode == WriteMode.GROUPED ? groupedWrites.write(grouped(inserts))
        : all(requests(inserts));
    // Marks only after every point is stored: a mark seen before its points could be folded in without them.
    return Rows.describe(stored.thenCompose(done -> mark(inserts.keySet())),
        "writing " + points.size() + " history points");
  }

  /** {@link WriteMode#SINGLES} and {@link WriteMode#PARTITION_BATCHES}: the requests of one write's chunk rows. */
  private List<Supplier<? extends CompletionStage<?>>> requests(Map<MinuteKey, BoundStatement> inserts) {
    Map<Partition, List<BoundStatement>> byPartition = new LinkedHashMap<>();
    inserts.forEach((m, insert) -> byPartition.computeIfAbsent(new Partition(m.twinId(), m.signal(),
        day(m.minuteUs())), k -> new ArrayList<>()).add(insert));
    List<Supplier<? extends CompletionStage<?>>> raw = new ArrayList<>();
    for (List<BoundStatement> partition : byPartition.values()) {
      if (mode == WriteMode.SINGLES) {
        partition.forEach(s -> raw.add(() -> session.executeAsync(s)));
        continue;
      }
      for (int i = 0; i < partition.size(); i += MAX_BATCH) {
        List<BoundStatement> rows = partition.subList(i, Math.min(partition.size(), i + MAX_BATCH));
        Statement<?> statement = rows.size() == 1 ? rows.get(0)
            : BatchStatement.newInstance(BatchType.UNLOGGED).addAll(rows).setIdempotent(true);
        raw.add(() -> session.executeAsync(statement));
      }
    }
    return raw;
  }

  /** The chunk inserts of {@code points} as {@link GroupedWrites} takes them (for tests of the grouping). */
  List<GroupedWrites.Insert> groupedInserts(List<HistoryPoint> points) {
    return grouped(chunks.inserts(points));
  }

  private static List<GroupedWrites.Insert> grouped(Map<MinuteKey, BoundStatement> inserts) {
    List<GroupedWrites.Insert> grouped = new ArrayList<>(inserts.size());
    inserts.forEach((m, insert) -> grouped.add(new GroupedWrites.Insert(
        new Partition(m.twinId(), m.signal(), day(m.minuteUs())),
        m.twinId().length() + m.signal().length() + ChunkTable.pointsBytes(insert) + CHUNK_ROW_OVERHEAD, insert)));
    return grouped;
  }

  /**
   * Marks each touched minute once per queue slot and writer: the job works a slot off only after it has
   * ended, so a minute marked earlier in the same slot is recomputed after these points are stored too.
   * A minute counts as marked only once its mark is written, so a failed mark is written again on retry.
   * Without this every batch left a mark, and the job read hundreds of thousands of tombstones.
   */
  private CompletionStage<Done> mark(Set<MinuteKey> minutes) {
    long slot = Math.floorDiv(clock.millis(), SLOT_MILLIS);
    if (markedSlot.getAndSet(slot) != slot) {
      markedThisSlot.clear();
    }
    List<MinuteKey> unmarked = minutes.stream().filter(m -> !markedThisSlot.contains(m)).toList();
    List<Supplier<? extends CompletionStage<?>>> marks = new ArrayList<>();
    for (MinuteKey m : unmarked) {
      UUID mark = Uuids.timeBased();
      int day = day(m.minuteUs());
      int shard = shard(m.twinId(), m.signal());
      marks.add(() -> session.executeAsync(insertDirty.bind(m.twinId(), m.signal(), day, m.minuteUs(), mark)));
      marks.add(() -> session.executeAsync(insertQueue.bind(slot, shard, m.twinId(), m.signal(), m.minuteUs(), mark)));
    }
    return all(marks).thenApply(done -> {
      if (markedSlot.get() == slot) {
        markedThisSlot.addAll(unmarked);
      }
      return done;
    });
  }

  @Override
  public CompletionStage<List<HistoryPoint>> points(HistoryQuery query) {
    return Rows.describe(chunks.read(query.twinId().value(), query.signal(), TimeCodec.micros(query.from()),
            TimeCodec.micros(query.to()), query.limit())
        .thenApply(samples -> samples.stream().map(s -> new HistoryPoint(query.twinId(), query.signal(),
            TimeCodec.instant(s.micros()), s.value(), s.quality())).toList()),
        "reading history of " + query.twinId());
  }

  @Override
  public CompletionStage<List<HistoryBucket>> buckets(HistoryQuery query, Duration step) {
    long stepUs = TimeCodec.micros(step);
    if (stepUs <= 0) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("step must be positive, was " + step));
    }
    long from = Rollups.floor(TimeCodec.micros(query.from()), stepUs);
    long to = TimeCodec.micros(query.to());
    String twin = query.twinId().value();
    String signal = query.signal();
    Optional<Resolution> rollup = Resolution.servingStep(step);
    CompletionStage<NavigableMap<Long, Aggregate>> units;
    if (rollup.isEmpty()) {
      units = rawBuckets(query, from, to, stepUs);
    } else if (rollup.get() == Resolution.MINUTE) {
      units = minutesWithDirty(twin, signal, from, to);
    } else {
      units = hoursWithDirty(twin, signal, from, to);
    }
    return Rows.describe(units.thenApply(u -> group(u, stepUs, query.limit())), "reading history buckets");
  }

  // ---- reading ----

  private CompletionStage<NavigableMap<Long, Aggregate>> rawBuckets(HistoryQuery query, long from, long to,
      long stepUs) {
    HistoryQuery all = new HistoryQuery(query.twinId(), query.signal(), TimeCodec.instant(from), query.to(),
        Integer.MAX_VALUE);
    return points(all).thenApply(points -> {
      NavigableMap<Long, Aggregate> buckets = new TreeMap<>();
      for (HistoryPoint p : points) {
        buckets.merge(Rollups.floor(TimeCodec.micros(p.time()), stepUs), Aggregate.of(p.value()), Aggregate::plus);
      }
      return buckets;
    });
  }

  /** Minute aggregates of [from, to): rollup rows, with dirty minutes aggregated from raw points instead. */
  CompletionStage<NavigableMap<Long, Aggregate>> minutesWithDirty(String twin, String signal, long from, long to) {
    long end = ceil(to, Rollups.MINUTE_US);
    CompletionStage<NavigableMap<Long, Aggregate>> rollups = minuteRollups(twin, signal, from, end);
    CompletionStage<NavigableSet<Long>> dirty = dirtyMinutes(twin, signal, from, end);
    return rollups.thenCombine(dirty, (minutes, marked) -> replaceFromRaw(twin, signal, minutes, marked))
        .thenCompose(stage -> stage);
  }

  private CompletionStage<NavigableMap<Long, Aggregate>> hoursWithDirty(String twin, String signal, long from,
      long to) {
    long end = ceil(to, Rollups.HOUR_US);
    CompletionStage<NavigableMap<Long, Aggregate>> hours = hourRollups(twin, signal, from, end);
    CompletionStage<NavigableSet<Long>> dirty = dirtyMinutes(twin, signal, from, end);
    return hours.thenCombine(dirty, (rolled, marked) -> {
      Set<Long> dirtyHours = new TreeSet<>();
      marked.forEach(m -> dirtyHours.add(Rollups.floor(m, Rollups.HOUR_US)));
      List<CompletableFuture<Void>> fixes = new ArrayList<>();
      for (long hour : dirtyHours) {
        Set<Long> inHour = new TreeSet<>(marked.subSet(hour, hour + Rollups.HOUR_US));
        fixes.add(minuteRollups(twin, signal, hour, hour + Rollups.HOUR_US)
            .thenCompose(minutes -> replaceFromRaw(twin, signal, minutes, inHour))
            .thenAccept(minutes -> {
              synchronized (rolled) {
                rolled.remove(hour);
                minutes.values().stream().reduce(Aggregate::plus).ifPresent(a -> rolled.put(hour, a));
              }
            }).toCompletableFuture());
      }
      return CompletableFuture.allOf(fixes.toArray(CompletableFuture[]::new)).thenApply(v -> rolled);
    }).thenCompose(stage -> stage);
  }

  private CompletionStage<NavigableMap<Long, Aggregate>> replaceFromRaw(String twin, String signal,
      NavigableMap<Long, Aggregate> minutes, Set<Long> dirty) {
    List<CompletableFuture<Void>> fixes = new ArrayList<>();
    for (long minute : dirty) {
      fixes.add(rawAggregate(twin, signal, minute, minute + Rollups.MINUTE_US).thenAccept(a -> {
        synchronized (minutes) {
          if (a.isPresent()) {
            minutes.put(minute, a.get());
          } else {
            minutes.remove(minute);
          }
        }
      }).toCompletableFuture());
    }
    return CompletableFuture.allOf(fixes.toArray(CompletableFuture[]::new)).thenApply(v -> minutes);
  }

  /** Aggregate of the raw points in [from, to), which must lie in one day. */
  CompletionStage<Optional<Aggregate>> rawAggregate(String twin, String signal, long from, long to) {
    return limiter.submit(() -> chunks.read(twin, signal, from, to, Integer.MAX_VALUE)).thenApply(Aggregate::of);
  }

  /** Minute rollup rows of [from, to). */
  CompletionStage<NavigableMap<Long, Aggregate>> minuteRollups(String twin, String signal, long from, long to) {
    List<CompletionStage<List<Map.Entry<Long, Aggregate>>>> days = new ArrayList<>();
    for (int day = day(from); day <= day(to - 1); day++) {
      int d = day;
      days.add(limiter.submit(() -> Rows.all(session, selectMinutes.bind(twin, signal, d, from, to),
          Integer.MAX_VALUE, CassandraHistoryStore::aggregateRow)));
    }
    return toMap(days);
  }

  private CompletionStage<NavigableMap<Long, Aggregate>> hourRollups(String twin, String signal, long from,
      long to) {
    List<CompletionStage<List<Map.Entry<Long, Aggregate>>>> periods = new ArrayList<>();
    for (int period = period(from); period <= period(to - 1); period++) {
      int p = period;
      periods.add(limiter.submit(() -> Rows.all(session, selectHours.bind(twin, signal, p, from, to),
          Integer.MAX_VALUE, CassandraHistoryStore::aggregateRow)));
    }
    return toMap(periods);
  }

  private CompletionStage<NavigableSet<Long>> dirtyMinutes(String twin, String signal, long from, long to) {
    List<CompletableFuture<List<Long>>> days = new ArrayList<>();
    for (int day = day(from); day <= day(to - 1); day++) {
      int d = day;
      days.add(limiter.submit(() -> Rows.all(session, selectDirty.bind(twin, signal, d, from, to),
          Integer.MAX_VALUE, row -> row.getLong(0))).toCompletableFuture());
    }
    return CompletableFuture.allOf(days.toArray(CompletableFuture[]::new)).thenApply(v -> {
      TreeSet<Long> minutes = new TreeSet<>();
      days.forEach(d -> minutes.addAll(d.join()));
      return minutes;
    });
  }

  private static CompletionStage<NavigableMap<Long, Aggregate>> toMap(
      List<CompletionStage<List<Map.Entry<Long, Aggregate>>>> parts) {
    List<CompletableFuture<List<Map.Entry<Long, Aggregate>>>> futures =
        parts.stream().map(CompletionStage::toCompletableFuture).toList();
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(v -> {
      NavigableMap<Long, Aggregate> map = new TreeMap<>();
      futures.forEach(f -> f.join().forEach(e -> map.put(e.getKey(), e.getValue())));
      return map;
    });
  }

  private static Map.Entry<Long, Aggregate> aggregateRow(Row row) {
    return Map.entry(row.getLong(0), new Aggregate(row.getDouble(1), row.getDouble(2), row.getDouble(3),
        row.getLong(4)));
  }

  private static List<HistoryBucket> group(NavigableMap<Long, Aggregate> units, long stepUs, int limit) {
    NavigableMap<Long, Aggregate> buckets = new TreeMap<>();
    units.forEach((t, a) -> buckets.merge(Rollups.floor(t, stepUs), a, Aggregate::plus));
    List<HistoryBucket> out = new ArrayList<>();
    for (Map.Entry<Long, Aggregate> e : buckets.entrySet()) {
      if (out.size() >= limit) {
        break;
      }
      Aggregate a = e.getValue();
      out.add(new HistoryBucket(TimeCodec.instant(e.getKey()), a.min(), a.max(), a.sum() / a.count(), a.count()));
    }
    return out;
  }

  private CompletionStage<Done> all(List<Supplier<? extends CompletionStage<?>>> requests) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    CompletionStage<Done> done = limiter.all((List) requests);
    return done;
  }

  static int day(long micros) {
    return (int) Math.floorDiv(micros, DAY_US);
  }

  static int period(long micros) {
    return Math.floorDiv(day(micros), HOUR_PERIOD_DAYS);
  }

  static int shard(String twin, String signal) {
    return Math.floorMod(31 * twin.hashCode() + signal.hashCode(), QUEUE_SHARDS);
  }

  private static long ceil(long micros, long step) {
    return -Math.floorDiv(-micros, step) * step;
  }
}
