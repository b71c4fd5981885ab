package io.twinworks.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the tables of the embedded store when they are missing: Pekko Persistence JDBC's own H2
 * DDL (shipped in its jar, so it always matches the plugin version) and the Twinworks tables.
 */
public final class EmbeddedSchema {

  /** The H2 schema of pekko-persistence-jdbc: event_journal, event_tag, snapshot, durable_state. */
  public static final String JOURNAL_SCRIPT = "schema/h2/h2-create-schema.sql";
  public static final List<String> TWINWORKS_SCRIPTS =
      List.of("schema/h2/twinworks-registry.sql", "schema/h2/twinworks-dead-letters.sql",
          "schema/h2/twinworks-telemetry.sql", "schema/h2/twinworks-alerts.sql");

  // The plugin's script creates one index without IF NOT EXISTS; every other statement is idempotent.
  private static final int INDEX_ALREADY_EXISTS = 42111;

  private EmbeddedSchema() {}

  public static void createIfNotExists(DataSource dataSource) {
    run(dataSource, JOURNAL_SCRIPT);
    TWINWORKS_SCRIPTS.forEach(script -> run(dataSource, script));
  }

  private static void run(DataSource dataSource, String script) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : SqlScript.statements(script)) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          if (e.getErrorCode() != INDEX_ALREADY_EXISTS) {
            throw new StoreException("creating the schema (" + script + ") failed: " + e.getMessage(), e);
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("creating the schema (" + script + ") failed: " + e.getMessage(), e);
    }
  }
}
