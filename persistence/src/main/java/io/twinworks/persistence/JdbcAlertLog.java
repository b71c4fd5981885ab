package io.twinworks.persistence;

import io.twinworks.persistence.alert.AlertCodec;
import io.twinworks.persistence.alert.AlertCursor;
import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.AlertPage;
import io.twinworks.persistence.alert.AlertQuery;
import io.twinworks.persistence.alert.AlertSettings;
import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.Done;

/**
 * {@link AlertLog} on {@code alert_log} (every change by seq), {@code alert_current} (each alert's change of the
 * highest seq) and {@code alert_log_marks} (the highest seq ever appended), written in one transaction per append.
 * Blocking JDBC runs on the given executor. Retention is {@link #purgeOlderThan} alone, deleting in batches.
 */
public final class JdbcAlertLog implements AlertLog {

  private static final String TIMESTAMP = "TIMESTAMP(9) WITH TIME ZONE";
  private static final String APPEND_CHANGE = "MERGE INTO alert_log "
      + "(seq, tenant, twin_id, severity, logged_at, alert) KEY (seq) VALUES (?, ?, ?, ?, ?, ?)";
  private static final String CURRENT_COLUMNS = "id, seq, tenant, twin_id, state, raised_us, logged_at, alert";
  // Only a change of the same or a higher seq replaces the current state, so changes may arrive in any order.
  private static final String UPSERT_CURRENT = "MERGE INTO alert_current t USING (VALUES (CAST(? AS VARCHAR(300)), "
      + "CAST(? AS BIGINT), CAST(? AS VARCHAR(256)), CAST(? AS VARCHAR(256)), CAST(? AS VARCHAR(16)), "
      + "CAST(? AS BIGINT), CAST(? AS " + TIMESTAMP + "), CAST(? AS VARBINARY))) AS s(" + CURRENT_COLUMNS + ") "
      + "ON t.id = s.id "
      + "WHEN MATCHED AND s.seq >= t.seq THEN UPDATE SET seq = s.seq, state = s.state, raised_us = s.raised_us, "
      + "logged_at = s.logged_at, alert = s.alert "
      + "WHEN NOT MATCHED THEN INSERT (" + CURRENT_COLUMNS + ") VALUES (s.id, s.seq, s.tenant, s.twin_id, s.state, "
      + "s.raised_us, s.logged_at, s.alert)";
  private static final String RAISE_LAST = "UPDATE alert_log_marks SET seq = ? WHERE name = 'last' AND seq < ?";
  private static final String LAST = "SELECT seq FROM alert_log_marks WHERE name = 'last'";
  private static final String GET = "SELECT alert FROM alert_current WHERE id = ?";
  private static final int DELETE_BATCH = 5000;
  private static final String PURGE_CHANGES = "DELETE FROM alert_log WHERE logged_at < ? FETCH FIRST "
      + DELETE_BATCH + " ROWS ONLY";
  private static final String PURGE_CLEARED = "DELETE FROM alert_current WHERE state = '" + AlertState.CLEARED.json()
      + "' AND logged_at < ? FETCH FIRST " + DELETE_BATCH + " ROWS ONLY";

  private final Jdbc jdbc;
  private final Executor blocking;
  private final AlertSettings settings;
  private final Clock clock;

