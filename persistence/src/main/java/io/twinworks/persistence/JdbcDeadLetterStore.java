package io.twinworks.persistence;

import io.twinworks.twins.DeadLetter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.pekko.Done;

/**
 * {@link DeadLetterStore} on the {@code dead_letter} table. Retention: after every
 * {@link #pruneEvery()} records a background prune deletes all but the newest {@code maxRows}, in
 * batches, so the table never grows past about {@code maxRows + pruneEvery} rows.
 */
public final class JdbcDeadLetterStore implements DeadLetterStore {

  static final int MAX_SOURCE_CHARS = 1024;
  static final int MAX_REASON_CHARS = 4096;
  static final int MAX_PAYLOAD_CHARS = 16384;
  private static final int DELETE_BATCH = 5000;

  private static final String INSERT =
      "INSERT INTO dead_letter (received, source, reason, payload, payload_bytes) VALUES (?, ?, ?, ?, ?)";
  private static final String RECENT = "SELECT received, source, reason, payload, payload_bytes FROM dead_letter "
      + "ORDER BY seq DESC FETCH FIRST ? ROWS ONLY";
  private static final String COUNT = "SELECT COUNT(*) FROM dead_letter";
  private static final String OLDEST_KEPT = "SELECT seq FROM dead_letter ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT 1 ROW ONLY";
  private static final String DELETE_UP_TO = "DELETE FROM dead_letter WHERE seq <= ? FETCH FIRST "
      + DELETE_BATCH + " ROWS ONLY";

  private final Jdbc jdbc;
  private final Executor blocking;
  private final int maxRows;
  private final int pruneEvery;
  private final AtomicLong sincePrune = new AtomicLong();
  private final AtomicBoolean pruning = new AtomicBoolean();

  public JdbcDeadLetterStore(DataSource dataSource, Executor blocking, int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
    }
    this.jdbc = new Jdbc(dataSource, blocking);
    this.blocking = blocking;
    this.maxRows = maxRows;
    this.pruneEvery = Math.max(1, Math.min(1000, maxRows / 10));
  }

  @Override
  public CompletionStage<Done> record(DeadLetter deadLetter) {
    return jdbc.async("recording a dead letter", connection -> insert(connection, deadLetter))
        .thenApply(this::maybePrune);
  }

  @Override
  public CompletionStage<List<DeadLetter>> recent(int limit) {
    if (limit < 1 || limit > MAX_RECENT) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("limit must be between 1 and " + MAX_RECENT + ", was " + limit));
    }
    return jdbc.async("reading dead letters", connection -> recent(connection, limit));
  }

  @Override
  public CompletionStage<Long> count() {
    return jdbc.async("counting dead letters", connection -> {
      try (PreparedStatement ps = connection.prepareStatement(COUNT); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** Deletes all but the newest {@code maxRows} dead letters; completes with the number deleted. */
  public CompletionStage<Long> prune() {
    return CompletableFuture.supplyAsync(this::pruneBlocking, blocking);
  }

  public int maxRows() {
    return maxRows;
  }

  public int pruneEvery() {
    return pruneEvery;
  }

  long pruneBlocking() {
    sincePrune.set(0);
    Long oldestKept = jdbc.transact("finding dead letters to prune", this::oldestKept);
    if (oldestKept == null) {
      return 0;
    }
    long deleted = 0;
    int batch;
    do {
      batch = jdbc.transact("pruning dead letters", connection -> deleteBatch(connection, oldestKept));
      deleted += batch;
    } while (batch == DELETE_BATCH);
    return deleted;
  }

  private Done maybePrune(Done done) {
    if (sincePrune.incrementAndGet() >= pruneEvery && pruning.compareAndSet(false, true)) {
      prune().whenComplete((deleted, failure) -> pruning.set(false));
    }
    return done;
  }

  private Long oldestKept(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(OLDEST_KEPT)) {
      ps.setInt(1, maxRows - 1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static int deleteBatch(Connection connection, long oldestKept) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(DELETE_UP_TO)) {
      ps.setLong(1, oldestKept - 1);
      return ps.executeUpdate();
    }
  }

  private static Done insert(Connection connection, DeadLetter d) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
      ps.setObject(1, d.time());
      ps.setString(2, cut(d.source(), MAX_SOURCE_CHARS));
      ps.setString(3, cut(d.reason(), MAX_REASON_CHARS));
      ps.setString(4, cut(d.payload(), MAX_PAYLOAD_CHARS));
      ps.setInt(5, d.payloadBytes());
      ps.executeUpdate();
    }
    return Done.getInstance();
  }

  private static List<DeadLetter> recent(Connection connection, int limit) throws SQLException {
    List<DeadLetter> result = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(RECENT)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(new DeadLetter(rs.getObject(1, Instant.class), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getInt(5)));
        }
      }
    }
    return result;
  }

  private static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
  }
}
