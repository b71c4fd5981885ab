package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.twinworks.persistence.alert.DeliveryCursors;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * {@link DeliveryCursors} in {@code alert_delivery_cursors} (in {@code 004-alerts.cql}). Every save is written
 * {@code USING TIMESTAMP seq}: Cassandra keeps the cell of the highest write timestamp, so the highest seq wins
 * without a read, whatever order saves arrive in. (A row deleted with a wall-clock timestamp would shadow every later
 * save: delete one only {@code USING TIMESTAMP} its seq + 1.)
 */
public final class CassandraDeliveryCursors implements DeliveryCursors {

  private final CqlSession session;
  private final PreparedStatement read;
  private final PreparedStatement save;

  CassandraDeliveryCursors(CqlSession session, String keyspace) {
    this.session = session;
    read = session.prepare("SELECT seq FROM " + keyspace + ".alert_delivery_cursors WHERE name = ?");
    save = session.prepare("INSERT INTO " + keyspace + ".alert_delivery_cursors (name, seq) VALUES (?, ?) "
        + "USING TIMESTAMP ?");
  }

  @Override
  public CompletionStage<OptionalLong> cursor(String name) {
    try {
      DeliveryCursors.checkName(name);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return Rows.describe(session.executeAsync(read.bind(name)).thenApply(rs -> {
      var row = rs.one();
      return row == null ? OptionalLong.empty() : OptionalLong.of(row.getLong(0));
    }), "reading the delivery cursor of " + name);
  }

  @Override
  public CompletionStage<Done> saveCursor(String name, long seq) {
    try {
      DeliveryCursors.checkName(name);
      DeliveryCursors.checkSeq(seq);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return Rows.describe(session.executeAsync(save.bind(name, seq, seq)).thenApply(rs -> Done.getInstance()),
        "saving the delivery cursor of " + name);
  }
}
