package io.twinworks.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.persistence.TwinEntry;
import io.twinworks.persistence.TwinQuery;
import io.twinworks.persistence.TwinRegistry;
import io.twinworks.persistence.TwinRegistryContract;
import io.twinworks.testsupport.CassandraFixture;
import io.twinworks.twins.TwinId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry contract on a real Cassandra; tables are truncated before each test. */
class CassandraTwinRegistryIT extends TwinRegistryContract {

  @RegisterExtension
  static final CassandraFixture CASSANDRA = new CassandraFixture();

  private static CassandraStore store;

  @BeforeAll
  static void open() {
    store = CassandraStore.open(CassandraTestConfig.config(CASSANDRA.node(), "registry_it"));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @BeforeEach
  void empty() {
    for (String table : List.of("twins", "twins_by_tenant", "twins_by_tenant_kind", "tenants")) {
      store.session().execute("TRUNCATE registry_it." + table);
    }
  }

  /**
   * A registration's first-seen and last-seen columns are separate writes that land in any order: a read between
   * them sees a half row. Without the last-seen write the twin is not there yet; without the first-seen write its
   * first sighting is its last so far (a read of such a row used to fail on the missing first-seen time).
   */
  @Test
  void aHalfWrittenRegistrationReadsAsNotYetThereOrAsSeenOnce() throws Exception {
    var session = store.session();
    Instant seen = Instant.parse("2026-11-22T10:00:00.123456789Z");
    session.execute("INSERT INTO registry_it.twins (id, kind, tenant, last_seen, last_seen_nanos) "
        + "VALUES ('acme:last-only', 'sensor', 'acme', ?, ?)", seen, seen.getNano());
    session.execute("INSERT INTO registry_it.twins_by_tenant (tenant, id, kind, last_seen, last_seen_nanos) "
        + "VALUES ('acme', 'acme:last-only', 'sensor', ?, ?)", seen, seen.getNano());
    session.execute("INSERT INTO registry_it.twins (id, first_seen, first_seen_nanos_rev) "
        + "VALUES ('acme:first-only', ?, 0)", seen);
    session.execute("INSERT INTO registry_it.twins_by_tenant (tenant, id, first_seen, first_seen_nanos_rev) "
        + "VALUES ('acme', 'acme:first-only', ?, 0)", seen);
    session.execute("INSERT INTO registry_it.tenants (shard, id_prefix) VALUES (0, 'acme:')");

    TwinEntry lastOnly = registry().find(TwinId.of("acme:last-only")).toCompletableFuture().get().orElseThrow();
    assertEquals(seen, lastOnly.lastSeen());
    assertEquals(seen, lastOnly.firstSeen());
    assertTrue(registry().find(TwinId.of("acme:first-only")).toCompletableFuture().get().isEmpty());
    List<TwinEntry> listed = registry().list(new TwinQuery(Optional.of("acme"), Optional.empty(), Optional.empty(),
        10, Optional.empty())).toCompletableFuture().get().items();
    assertEquals(List.of(TwinId.of("acme:last-only")), listed.stream().map(TwinEntry::id).toList());
  }

  @Override
  protected TwinRegistry registry() {
    return store.registry();
  }
}
