package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.twinworks.persistence.DeadLetterStore;
import io.twinworks.twins.DeadLetter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * {@link DeadLetterStore} on {@code dead_letters}: a partition per UTC day of arrival, rows newest first by a
 * time-based id, each row with a TTL of {@code dead-letter-ttl}, so the store bounds itself by age (where the
 * JDBC store bounds by rows). {@link #recent} walks day partitions back from today and stops after the TTL's
 * days; {@link #count} is exact: it counts the live rows of those partitions (a read of every row, so use it
 * for diagnostics, not per request).
 */
public final class CassandraDeadLetterStore implements DeadLetterStore {

  static final int MAX_SOURCE_CHARS = 1024;
  static final int MAX_REASON_CHARS = 4096;
  static final int MAX_PAYLOAD_CHARS = 16384;

  private final CqlSession session;
  private final Clock clock;
  private final int ttlSeconds;
  private final int days;
  private final PreparedStatement insert;
  private final PreparedStatement recent;
  private final PreparedStatement count;

  CassandraDeadLetterStore(CqlSession session, String keyspace, int ttlSeconds, Clock clock) {
    this.session = session;
    this.clock = clock;
    this.ttlSeconds = ttlSeconds;
    this.days = (ttlSeconds + 86_399) / 86_400 + 1;
    String table = keyspace + ".dead_letters";
    insert = session.prepare("INSERT INTO " + table + " (day, seq, received, received_nanos, source, reason, "
        + "payload, payload_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
    recent = session.prepare("SELECT received, received_nanos, source, reason, payload, payload_bytes FROM "
        + table + " WHERE day = ? LIMIT ?");
    count = session.prepare("SELECT COUNT(*) FROM " + table + " WHERE day = ?");
  }

  @Override
  public CompletionStage<Done> record(DeadLetter d) {
    Instant now = clock.instant();
    // Arrival order within the day; unique even for letters of the same millisecond.
    UUID seq = Uuids.timeBased();
    Instant received = d.time() == null ? null : d.time().truncatedTo(ChronoUnit.MILLIS);
    Integer nanos = d.time() == null ? null : d.time().getNano();
    return Rows.describe(session.executeAsync(insert.bind(day(now), seq, received, nanos,
            cut(d.source(), MAX_SOURCE_CHARS), cut(d.reason(), MAX_REASON_CHARS), cut(d.payload(), MAX_PAYLOAD_CHARS),
            d.payloadBytes(), ttlSeconds))
        .thenApply(rs -> Done.getInstance()), "recording a dead letter");
  }

  @Override
  public CompletionStage<List<DeadLetter>> recent(int limit) {
    if (limit < 1 || limit > MAX_RECENT) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("limit must be between 1 and " + MAX_RECENT + ", was " + limit));
    }
    List<DeadLetter> out = new ArrayList<>();
    return Rows.describe(walk(day(clock.instant()), 0, limit, out).thenApply(v -> out), "reading dead letters");
  }

  @Override
  public CompletionStage<Long> count() {
    int today = day(clock.instant());
    List<CompletableFuture<Long>> counts = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      counts.add(session.executeAsync(count.bind(today - i)).thenApply(rs -> rs.one().getLong(0))
          .toCompletableFuture());
    }
    return Rows.describe(CompletableFuture.allOf(counts.toArray(CompletableFuture[]::new))
        .thenApply(v -> counts.stream().mapToLong(CompletableFuture::join).sum()), "counting dead letters");
  }

  private CompletionStage<Void> walk(int day, int walked, int limit, List<DeadLetter> out) {
    if (out.size() >= limit || walked >= days) {
      return CompletableFuture.completedFuture(null);
    }
    int wanted = limit - out.size();
    return Rows.all(session, recent.bind(day, wanted), wanted, CassandraDeadLetterStore::letter)
        .thenCompose(rows -> {
          out.addAll(rows);
          return walk(day - 1, walked + 1, limit, out);
        });
  }

  private static DeadLetter letter(Row row) {
    Instant received = row.getInstant(0);
    Instant time = received == null ? null
        : Instant.ofEpochSecond(received.getEpochSecond(), row.getInt(1));
    return new DeadLetter(time, row.getString(2), row.getString(3), row.getString(4), row.getInt(5));
  }

  private static int day(Instant t) {
    return (int) Math.floorDiv(t.getEpochSecond(), 86_400L);
  }

  private static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
  }
}
