package io.twinworks.persistence;

import io.twinworks.persistence.alert.DeliveryCursors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.Done;

/** {@link DeliveryCursors} in {@code alert_delivery_cursors}; blocking JDBC runs on the given executor. */
public final class JdbcDeliveryCursors implements DeliveryCursors {

  private static final String READ = "SELECT seq FROM alert_delivery_cursors WHERE name = ?";
  // Only a higher seq replaces the stored one: a cursor never moves back.
  private static final String SAVE = "MERGE INTO alert_delivery_cursors t USING (VALUES (CAST(? AS VARCHAR("
      + MAX_NAME_LENGTH + ")), CAST(? AS BIGINT))) AS s(name, seq) ON t.name = s.name "
      + "WHEN MATCHED AND s.seq > t.seq THEN UPDATE SET seq = s.seq "
      + "WHEN NOT MATCHED THEN INSERT (name, seq) VALUES (s.name, s.seq)";

  private final Jdbc jdbc;

  public JdbcDeliveryCursors(DataSource dataSource, Executor blocking) {
    this.jdbc = new Jdbc(dataSource, blocking);
  }

  @Override
  public CompletionStage<OptionalLong> cursor(String name) {
    try {
      DeliveryCursors.checkName(name);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return jdbc.async("reading the delivery cursor of " + name, connection -> {
      try (PreparedStatement ps = connection.prepareStatement(READ)) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        }
      }
    });
  }

  @Override
  public CompletionStage<Done> saveCursor(String name, long seq) {
    try {
      DeliveryCursors.checkName(name);
      DeliveryCursors.checkSeq(seq);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return jdbc.async("saving the delivery cursor of " + name, connection ->
        Jdbc.retryingOnceOnDuplicateKey(connection, c -> {
          try (PreparedStatement ps = c.prepareStatement(SAVE)) {
            ps.setString(1, name);
            ps.setLong(2, seq);
            ps.executeUpdate();
          }
          return Done.getInstance();
        }));
  }
}
