package io.twinworks.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.typesafe.config.Config;
import io.twinworks.persistence.StoreException;
import io.twinworks.testsupport.CassandraFixture;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Schema apply is idempotent; a missing or outdated schema stops the store with what to do. */
class CassandraSchemaIT {

  @RegisterExtension
  static final CassandraFixture CASSANDRA = new CassandraFixture();

  @Test
  void applyTwiceCreatesEveryTableAndRecordsTheVersion() {
    Config config = CassandraTestConfig.config(CASSANDRA.node(), "schema_it", "twinworks.cassandra.history-ttl = 90d");
    assertEquals(CassandraSchema.VERSION, CassandraStore.applySchema(config));
    assertEquals(CassandraSchema.VERSION, CassandraStore.applySchema(config));
    CassandraSettings settings = CassandraSettings.create(config);
    try (CqlSession session = CassandraStore.connect(settings, config)) {
      Set<String> tables = session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?",
          "schema_it").all().stream().map(r -> r.getString(0)).collect(Collectors.toSet());
      assertEquals(Set.of("messages", "metadata", "all_persistence_ids", "snapshots", "twins", "twins_by_tenant",
          "twins_by_tenant_kind", "tenants", "dead_letters", "telemetry_chunks", "telemetry_minute", "telemetry_hour",
          "rollup_dirty", "rollup_queue", "rollup_progress", "schema_version", "alert_log", "alert_log_marks",
          "alerts", "alerts_by_scope", "open_alerts_by_scope", "alert_tenants", "alert_delivery_cursors"), tables);
      Row telemetry = session.execute("SELECT compaction, default_time_to_live FROM system_schema.tables "
          + "WHERE keyspace_name = 'schema_it' AND table_name = 'telemetry_chunks'").one();
      assertTrue(telemetry.getMap(0, String.class, String.class).get("class").endsWith("TimeWindowCompactionStrategy"));
      assertEquals(90 * 86_400, telemetry.getInt(1));
      CassandraSchema.check(session, settings);
    }
    CassandraStore.open(config).close();
  }

  @Test
  void startupWithoutSchemaSaysToApplyIt() {
    Config config = CassandraTestConfig.config(CASSANDRA.node(), "missing_it",
        "twinworks.cassandra.auto-create-schema = false");
    StoreException e = assertThrows(StoreException.class, () -> CassandraStore.open(config));
    assertEquals("Cassandra keyspace 'missing_it' does not exist: run `bin/twinworks schema apply` (or set "
        + "twinworks.cassandra.auto-create-schema = true in development)", e.getMessage());
  }

  @Test
  void outdatedSchemaVersionSaysToApplyIt() {
    Config config = CassandraTestConfig.config(CASSANDRA.node(), "old_it");
    CassandraStore.applySchema(config);
    CassandraSettings settings = CassandraSettings.create(config);
    try (CqlSession session = CassandraStore.connect(settings, config)) {
      session.execute("UPDATE old_it.schema_version SET version = 0 WHERE component = 'twinworks'");
      StoreException e = assertThrows(StoreException.class, () -> CassandraSchema.check(session, settings));
      assertEquals("Cassandra keyspace 'old_it' has schema version 0 but this Twinworks needs " + CassandraSchema.VERSION
          + ": run `bin/twinworks schema apply` (or set twinworks.cassandra.auto-create-schema = true in development)",
          e.getMessage());
      session.execute("UPDATE old_it.schema_version SET version = 99 WHERE component = 'twinworks'");
      StoreException newer = assertThrows(StoreException.class, () -> CassandraSchema.apply(session, settings));
      assertTrue(newer.getMessage().contains("schema version 99, newer than this Twinworks knows"), newer.getMessage());
    }
  }

  @Test
  void unreachableCassandraNamesTheContactPoints() {
    Config config = CassandraTestConfig.config(CASSANDRA.node(), "x",
        "twinworks.cassandra.contact-points = \"127.0.0.1:1\"");
    StoreException e = assertThrows(StoreException.class, () -> CassandraStore.open(config));
    assertTrue(e.getMessage().startsWith("cannot reach Cassandra at 127.0.0.1:1 (twinworks.cassandra.contact-points): "),
        e.getMessage());
  }
}
