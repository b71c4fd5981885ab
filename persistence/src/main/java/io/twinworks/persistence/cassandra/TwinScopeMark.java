package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The alert log's mark {@code twin-scoped-from}: the first seq whose change is logged under its twin's scope too
 * (schema version 4). The first append of a Twinworks that writes twin scopes sets it, once (a lightweight
 * transaction); changes below it are in their tenant's scope only. Once known it never changes, so it is read once.
 */
final class TwinScopeMark {

  /** While the mark is absent: no change is in a twin's scope. */
  static final long NONE = Long.MAX_VALUE;
  private static final String NAME = "twin-scoped-from";

  private final CqlSession session;
  private final PreparedStatement start;
  private final PreparedStatement read;
  private volatile long from = NONE;

  TwinScopeMark(CqlSession session, String keyspace) {
    this.session = session;
    this.start = session.prepare("INSERT INTO " + keyspace + ".alert_log_marks (name, seq) VALUES ('" + NAME
        + "', ?) IF NOT EXISTS");
    this.read = session.prepare("SELECT seq FROM " + keyspace + ".alert_log_marks WHERE name = '" + NAME + "'");
  }

  /** Sets the mark to {@code firstSeq} unless it is set; completes with the mark. */
  CompletionStage<Long> startAt(long firstSeq) {
    if (from != NONE) {
      return CompletableFuture.completedFuture(from);
    }
    // Not applied: the answer holds the mark as it is.
    return session.executeAsync(start.bind(firstSeq))
        .thenApply(rs -> known(rs.wasApplied() ? firstSeq : rs.one().getLong("seq")));
  }

  /** The mark, or {@link #NONE} while it is absent. */
  CompletionStage<Long> read() {
    if (from != NONE) {
      return CompletableFuture.completedFuture(from);
    }
    return session.executeAsync(read.bind())
        .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> known(row.getLong(0))).orElse(NONE));
  }

  private long known(long seq) {
    from = seq;
    return seq;
  }
}
