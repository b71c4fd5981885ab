package io.twinworks.persistence;

import io.twinworks.persistence.history.HistoryBucket;
import io.twinworks.persistence.history.HistoryPoint;
import io.twinworks.persistence.history.HistoryQuery;
import io.twinworks.persistence.history.HistoryStore;
import io.twinworks.persistence.history.Rollups;
import io.twinworks.persistence.history.Rollups.Aggregate;
import io.twinworks.persistence.history.Rollups.Resolution;
import io.twinworks.persistence.history.TimeCodec;
import io.twinworks.twins.Quality;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.apache.pekko.Done;

/**
 * History on the embedded H2 database. A point is inserted only when its key is new, and the rollups
 * are updated with exactly the new points in the same transaction, so a batch written twice changes
 * neither the points nor the rollups.
 */
public final class JdbcHistoryStore implements HistoryStore {

  private static final String INSERT_NEW = "INSERT INTO telemetry (twin_id, signal, t_us, v, q) "
      + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS "
      + "(SELECT 1 FROM telemetry WHERE twin_id = ? AND signal = ? AND t_us = ?)";
  private static final String MERGE_ROLLUP = "MERGE INTO telemetry_rollup r USING "
      + "(SELECT CAST(? AS VARCHAR(256)) twin_id, CAST(? AS VARCHAR(256)) signal, CAST(? AS CHAR(1)) resolution,"
      + " CAST(? AS BIGINT) bucket_us, CAST(? AS DOUBLE PRECISION) vmin, CAST(? AS DOUBLE PRECISION) vmax,"
      + " CAST(? AS DOUBLE PRECISION) vsum, CAST(? AS BIGINT) n) s "
      + "ON r.twin_id = s.twin_id AND r.signal = s.signal AND r.resolution = s.resolution AND r.bucket_us = s.bucket_us "
      + "WHEN MATCHED THEN UPDATE SET vmin = LEAST(r.vmin, s.vmin), vmax = GREATEST(r.vmax, s.vmax),"
      + " vsum = r.vsum + s.vsum, n = r.n + s.n "
      + "WHEN NOT MATCHED THEN INSERT VALUES (s.twin_id, s.signal, s.resolution, s.bucket_us, s.vmin, s.vmax, s.vsum, s.n)";
  private static final String SELECT_POINTS = "SELECT t_us, v, q FROM telemetry "
      + "WHERE twin_id = ? AND signal = ? AND t_us >= ? AND t_us < ? ORDER BY t_us LIMIT ?";
  private static final String RAW_BUCKETS = "SELECT FLOOR(t_us / ?) b, MIN(v), MAX(v), SUM(v), COUNT(*) FROM telemetry "
      + "WHERE twin_id = ? AND signal = ? AND t_us >= ? AND t_us < ? GROUP BY b ORDER BY b";
  private static final String ROLLUP_BUCKETS = "SELECT FLOOR(bucket_us / ?) b, MIN(vmin), MAX(vmax), SUM(vsum), SUM(n) "
      + "FROM telemetry_rollup WHERE twin_id = ? AND signal = ? AND resolution = ? AND bucket_us >= ? AND bucket_us < ? "
      + "GROUP BY b ORDER BY b";

  private final Jdbc jdbc;
  private final Executor blocking;
  // One history write at a time: concurrent batches updating the same rollup rows in different orders
  // deadlocked on H2's row locks ("Timeout trying to lock table"). H2 writes one file anyway.
  private final ReentrantLock writeLock = new ReentrantLock();

