package io.twinworks.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.cql.BoundStatement;

import io.twinworks.persistence.history.HistoryBucket;
import io.twinworks.persistence.history.HistoryPoint;
import io.twinworks.persistence.history.HistoryQuery;
import io.twinworks.persistence.history.HistoryStore;
import io.twinworks.persistence.history.HistoryStoreContract;
import io.twinworks.testsupport.CassandraFixture;
import io.twinworks.twins.TwinId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The history contract on a real Cassandra, with the rollup job running on its timer meanwhile (so answers are
 * checked while rollups are half done), plus the job's own results and a write throughput figure.
 */
class CassandraHistoryStoreIT extends HistoryStoreContract {

  @RegisterExtension
  static final CassandraFixture CASSANDRA = new CassandraFixture();
  private static final String KEYSPACE = "history_it";
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private static final AtomicInteger twins = new AtomicInteger();

  private static final MovableClock clock = new MovableClock();
  private static CassandraStore store;

  @BeforeAll
  static void open() {
    store = CassandraStore.open(CassandraTestConfig.config(CASSANDRA.node(), KEYSPACE,
        "twinworks.cassandra.rollup-interval = 300ms"), clock, CassandraHistoryStore.WriteMode.GROUPED);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Override
  protected HistoryStore store() {
    return store.history();
  }

  @Override
  protected TwinId newTwin() {
    return TwinId.of("t", "twin" + twins.incrementAndGet());
  }

  @Test
  void rollupJobMakesExactRollupsAndRewritesDoNotCountTwice() {
    TwinId twin = newTwin();
    List<HistoryPoint> batch = series(twin, "v", 7200, Duration.ofSeconds(1));
    await(store().write(batch));
    settle();
    assertEquals(0, dirtyRows(twin), "the job deleted the marks it folded in");
    assertEquals(120, rows("telemetry_minute", twin));
    assertEquals(2, rows("telemetry_hour", twin));
    HistoryQuery twoHours = new HistoryQuery(twin, "v", T0, T0.plusSeconds(7200), 1000);
    List<HistoryBucket> hours = await(store().buckets(twoHours, Duration.ofHours(1)));
    assertEquals(List.of(new HistoryBucket(T0, 0, 3599, 1799.5, 3600),
        new HistoryBucket(T0.plusSeconds(3600), 3600, 7199, 5399.5, 3600)), hours);

    await(store().write(batch.subList(100, 200)));
    await(store().write(List.of(point(twin, "v", T0.plusSeconds(7199).plusMillis(500), 10_000))));
    assertEquals(3601, await(store().buckets(twoHours, Duration.ofHours(1))).get(1).count(), "exact before the job");
    settle();
    assertEquals(0, dirtyRows(twin));
    List<HistoryBucket> after = await(store().buckets(twoHours, Duration.ofHours(1)));
    assertEquals(new HistoryBucket(T0, 0, 3599, 1799.5, 3600), after.get(0));
    assertEquals(3601, after.get(1).count());
    assertEquals(10_000, after.get(1).max());
    List<HistoryBucket> minutes = await(store().buckets(twoHours, Duration.ofMinutes(1)));
    assertEquals(120, minutes.size());
    assertEquals(61, minutes.get(119).count());
  }

  @Test
  void pointsSpanDayPartitionsInOrder() {
    TwinId twin = newTwin();
    Instant midnight = Instant.parse("2026-11-21T00:00:00Z");
    await(store().write(series(twin, "v", 10, Duration.ofHours(1)).stream()
        .map(p -> point(twin, "v", midnight.minusSeconds(5 * 3600).plus(Duration.between(T0, p.time())), p.value()))
        .toList()));
    List<HistoryPoint> points = await(store().points(
        new HistoryQuery(twin, "v", midnight.minusSeconds(86_400), midnight.plusSeconds(86_400), 1000)));
    assertEquals(10, points.size());
    assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), points.stream().map(HistoryPoint::value).toList());
    assertEquals(7, await(store().points(new HistoryQuery(twin, "v", midnight.minusSeconds(86_400),
        midnight.plusSeconds(86_400), 7))).size());
    List<HistoryBucket> days = await(store().buckets(
        new HistoryQuery(twin, "v", midnight.minusSeconds(86_400), midnight.plusSeconds(86_400), 10), Duration.ofDays(1)));
    assertEquals(List.of(5L, 5L), days.stream().map(HistoryBucket::count).toList());
  }

  @Test
  void aPointWrittenAgainInOtherBatchesIsAnsweredAndCountedOnce() {
    TwinId twin = newTwin();
    List<HistoryPoint> series = series(twin, "v", 120, Duration.ofSeconds(1));
    for (int i = 0; i < 120; i += 10) {
      await(store().write(series.subList(i, i + 10)));
    }
    // The redelivery re-batches: 7 at a time from point 3 to 80, so most chunks overlap two earlier ones.
    for (int i = 3; i < 80; i += 7) {
      await(store().write(series.subList(i, Math.min(80, i + 7))));
    }
    HistoryQuery twoMinutes = new HistoryQuery(twin, "v", T0, T0.plusSeconds(120), 1000);
    assertAnsweredOnce(twoMinutes, "before the rollup job");
    // Pages of 7 points: a page of chunk rows (7) ends inside a minute's chunks, and a query inside a chunk.
    List<Double> paged = new ArrayList<>();
    Instant from = T0;
    while (paged.size() < 120) {
      List<HistoryPoint> page = await(store().points(new HistoryQuery(twin, "v", from, T0.plusSeconds(120), 7)));
      page.forEach(p -> paged.add(p.value()));
      from = page.get(page.size() - 1).time().plusNanos(1_000);
    }
    assertEquals(series.stream().map(HistoryPoint::value).toList(), paged);
    settle();
    assertEquals(0, dirtyRows(twin));
    assertAnsweredOnce(twoMinutes, "after the rollup job");
  }

  private void assertAnsweredOnce(HistoryQuery twoMinutes, String when) {
    List<HistoryPoint> points = await(store().points(twoMinutes));
    assertEquals(120, points.size(), when);
    for (int i = 0; i < 120; i++) {
      assertEquals(T0.plusSeconds(i), points.get(i).time(), when);
      assertEquals(i, points.get(i).value(), when);
    }
    // Minute 0 holds values 0..59: sum 1770, avg 29.5; minute 1 holds 60..119: avg 89.5.
    assertEquals(List.of(new HistoryBucket(T0, 0, 59, 29.5, 60), new HistoryBucket(T0.plusSeconds(60), 60, 119, 89.5,
        60)), await(store().buckets(twoMinutes, Duration.ofMinutes(1))), when);
    assertEquals(List.of(new HistoryBucket(T0, 0, 119, 59.5, 120)),
        await(store().buckets(twoMinutes, Duration.ofHours(1))), when);
  }

  @Test
  void theLaterWriteOfAPointWins() {
    TwinId twin = newTwin();
    await(store().write(List.of(point(twin, "v", T0.plusSeconds(5), 1), point(twin, "v", T0.plusSeconds(6), 2))));
    await(store().write(List.of(point(twin, "v", T0.plusSeconds(5), 10))));
    HistoryQuery minute = new HistoryQuery(twin, "v", T0, T0.plusSeconds(60), 10);
    assertEquals(List.of(10.0, 2.0), await(store().points(minute)).stream().map(HistoryPoint::value).toList());
    settle();
    assertEquals(List.of(new HistoryBucket(T0, 2, 10, 6, 2)), await(store().buckets(minute, Duration.ofMinutes(1))));
  }

  @Test
  void oneWriteSpanningMinutesAndMidnightBecomesAChunkPerMinute() {
    TwinId twin = newTwin();
    Instant midnight = Instant.parse("2026-11-21T00:00:00Z");
    List<Integer> offsets = List.of(-70, -50, -10, 0, 30);
    await(store().write(offsets.stream().map(s -> point(twin, "v", midnight.plusSeconds(s), s)).toList()));
    // Minutes 23:58 (-70), 23:59 (-50, -10) on the first day, 00:00 (0, 30) on the next.
    assertEquals(2, chunkRows(twin, midnight.minusSeconds(1)));
    assertEquals(1, chunkRows(twin, midnight));
    HistoryQuery around = new HistoryQuery(twin, "v", midnight.minusSeconds(3600), midnight.plusSeconds(3600), 100);
    assertEquals(List.of(-70.0, -50.0, -10.0, 0.0, 30.0),
        await(store().points(around)).stream().map(HistoryPoint::value).toList());
    assertEquals(List.of(1L, 2L, 2L), await(store().buckets(around, Duration.ofMinutes(1))).stream()
        .map(HistoryBucket::count).toList());
    settle();
    // Hours 23:00 (-70, -50, -10: avg -130/3) and 00:00 (0, 30: avg 15).
    assertEquals(List.of(new HistoryBucket(midnight.minusSeconds(3600), -70, -10, -130.0 / 3, 3),
        new HistoryBucket(midnight, 0, 30, 15, 2)), await(store().buckets(around, Duration.ofHours(1))));
  }

  @Test
  void aLimitCutsInsideAChunkAndPagingResumesThere() {
    TwinId twin = newTwin();
    await(store().write(series(twin, "v", 60, Duration.ofSeconds(1))));
    // A second chunk of the same minute rewrites points 10..19 with value + 100.
    await(store().write(series(twin, "v", 20, Duration.ofSeconds(1)).subList(10, 20).stream()
        .map(p -> point(twin, "v", p.time(), p.value() + 100)).toList()));
    List<HistoryPoint> first = await(store().points(new HistoryQuery(twin, "v", T0, T0.plusSeconds(60), 15)));
    assertEquals(15, first.size());
    assertEquals(List.of(9.0, 110.0, 114.0), List.of(first.get(9).value(), first.get(10).value(),
        first.get(14).value()));
    Instant next = first.get(14).time().plusNanos(1_000);
    List<HistoryPoint> second = await(store().points(new HistoryQuery(twin, "v", next, T0.plusSeconds(60), 15)));
    assertEquals(T0.plusSeconds(15), second.get(0).time());
    assertEquals(List.of(115.0, 119.0, 20.0, 29.0), List.of(second.get(0).value(), second.get(4).value(),
        second.get(5).value(), second.get(14).value()));
  }

  @Test
  void concurrentWritesShareRequestsAndEachCompletesOnceStored() {
    GroupedWrites grouped = new GroupedWrites(store.session(), new AsyncLimiter(64), 10, 4096, 1);
    List<TwinId> ids = new ArrayList<>();
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      TwinId id = newTwin();
      ids.add(id);
      writes.add(grouped.write(inserts(List.of(point(id, "v", T0, i)))).toCompletableFuture());
    }
    // One writer with 25 series: 25 partitions, so at least 3 requests of at most 10 partitions each.
    TwinId wide = newTwin();
    List<HistoryPoint> wideWrite = new ArrayList<>();
    for (int s = 0; s < 25; s++) {
      wideWrite.add(point(wide, "s" + s, T0, s));
    }
    writes.add(grouped.write(inserts(wideWrite)).toCompletableFuture());
    writes.forEach(CompletableFuture::join);

    for (int i = 0; i < ids.size(); i++) {
      List<HistoryPoint> stored = await(store().points(new HistoryQuery(ids.get(i), "v", T0, T0.plusSeconds(1), 5)));
      assertEquals(List.of((double) i), stored.stream().map(HistoryPoint::value).toList(), ids.get(i).value());
    }
    for (int s = 0; s < 25; s++) {
      assertEquals(1, await(store().points(new HistoryQuery(wide, "s" + s, T0, T0.plusSeconds(1), 5))).size());
    }
    long requests = grouped.requests();
    // 125 inserts in 125 partitions, at most 10 a request; one request out at a time, so the queue groups them.
    assertTrue(requests >= 13 && requests < 125, "requests: " + requests);
  }

  @Test
  void aFailedRequestFailsItsWritersAndTheNextWritesGoOn() {
    GroupedWrites grouped = new GroupedWrites(store.session(), new AsyncLimiter(64), 10, 4096, 1);
    TwinId id = newTwin();
    BoundStatement invalid = store.session().prepare("INSERT INTO " + KEYSPACE + ".telemetry_chunks "
        + "(twin_id, signal, day, minute_us, chunk, points) VALUES (?, ?, ?, ?, now(), null)")
        .bind(null, "v", 0, 0L); // a null partition key: Cassandra refuses the request
    CompletableFuture<?> failing = grouped.write(List.of(new GroupedWrites.Insert("bad", 10, invalid)))
        .toCompletableFuture();

    CompletionException failure = assertThrows(CompletionException.class, failing::join);
    assertTrue(failure.getCause().getMessage().toLowerCase(java.util.Locale.ROOT).contains("null"),
        failure.getCause().getMessage());
    grouped.write(inserts(List.of(point(id, "v", T0, 7)))).toCompletableFuture().join();
    assertEquals(1, await(store().points(new HistoryQuery(id, "v", T0, T0.plusSeconds(1), 5))).size());
  }

  private static List<GroupedWrites.Insert> inserts(List<HistoryPoint> points) {
    return ((CassandraHistoryStore) store.history()).groupedInserts(points);
  }

  /** Not a pass/fail check: prints points/s of the write modes on this machine. */
  @Test
  void measuresWriteThroughput() {
    for (CassandraHistoryStore.WriteMode mode : List.of(CassandraHistoryStore.WriteMode.SINGLES,
        CassandraHistoryStore.WriteMode.PARTITION_BATCHES, CassandraHistoryStore.WriteMode.GROUPED,
        CassandraHistoryStore.WriteMode.SINGLES, CassandraHistoryStore.WriteMode.PARTITION_BATCHES,
        CassandraHistoryStore.WriteMode.GROUPED)) {
      CassandraHistoryStore history = new CassandraHistoryStore(store.session(), KEYSPACE, new AsyncLimiter(256),
          Clock.systemUTC(), mode);
      int twinsCount = 50;
      int perTwin = 1000;
      int perBatch = 100;
      List<TwinId> ids = new ArrayList<>();
      for (int i = 0; i < twinsCount; i++) {
        ids.add(newTwin());
      }
      long start = System.nanoTime();
      for (int offset = 0; offset < perTwin; offset += perBatch) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (TwinId id : ids) {
          List<HistoryPoint> batch = new ArrayList<>();
          for (int i = offset; i < offset + perBatch; i++) {
            batch.add(point(id, "v", T0.plusMillis(100L * i), i));
          }
          writes.add(history.write(batch).toCompletableFuture());
        }
        writes.forEach(CompletableFuture::join);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int total = twinsCount * perTwin;
      System.out.printf("history write %s: %d points in %.2f s = %.0f points/s%n", mode, total, seconds,
          total / seconds);
      assertEquals(perTwin, await(history.points(new HistoryQuery(ids.get(0), "v", T0, T0.plusSeconds(3600), 5000)))
          .size());
    }
  }

  private static void settle() {
    // Marks land in the slot of their arrival minute, which the job reads once it has ended.
    clock.advance(Duration.ofMillis(CassandraHistoryStore.SLOT_MILLIS));
    store.rollups().runOnce();
  }

  /** The system clock, moved forward on demand so a test need not wait for a queue slot to end. */
  private static final class MovableClock extends Clock {
    private final java.util.concurrent.atomic.AtomicLong offsetMillis = new java.util.concurrent.atomic.AtomicLong();

    void advance(Duration by) {
      offsetMillis.addAndGet(by.toMillis());
    }

    @Override
    public Instant instant() {
      return Instant.now().plusMillis(offsetMillis.get());
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private static long dirtyRows(TwinId twin) {
    return store.session().execute("SELECT COUNT(*) FROM " + KEYSPACE + ".rollup_dirty WHERE twin_id = ? "
        + "AND signal = 'v' AND day = ?", twin.value(), (int) (T0.getEpochSecond() / 86_400)).one().getLong(0);
  }

  private static long chunkRows(TwinId twin, Instant day) {
    return store.session().execute("SELECT COUNT(*) FROM " + KEYSPACE + ".telemetry_chunks WHERE twin_id = ? "
        + "AND signal = 'v' AND day = ?", twin.value(), (int) (day.getEpochSecond() / 86_400)).one().getLong(0);
  }

  private static long rows(String table, TwinId twin) {
    return store.session().execute("SELECT COUNT(*) FROM " + KEYSPACE + "." + table + " WHERE twin_id = ? "
        + "AND signal = 'v' AND " + (table.equals("telemetry_hour") ? "period = ?" : "day = ?"), twin.value(),
        table.equals("telemetry_hour") ? (int) (T0.getEpochSecond() / 86_400 / 32)
            : (int) (T0.getEpochSecond() / 86_400)).one().getLong(0);
  }
}
