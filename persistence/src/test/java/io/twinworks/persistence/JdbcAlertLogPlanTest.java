package io.twinworks.persistence;

import static io.twinworks.persistence.TestStores.await;
import static io.twinworks.persistence.TestStores.embeddedConfig;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.persistence.alert.AlertCursor;
import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.AlertQuery;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a few thousand alerts logged, every shape of alert read walks an index in order instead of sorting. */
class JdbcAlertLogPlanTest {

  private static final int ALERTS = 3000;
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir static Path dir;
  private static ExecutorService blocking;
  private static EmbeddedStore store;

  @BeforeAll
  static void logMany() {
    blocking = Executors.newFixedThreadPool(2);
    store = EmbeddedStore.open(embeddedConfig(dir), blocking);
    for (int i = 0; i < ALERTS; i++) {
      TwinId twin = TwinId.of("t" + (i % 10), "line", "m" + (i % 50));
      Alert alert = new Alert(Alert.id(twin, i), twin, "threshold", Severity.values()[i % 3], "temperature", 1, 0, 1,
          "threshold", AlertState.ACTIVE, T0.plusSeconds(i), null, null, T0, Map.of());
      await(store.alerts().append(i + 1, i % 3 == 0 ? alert.cleared(T0.plusSeconds(i + 5)) : alert));
    }
  }

  @AfterAll
  static void close() {
    store.close();
    blocking.shutdownNow();
  }

  @Test
  void everySinceShapeReadsAnIndexInSeqOrder() throws Exception {
    TwinId twin = TwinId.of("t3:line:m3");
    List<AlertFilter> shapes = List.of(
        AlertFilter.all(),
        AlertFilter.all().withTenant("t3"),
        AlertFilter.all().withTwin(twin),
        AlertFilter.all().withTenant("t3").withTwin(twin),
        AlertFilter.all().withTenant("t3").withMinSeverity(Severity.CRITICAL),
        AlertFilter.all().withMinSeverity(Severity.WARNING));
    for (AlertFilter filter : shapes) {
      assertIndexSorted(AlertSql.since(1500, filter, 100));
    }
  }

  @Test
  void everyCurrentShapeReadsAnIndexNewestRaisedFirst() throws Exception {
    TwinId twin = TwinId.of("t3:line:m3");
    Optional<String> cursor = Optional.of(new AlertCursor(micros(T0.plusSeconds(1500)), Alert.id(twin, 1503)).encode());
    List<AlertQuery> shapes = List.of(
        AlertQuery.all(100),
        AlertQuery.all(100).withState(AlertState.ACTIVE),
        AlertQuery.all(100).withTenant("t3"),
        AlertQuery.all(100).withTenant("t3").withState(AlertState.CLEARED),
        AlertQuery.all(100).withTwin(twin),
        AlertQuery.all(100).withTwin(twin).withState(AlertState.ACTIVE));
    for (AlertQuery query : shapes) {
      assertIndexSorted(AlertSql.current(query, 101));
      assertIndexSorted(AlertSql.current(query.withCursor(cursor), 101));
    }
  }

  private static void assertIndexSorted(AlertSql select) throws Exception {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("EXPLAIN " + select.sql())) {
      select.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String plan = rs.getString(1);
        assertFalse(plan.contains("tableScan"), plan);
        assertTrue(plan.contains("index sorted"), plan);
      }
    }
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
