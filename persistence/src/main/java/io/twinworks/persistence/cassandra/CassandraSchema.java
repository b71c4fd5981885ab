package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.twinworks.persistence.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cassandra schema from the CQL files under {@code schema/cassandra/}: {@link #apply} creates what is missing
 * (every statement is {@code IF NOT EXISTS}, so applying twice is harmless) and records {@link #VERSION};
 * {@link #check} refuses to start on a keyspace of another version.
 */
public final class CassandraSchema {

  /** The version of the CQL files; raise it with every change to them. */
  public static final int VERSION = 4;
  /**
   * Version 1 had the first three; version 2 added the alert log; version 3 replaced the per-point telemetry table
   * by {@code telemetry_chunks} (no migration: an upgraded keyspace keeps the old table, unused); version 4 keeps
   * each twin's alert changes in {@code alert_log} under its own scope too (no table changed: the version keeps a
   * Twinworks that does not write that scope from appending to the log once one that does has).
   */
  public static final List<String> FILES =
      List.of("001-keyspace.cql", "002-journal.cql", "003-twinworks.cql", "004-alerts.cql");

  private static final String COMPONENT = "twinworks";
  private static final String APPLY_HINT = "run `bin/twinworks schema apply` (or set "
      + CassandraSettings.PREFIX + "auto-create-schema = true in development)";
  private static final Duration MIN_DDL_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration AGREEMENT_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  private CassandraSchema() {}

  /**
   * Creates the keyspace and tables that are missing, sets the telemetry TTL from the settings, waits for schema
   * agreement and records the version. Refuses a keyspace of a newer version.
   */
  public static void apply(CqlSession session, CassandraSettings settings) {
    int existing = keyspaceExists(session, settings.keyspace()) ? version(session, settings.keyspace()) : 0;
    if (existing > VERSION) {
      throw newer(settings.keyspace(), existing);
    }
    Duration timeout = ddlTimeout(settings);
    for (String cql : statements(settings)) {
      execute(session, cql, timeout);
    }
    // CREATE TABLE IF NOT EXISTS leaves an existing table alone: apply a changed history-ttl explicitly.
    execute(session, "ALTER TABLE " + settings.keyspace() + ".telemetry_chunks WITH default_time_to_live = "
        + settings.historyTtlSeconds(), timeout);
    awaitAgreement(session);
    session.execute(SimpleStatement.newInstance("INSERT INTO " + settings.keyspace()
        + ".schema_version (component, version, applied_at) VALUES (?, ?, ?)", COMPONENT, VERSION, Instant.now())
        .setTimeout(timeout));
  }

  /** Throws {@link StoreException} with what to do when the keyspace is missing or of another version. */
  public static void check(CqlSession session, CassandraSettings settings) {
    String keyspace = settings.keyspace();
    if (!keyspaceExists(session, keyspace)) {
      throw new StoreException("Cassandra keyspace '" + keyspace + "' does not exist: " + APPLY_HINT);
    }
    int version = version(session, keyspace);
    if (version < VERSION) {
      throw new StoreException("Cassandra keyspace '" + keyspace + "' has schema version " + version
          + " but this Twinworks needs " + VERSION + ": " + APPLY_HINT);
    }
    if (version > VERSION) {
      throw newer(keyspace, version);
    }
  }

  /** The version recorded in the keyspace; 0 when it has none. */
  public static int version(CqlSession session, String keyspace) {
    Row table = session.execute(SimpleStatement.newInstance("SELECT table_name FROM system_schema.tables "
        + "WHERE keyspace_name = ? AND table_name = 'schema_version'", keyspace)).one();
    if (table == null) {
      return 0;
    }
    Row row = session.execute(SimpleStatement.newInstance("SELECT version FROM " + keyspace
        + ".schema_version WHERE component = ?", COMPONENT)).one();
    return row == null || row.isNull(0) ? 0 : row.getInt(0);
  }

  /** The statements of the CQL files with the settings filled in, in order. */
  public static List<String> statements(CassandraSettings settings) {
    return statements(settings, FILES);
  }

  /** The statements of some of the CQL files, e.g. those of an older version. */
  static List<String> statements(CassandraSettings settings, List<String> files) {
    Map<String, String> values = Map.of(
        "keyspace", settings.keyspace(),
        "replication", settings.replication().cql(),
        "history_ttl", Long.toString(settings.historyTtlSeconds()));
    List<String> statements = new ArrayList<>();
    for (String file : files) {
      for (String statement : split(read(file))) {
        statements.add(fill(file, statement, values));
      }
    }
    return statements;
  }

  static boolean keyspaceExists(CqlSession session, String keyspace) {
    return session.execute(SimpleStatement.newInstance(
        "SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace)).one() != null;
  }

  private static StoreException newer(String keyspace, int version) {
    return new StoreException("Cassandra keyspace '" + keyspace + "' has schema version " + version
        + ", newer than this Twinworks knows (" + VERSION + "): run a Twinworks release that knows it");
  }

  private static void execute(CqlSession session, String cql, Duration timeout) {
    try {
      session.execute(SimpleStatement.newInstance(cql).setTimeout(timeout));
    } catch (RuntimeException e) {
      throw new StoreException("applying the Cassandra schema failed at: " + firstLine(cql) + " (" + e.getMessage()
          + ")", e);
    }
  }

  private static void awaitAgreement(CqlSession session) {
    long deadline = System.nanoTime() + AGREEMENT_TIMEOUT.toNanos();
    while (!session.checkSchemaAgreement()) {
      if (System.nanoTime() > deadline) {
        throw new StoreException("the Cassandra nodes did not agree on the schema within " + AGREEMENT_TIMEOUT
            + "; check that every node is up (nodetool describecluster) and apply again");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted while waiting for schema agreement", e);
      }
    }
  }

  private static Duration ddlTimeout(CassandraSettings settings) {
    return settings.requestTimeout().compareTo(MIN_DDL_TIMEOUT) > 0 ? settings.requestTimeout() : MIN_DDL_TIMEOUT;
  }

  private static String read(String file) {
    String path = "schema/cassandra/" + file;
    try (InputStream in = CassandraSchema.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + path, e);
    }
  }

  /** Statements end with ';'; lines starting with "--" are comments. */
  static List<String> split(String script) {
    StringBuilder text = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (!line.trim().startsWith("--")) {
        text.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : text.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.trim());
      }
    }
    return statements;
  }

  private static String fill(String file, String statement, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(statement);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("unknown placeholder " + m.group() + " in " + file);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  private static String firstLine(String cql) {
    int newline = cql.indexOf('\n');
    return newline < 0 ? cql : cql.substring(0, newline);
  }
}