  public JdbcAlertLog(DataSource dataSource, Executor blocking, AlertSettings settings, Clock clock) {
    this.jdbc = new Jdbc(dataSource, blocking);
    this.blocking = blocking;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Done> appendAll(long firstSeq, List<Alert> alerts) {
    List<LoggedAlert> changes;
    try {
      changes = LoggedAlert.numbered(firstSeq, alerts);
    } catch (IllegalArgumentException | NullPointerException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (changes.isEmpty()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    Instant now = clock.instant();
    return jdbc.async("appending alert changes " + firstSeq + ".." + (firstSeq + changes.size() - 1),
        connection -> Jdbc.retryingOnceOnDuplicateKey(connection, c -> append(c, changes, now)));
  }

  @Override
  public CompletionStage<Long> lastSeq() {
    return jdbc.async("reading the last alert seq", connection -> {
      try (PreparedStatement ps = connection.prepareStatement(LAST); ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  @Override
  public CompletionStage<List<LoggedAlert>> since(long afterSeq, AlertFilter filter, int limit) {
    try {
      AlertLog.checkSince(afterSeq, limit);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (filter.matchesNothing()) {
      return CompletableFuture.completedFuture(List.of());
    }
    AlertSql select = AlertSql.since(afterSeq, filter, limit);
    return jdbc.async("reading alert changes after " + afterSeq, connection -> {
      List<LoggedAlert> changes = new ArrayList<>();
      try (PreparedStatement ps = connection.prepareStatement(select.sql())) {
        select.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            changes.add(new LoggedAlert(rs.getLong(1), AlertCodec.decode(rs.getBytes(2))));
          }
        }
      }
      return changes;
    });
  }

  @Override
  public CompletionStage<AlertPage> current(AlertQuery query) {
    if (query.matchesNothing()) {
      return CompletableFuture.completedFuture(new AlertPage(List.of(), Optional.empty()));
    }
    AlertSql select = AlertSql.current(query, query.limit() + 1);
    return jdbc.async("listing alerts", connection -> {
      List<Alert> alerts = new ArrayList<>();
      try (PreparedStatement ps = connection.prepareStatement(select.sql())) {
        select.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            alerts.add(AlertCodec.decode(rs.getBytes(1)));
          }
        }
      }
      return AlertPage.of(alerts, query.limit());
    });
  }

  @Override
  public CompletionStage<Optional<Alert>> get(String alertId) {
    return jdbc.async("reading alert " + alertId, connection -> {
      try (PreparedStatement ps = connection.prepareStatement(GET)) {
        ps.setString(1, alertId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(AlertCodec.decode(rs.getBytes(1))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public CompletionStage<Integer> purgeOlderThan(Instant cutoff) {
    return CompletableFuture.supplyAsync(() -> deleteAll(PURGE_CHANGES, cutoff) + deleteAll(PURGE_CLEARED, cutoff),
        blocking);
  }

  @Override
  public Duration retention() {
    return settings.retention();
  }

  /** Every change and the current state it sets as two JDBC batches, then the last seq once: one transaction. */
  private static Done append(Connection connection, List<LoggedAlert> changes, Instant now) throws SQLException {
    try (PreparedStatement log = connection.prepareStatement(APPEND_CHANGE);
        PreparedStatement current = connection.prepareStatement(UPSERT_CURRENT)) {
      for (LoggedAlert change : changes) {
        Alert alert = change.alert();
        byte[] bytes = AlertCodec.encode(alert);
        log.setLong(1, change.seq());
        log.setString(2, alert.tenant());
        log.setString(3, alert.twinId().value());
        log.setInt(4, AlertSql.severityRank(alert.severity()));
        log.setObject(5, now);
        log.setBytes(6, bytes);
        log.addBatch();
        current.setString(1, alert.id());
        current.setLong(2, change.seq());
        current.setString(3, alert.tenant());
        current.setString(4, alert.twinId().value());
        current.setString(5, alert.state().json());
        current.setLong(6, AlertCursor.raisedMicros(alert));
        current.setObject(7, now);
        current.setBytes(8, bytes);
        current.addBatch();
      }
      log.executeBatch();
      current.executeBatch();
    }
    long last = changes.get(changes.size() - 1).seq();
    try (PreparedStatement ps = connection.prepareStatement(RAISE_LAST)) {
      ps.setLong(1, last);
      ps.setLong(2, last);
      ps.executeUpdate();
    }
    return Done.getInstance();
  }

  /** Deletes in batches of {@value #DELETE_BATCH} rows, a transaction each, so a large purge never holds locks long. */
  private int deleteAll(String delete, Instant cutoff) {
    int deleted = 0;
    int batch;
    do {
      batch = jdbc.transact("purging alerts before " + cutoff, connection -> {
        try (PreparedStatement ps = connection.prepareStatement(delete)) {
          ps.setObject(1, cutoff);
          return ps.executeUpdate();
        }
      });
      deleted += batch;
    } while (batch == DELETE_BATCH);
    return deleted;
  }
}
