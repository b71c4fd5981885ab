package io.twinworks.persistence.cassandra;

import io.twinworks.persistence.TwinRegistry;
import io.twinworks.persistence.TwinRegistryContract;
import io.twinworks.testsupport.CassandraFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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

  @Override
  protected TwinRegistry registry() {
    return store.registry();
  }
}
