package io.twinworks.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.typesafe.config.Config;
import io.twinworks.persistence.StoreException;
import io.twinworks.persistence.alert.AlertCodec;
import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.AlertLogContract;
import io.twinworks.persistence.alert.AlertQuery;
import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.persistence.alert.TestClock;
import io.twinworks.testsupport.CassandraFixture;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.Severity;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert log contract on a real Cassandra (tables truncated before each test), plus the TTLs that carry the
 * retention, the twin scopes of the log (and a log from before them) and the upgrade of a schema version 1 keyspace,
 * which has no alert tables, by schema apply.
 */
class CassandraAlertLogIT extends AlertLogContract {

  @RegisterExtension
  static final CassandraFixture CASSANDRA = new CassandraFixture();
  private static final String KEYSPACE = "alerts_it";
  private static final List<String> TABLES = List.of("alert_log", "alert_log_marks", "alerts", "alerts_by_scope",
      "open_alerts_by_scope", "alert_tenants");
  private static final TestClock clock = new TestClock(T0);
  private static CassandraStore store;

  @BeforeAll
  static void open() {
    store = openStore();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @BeforeEach
  void empty() {
    for (String table : TABLES) {
      store.session().execute("TRUNCATE " + KEYSPACE + "." + table);
    }
  }

  @Override
  protected AlertLog log() {
    return store.alerts();
  }

  @Override
  protected AlertLog reopen() {
    store.close();
    store = openStore();
    return store.alerts();
  }

  @Override
  protected TestClock clock() {
    return clock;
  }

  @Test
  void changesAndClearedAlertsCarryTheRetentionAsTtlOpenAlertsNone() {
    TwinId twin = TwinId.of("acme:line1:cnc01");
    Alert cleared = raised(twin, 1, Severity.WARNING, T0);
    Alert open = raised(twin, 2, Severity.WARNING, T0);
    append(1, cleared);
    append(2, cleared.cleared(T0.plusSeconds(5)));
    append(3, open);
    int retention = (int) Duration.ofDays(30).toSeconds();
    for (String scope : List.of("*", "acme")) {
      int ttl = ttl("SELECT TTL(alert) FROM " + KEYSPACE + ".alert_log WHERE scope = ? AND bucket = 0 AND seq = 3",
          scope);
      assertTrue(ttl > retention - 600 && ttl <= retention, scope + ": " + ttl);
    }
    int clearedTtl = ttl("SELECT TTL(alert) FROM " + KEYSPACE + ".alerts WHERE id = ?", cleared.id());
    assertTrue(clearedTtl > retention - 600 && clearedTtl <= retention, "cleared: " + clearedTtl);
    Row openRow = store.session().execute(SimpleStatement.newInstance(
        "SELECT TTL(alert) FROM " + KEYSPACE + ".alerts WHERE id = ?", open.id())).one();
    assertTrue(openRow.isNull(0), "an open alert never expires");
    assertEquals(1L, store.session().execute("SELECT COUNT(*) FROM " + KEYSPACE
        + ".open_alerts_by_scope WHERE scope = 'acme'").one().getLong(0), "the clearing change deleted its open row");
  }

  @Test
  void logRowsAboveTheMarkOfAFailedAppendAreNotReadAndTheNextAppendOverwritesThem() {
    TwinId twin = TwinId.of("acme:line1:cnc01");
    List<Alert> logged = List.of(raised(twin, 1, Severity.WARNING, T0), raised(twin, 2, Severity.WARNING, T0));
    await(log().appendAll(1, logged));
    // What an append of seq 3 that failed before it moved the mark may leave: its log row, nothing else.
    Alert lost = raised(twin, 3, Severity.CRITICAL, T0);
    store.session().execute(SimpleStatement.newInstance("INSERT INTO " + KEYSPACE
        + ".alert_log (scope, bucket, seq, logged_at, alert) VALUES ('*', 0, 3, ?, ?)", T0,
        ByteBuffer.wrap(AlertCodec.encode(lost))));
    assertEquals(LoggedAlert.numbered(1, logged), await(log().since(0, AlertFilter.all(), 10)));
    assertEquals(2L, await(log().lastSeq()));

    Alert next = raised(twin, 4, Severity.INFO, T0);
    await(log().appendAll(3, List.of(next)));
    assertEquals(new LoggedAlert(3, next), await(log().since(2, AlertFilter.all(), 10)).get(0));
  }

  @Test
  void aTwinsChangesAreReadFromItsOwnScopeAndPurgedThere() {
    TwinId cnc1 = TwinId.of("acme:line1:cnc01");
    TwinId cnc2 = TwinId.of("acme:line1:cnc02");
    AlertLog log = reopen();
    append(1, raised(cnc1, 1, Severity.WARNING, T0));
    append(2, raised(cnc2, 1, Severity.WARNING, T0));
    append(3, raised(cnc1, 2, Severity.CRITICAL, T0));
    assertEquals(List.of(1L, 3L), logRows(cnc1.value()));
    assertEquals(1L, markTwinScopedFrom());
    // Read from the twin's partition: with the tenant's rows gone, the twin's changes are still found.
    deleteLogRows("acme", List.of(1L, 2L, 3L));
    assertEquals(List.of(1L, 3L), seqs(log.since(0, AlertFilter.all().withTwin(cnc1), 10)));
    assertEquals(List.of(3L), seqs(log.since(1, AlertFilter.all().withTwin(cnc1), 10)));
    assertEquals(List.of(3L), seqs(log.since(0, AlertFilter.all().withTwin(cnc1).withMinSeverity(Severity.CRITICAL),
        10)));

    assertEquals(3, await(log.purgeOlderThan(T0.plusSeconds(1))));
    assertEquals(List.of(), logRows(cnc1.value()));
    assertEquals(List.of(), logRows(cnc2.value()));
  }

  @Test
  void aTwinsChangesLoggedBeforeItsScopeExistedAreReadFromItsTenantsScope() {
    TwinId cnc1 = TwinId.of("acme:line1:cnc01");
    TwinId cnc2 = TwinId.of("acme:line1:cnc02");
    append(1, raised(cnc1, 1, Severity.WARNING, T0));
    append(2, raised(cnc2, 1, Severity.WARNING, T0));
    append(3, raised(cnc1, 2, Severity.WARNING, T0));
    // What a log of schema version 3 upgraded after change 2 holds: changes 1 and 2 in no twin's scope.
    store.session().execute("DELETE FROM " + KEYSPACE + ".alert_log WHERE scope = '" + cnc1.value()
        + "' AND bucket = 0 AND seq = 1");
    store.session().execute("DELETE FROM " + KEYSPACE + ".alert_log WHERE scope = '" + cnc2.value()
        + "' AND bucket = 0 AND seq = 2");
    store.session().execute("UPDATE " + KEYSPACE + ".alert_log_marks SET seq = 3 WHERE name = 'twin-scoped-from'");

    AlertLog upgraded = reopen();
    assertEquals(List.of(1L, 3L), seqs(upgraded.since(0, AlertFilter.all().withTwin(cnc1), 10)));
    assertEquals(List.of(2L), seqs(upgraded.since(0, AlertFilter.all().withTwin(cnc2), 10)));
    assertEquals(List.of(1L), seqs(upgraded.since(0, AlertFilter.all().withTwin(cnc1), 1)));
    assertEquals(List.of(3L), seqs(upgraded.since(1, AlertFilter.all().withTwin(cnc1), 10)));
    // The mark stays where the first append of the new version set it.
    await(upgraded.append(4, raised(cnc2, 2, Severity.WARNING, T0)));
    assertEquals(3L, markTwinScopedFrom());
    assertEquals(List.of(2L, 4L), seqs(upgraded.since(0, AlertFilter.all().withTwin(cnc2), 10)));
  }

  private static List<Long> logRows(String scope) {
    return store.session().execute(SimpleStatement.newInstance("SELECT seq FROM " + KEYSPACE
        + ".alert_log WHERE scope = ? AND bucket = 0", scope)).all().stream().map(row -> row.getLong(0)).toList();
  }

  private static void deleteLogRows(String scope, List<Long> seqs) {
    for (long seq : seqs) {
      store.session().execute(SimpleStatement.newInstance("DELETE FROM " + KEYSPACE
          + ".alert_log WHERE scope = ? AND bucket = 0 AND seq = ?", scope, seq));
    }
  }

  private static long markTwinScopedFrom() {
    return store.session().execute("SELECT seq FROM " + KEYSPACE + ".alert_log_marks WHERE name = 'twin-scoped-from'")
        .one().getLong(0);
  }

  private static List<Long> seqs(CompletionStage<List<LoggedAlert>> changes) {
    return await(changes).stream().map(LoggedAlert::seq).toList();
  }

  @Test
  void aVersionOneKeyspaceIsUpgradedBySchemaApply() {
    String keyspace = "alerts_v1_it";
    Config config = CassandraTestConfig.config(CASSANDRA.node(), keyspace,
        "twinworks.cassandra.auto-create-schema = false");
    CassandraSettings settings = CassandraSettings.create(config);
    try (CqlSession session = CassandraStore.connect(settings, config)) {
      for (String cql : CassandraSchema.statements(settings, CassandraSchema.FILES.subList(0, 3))) {
        session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)));
      }
      session.execute("INSERT INTO " + keyspace + ".schema_version (component, version, applied_at) "
          + "VALUES ('twinworks', 1, toTimestamp(now()))");
    }

    StoreException outdated = assertThrows(StoreException.class, () -> CassandraStore.open(config));
    assertEquals("Cassandra keyspace 'alerts_v1_it' has schema version 1 but this Twinworks needs "
        + CassandraSchema.VERSION + ": run `bin/twinworks schema apply` (or set twinworks.cassandra.auto-create-schema "
        + "= true in development)", outdated.getMessage());

    assertEquals(CassandraSchema.VERSION, CassandraStore.applySchema(config));
    try (CassandraStore upgraded = CassandraStore.open(config)) {
      Alert alert = raised(TwinId.of("acme:line1:cnc01"), 1, Severity.CRITICAL, T0);
      await(upgraded.alerts().append(1, alert));
      assertEquals(1L, await(upgraded.alerts().lastSeq()));
      assertEquals(List.of(alert), await(upgraded.alerts().current(AlertQuery.all(10))).items());
    }
  }

  private static int ttl(String cql, Object key) {
    return store.session().execute(SimpleStatement.newInstance(cql, key)).one().getInt(0);
  }

  private static CassandraStore openStore() {
    return CassandraStore.open(CassandraTestConfig.config(CASSANDRA.node(), KEYSPACE), clock,
        CassandraHistoryStore.WriteMode.PARTITION_BATCHES);
  }
}
