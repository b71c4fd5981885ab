package io.twinworks.persistence;

import com.typesafe.config.Config;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.AlertSettings;
import io.twinworks.persistence.alert.DeliveryCursors;
import io.twinworks.persistence.history.HistoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 store: a pooled connection to {@code twinworks.store.h2.url}, the schema (journal,
 * snapshots and Twinworks tables), the twin registry, the dead-letter store, the telemetry history, the
 * alert log and the alert delivery cursors. Open it before the ActorSystem starts persistent entities; close it
 * after the system has terminated.
 */
public final class EmbeddedStore implements TwinworksStore {

  // H2's code for a database file locked by another process.
  private static final int DATABASE_ALREADY_OPEN = 90020;

  private final StoreSettings settings;
  private final JdbcConnectionPool pool;
  private final JdbcTwinRegistry registry;
  private final JdbcDeadLetterStore deadLetters;
  private final JdbcHistoryStore history;
  private final JdbcAlertLog alerts;
  private final JdbcDeliveryCursors deliveryCursors;

  private EmbeddedStore(StoreSettings settings, JdbcConnectionPool pool, Executor blocking, AlertSettings alertSettings,
      Clock clock) {
    this.settings = settings;
    this.pool = pool;
    this.registry = new JdbcTwinRegistry(pool, blocking);
    this.deadLetters = new JdbcDeadLetterStore(pool, blocking, settings.deadLetterMaxRows());
    this.history = new JdbcHistoryStore(pool, blocking);
    this.alerts = new JdbcAlertLog(pool, blocking, alertSettings, clock);
    this.deliveryCursors = new JdbcDeliveryCursors(pool, blocking);
  }

  /**
   * Opens the database (blocking), creates missing tables and prunes old dead letters. Throws
   * {@link IllegalArgumentException} for wrong settings and {@link StoreException} when the database
   * cannot be opened.
   */
  public static EmbeddedStore open(Config config, Executor blocking) {
    return open(config, blocking, Clock.systemUTC());
  }

  /** {@link #open(Config, Executor)} with the clock that times alert changes (for their retention). */
  static EmbeddedStore open(Config config, Executor blocking, Clock clock) {
    StoreSettings settings = StoreSettings.create(config);
    AlertSettings alertSettings = AlertSettings.create(config);
    settings.databaseFile().ifPresent(EmbeddedStore::ensureWritableDirectory);
    JdbcConnectionPool pool = JdbcConnectionPool.create(settings.url(), settings.user(), settings.password());
    pool.setMaxConnections(settings.maxConnections());
    try {
      checkOpens(settings, pool);
      EmbeddedSchema.createIfNotExists(pool);
      EmbeddedStore store = new EmbeddedStore(settings, pool, blocking, alertSettings, clock);
      store.deadLetters.pruneBlocking();
      return store;
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
  }

  @Override
  public HistoryStore history() {
    return history;
  }

  @Override
  public TwinRegistry registry() {
    return registry;
  }

  @Override
  public DeadLetterStore deadLetters() {
    return deadLetters;
  }

  @Override
  public AlertLog alerts() {
    return alerts;
  }

  @Override
  public DeliveryCursors deliveryCursors() {
    return deliveryCursors;
  }

  public DataSource dataSource() {
    return pool;
  }

  public StoreSettings settings() {
    return settings;
  }

  /** Closes the pool; H2 closes the file once the journal's connections are closed too. */
  @Override
  public void close() {
    pool.dispose();
  }

  private static void checkOpens(StoreSettings settings, DataSource pool) {
    try (Connection connection = pool.getConnection()) {
      connection.isValid(1);
    } catch (SQLException e) {
      String where = settings.databaseFile().map(Path::toString).orElse(settings.url());
      if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
        throw new StoreException("database " + where + " is in use by another Twinworks process? "
            + "Stop it or point twinworks.data-dir elsewhere. (" + firstLine(e) + ")", e);
      }
      throw new StoreException("cannot open database " + where + " (" + StoreSettings.URL_KEY + "): "
          + firstLine(e), e);
    }
  }

  private static void ensureWritableDirectory(Path databaseFile) {
    Path dir = databaseFile.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw new StoreException("cannot create data directory " + dir + " for " + StoreSettings.URL_KEY
          + ": " + e, e);
    }
    if (!Files.isWritable(dir)) {
      throw new StoreException("data directory " + dir + " is not writable (" + StoreSettings.URL_KEY + ")");
    }
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
