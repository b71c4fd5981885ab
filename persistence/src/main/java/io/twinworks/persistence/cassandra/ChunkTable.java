package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.twinworks.persistence.cassandra.CassandraHistoryStore.MinuteKey;
import io.twinworks.persistence.cassandra.ChunkCodec.Sample;
import io.twinworks.persistence.history.HistoryPoint;
import io.twinworks.persistence.history.Rollups;
import io.twinworks.persistence.history.TimeCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Raw points in {@code telemetry_chunks}: a partition per twin, signal and UTC day of source time; a row (chunk) per
 * series, minute of source time and write, with a fresh time-based id, so a write never overwrites another. A point
 * written twice (a redelivered batch, re-batched differently) is in two chunks: {@link #read} answers each source
 * time once, with the value of the newest chunk, as the per-point upsert before it did.
 */
final class ChunkTable {

  private static final int MAX_PAGE_ROWS = 1000;
  /** Index of {@code points} among the insert's bound values. */
  private static final int POINTS_COLUMN = 5;

  private final CqlSession session;
  private final PreparedStatement insert;
  private final PreparedStatement select;

  ChunkTable(CqlSession session, String keyspace) {
    this.session = session;
    String table = keyspace + ".telemetry_chunks";
    insert = session.prepare("INSERT INTO " + table + " (twin_id, signal, day, minute_us, chunk, points) "
        + "VALUES (?, ?, ?, ?, ?, ?)");
    select = session.prepare("SELECT minute_us, points FROM " + table + " WHERE twin_id = ? AND signal = ? "
        + "AND day = ? AND minute_us >= ? AND minute_us < ?");
  }

  /** Bytes of the encoded points an insert of {@link #inserts} carries. */
  static int pointsBytes(BoundStatement insert) {
    return insert.getBytesUnsafe(POINTS_COLUMN).remaining();
  }

  /** One chunk insert per series and minute the points touch; of two points at the same time the later wins. */
  Map<MinuteKey, BoundStatement> inserts(List<HistoryPoint> points) {
    Map<MinuteKey, TreeMap<Long, Sample>> minutes = new LinkedHashMap<>();
    for (HistoryPoint p : points) {
      long t = TimeCodec.micros(p.time());
      minutes.computeIfAbsent(new MinuteKey(p.twinId().value(), p.signal(), Rollups.floor(t, Rollups.MINUTE_US)),
          k -> new TreeMap<>()).put(t, new Sample(t, p.value(), p.quality()));
    }
    Map<MinuteKey, BoundStatement> inserts = new LinkedHashMap<>();
    minutes.forEach((m, samples) -> inserts.put(m, insert.bind(m.twinId(), m.signal(),
        CassandraHistoryStore.day(m.minuteUs()), m.minuteUs(), Uuids.timeBased(),
        ChunkCodec.encode(m.minuteUs(), List.copyOf(samples.values())))));
    return inserts;
  }

  /** The points of [from, to), oldest first, at most {@code limit}, each source time once; reads day by day. */
  CompletionStage<List<Sample>> read(String twin, String signal, long from, long to, int limit) {
    Collector collector = new Collector(from, to, limit);
    return readDays(twin, signal, CassandraHistoryStore.day(from), CassandraHistoryStore.day(to - 1), collector)
        .thenApply(v -> collector.out);
  }

  private CompletionStage<Void> readDays(String twin, String signal, int day, int lastDay, Collector collector) {
    if (day > lastDay || collector.full()) {
      return CompletableFuture.completedFuture(null);
    }
    // Each chunk holds at least one point, so without duplicates a page of `limit` rows answers the query.
    BoundStatement statement = select.bind(twin, signal, day, Rollups.floor(collector.from, Rollups.MINUTE_US),
        collector.to).setPageSize(Math.max(2, Math.min(MAX_PAGE_ROWS, collector.limit)));
    return Rows.each(session, statement, collector::add).thenCompose(v -> {
      collector.endMinute();
      return readDays(twin, signal, day + 1, lastDay, collector);
    });
  }

  /**
   * Merges the chunks of a minute (they come together, minute by minute, oldest chunk first; a later chunk may hold
   * earlier points) and hands the minute's points on in time order once its last chunk is read.
   */
  private static final class Collector {
    private final long from;
    private final long to;
    private final int limit;
    private final List<Sample> out = new ArrayList<>();
    private final TreeMap<Long, Sample> minute = new TreeMap<>();
    private long minuteUs = Long.MIN_VALUE;

    Collector(long from, long to, int limit) {
      this.from = from;
      this.to = to;
      this.limit = limit;
    }

    /** Takes a chunk row; false once the answer is complete. */
    boolean add(Row row) {
      long m = row.getLong(0);
      if (m != minuteUs) {
        endMinute();
        if (full()) {
          return false;
        }
        minuteUs = m;
      }
      for (Sample s : ChunkCodec.decode(m, row.getByteBuffer(1))) {
        if (s.micros() >= from && s.micros() < to) {
          minute.put(s.micros(), s);
        }
      }
      return true;
    }

    void endMinute() {
      for (Sample s : minute.values()) {
        if (full()) {
          break;
        }
        out.add(s);
      }
      minute.clear();
    }

    boolean full() {
      return out.size() >= limit;
    }
  }
}
