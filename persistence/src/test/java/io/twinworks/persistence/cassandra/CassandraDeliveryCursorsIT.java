package io.twinworks.persistence.cassandra;

import io.twinworks.persistence.alert.DeliveryCursors;
import io.twinworks.persistence.alert.DeliveryCursorsContract;
import io.twinworks.testsupport.CassandraFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delivery cursor contract on a real Cassandra (the table truncated before each test). */
class CassandraDeliveryCursorsIT extends DeliveryCursorsContract {

  @RegisterExtension
  static final CassandraFixture CASSANDRA = new CassandraFixture();
  private static final String KEYSPACE = "delivery_cursors_it";
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
    store.session().execute("TRUNCATE " + KEYSPACE + ".alert_delivery_cursors");
  }

  @Override
  protected DeliveryCursors cursors() {
    return store.deliveryCursors();
  }

  @Override
  protected DeliveryCursors reopen() {
    store.close();
    store = openStore();
    return store.deliveryCursors();
  }

  private static CassandraStore openStore() {
    return CassandraStore.open(CassandraTestConfig.config(CASSANDRA.node(), KEYSPACE));
  }
}