  public JdbcHistoryStore(DataSource dataSource, Executor blocking) {
    this.jdbc = new Jdbc(dataSource, blocking);
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<Done> write(List<HistoryPoint> points) {
    if (points.isEmpty()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return CompletableFuture.supplyAsync(() -> {
      writeLock.lock();
      try {
        return jdbc.transact("writing history", connection -> {
          mergeRollups(connection, insertNew(connection, points));
          return Done.getInstance();
        });
      } finally {
        writeLock.unlock();
      }
    }, blocking);
  }

  private static List<HistoryPoint> insertNew(Connection connection, List<HistoryPoint> points) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
      for (HistoryPoint point : points) {
        long t = TimeCodec.micros(point.time());
        insert.setString(1, point.twinId().value());
        insert.setString(2, point.signal());
        insert.setLong(3, t);
        insert.setDouble(4, point.value());
        insert.setByte(5, (byte) point.quality().ordinal());
        insert.setString(6, point.twinId().value());
        insert.setString(7, point.signal());
        insert.setLong(8, t);
        insert.addBatch();
      }
      int[] inserted = insert.executeBatch();
      List<HistoryPoint> fresh = new ArrayList<>(points.size());
      for (int i = 0; i < inserted.length; i++) {
        if (inserted[i] > 0) {
          fresh.add(points.get(i));
        }
      }
      return fresh;
    }
  }

  private static void mergeRollups(Connection connection, List<HistoryPoint> fresh) throws SQLException {
    if (fresh.isEmpty()) {
      return;
    }
    try (PreparedStatement merge = connection.prepareStatement(MERGE_ROLLUP)) {
      for (Aggregate a : Rollups.of(fresh)) {
        merge.setString(1, a.twinId());
        merge.setString(2, a.signal());
        merge.setString(3, a.resolution().code());
        merge.setLong(4, a.bucketUs());
        merge.setDouble(5, a.min());
        merge.setDouble(6, a.max());
        merge.setDouble(7, a.sum());
        merge.setLong(8, a.count());
        merge.addBatch();
      }
      merge.executeBatch();
    }
  }

  @Override
  public CompletionStage<List<HistoryPoint>> points(HistoryQuery query) {
    return jdbc.async("reading history", connection -> {
      try (PreparedStatement select = connection.prepareStatement(SELECT_POINTS)) {
        select.setString(1, query.twinId().value());
        select.setString(2, query.signal());
        select.setLong(3, TimeCodec.micros(query.from()));
        select.setLong(4, TimeCodec.micros(query.to()));
        select.setInt(5, query.limit());
        List<HistoryPoint> points = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            points.add(new HistoryPoint(query.twinId(), query.signal(), TimeCodec.instant(rows.getLong(1)),
                rows.getDouble(2), Quality.values()[rows.getByte(3)]));
          }
        }
        return points;
      }
    });
  }

  @Override
  public CompletionStage<List<HistoryBucket>> buckets(HistoryQuery query, Duration step) {
    long stepUs = TimeCodec.micros(step);
    long from = Rollups.floor(TimeCodec.micros(query.from()), stepUs);
    long to = TimeCodec.micros(query.to());
    Optional<Resolution> rollup = Resolution.servingStep(step);
    return jdbc.async("reading history buckets", connection -> {
      try (PreparedStatement select = connection.prepareStatement(rollup.isPresent() ? ROLLUP_BUCKETS : RAW_BUCKETS)) {
        int i = 1;
        select.setLong(i++, stepUs);
        select.setString(i++, query.twinId().value());
        select.setString(i++, query.signal());
        if (rollup.isPresent()) {
          select.setString(i++, rollup.get().code());
        }
        select.setLong(i++, from);
        select.setLong(i, to);
        return readBuckets(select, stepUs, query.limit());
      }
    });
  }

  private static List<HistoryBucket> readBuckets(PreparedStatement select, long stepUs, int limit) throws SQLException {
    List<HistoryBucket> buckets = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next() && buckets.size() < limit) {
        long count = rows.getLong(5);
        buckets.add(new HistoryBucket(TimeCodec.instant(rows.getLong(1) * stepUs), rows.getDouble(2),
            rows.getDouble(3), rows.getDouble(4) / count, count));
      }
    }
    return buckets;
  }
}
