package io.twinworks.persistence;

import static io.twinworks.persistence.TestStores.embeddedConfig;

import io.twinworks.persistence.alert.DeliveryCursors;
import io.twinworks.persistence.alert.DeliveryCursorsContract;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The delivery cursor contract on an H2 file of its own per test. */
class JdbcDeliveryCursorsTest extends DeliveryCursorsContract {

  @TempDir Path dir;
  private ExecutorService blocking;
  private EmbeddedStore store;

  @BeforeEach
  void open() {
    blocking = Executors.newFixedThreadPool(2);
    store = EmbeddedStore.open(embeddedConfig(dir), blocking);
  }

  @AfterEach
  void close() {
    TestStores.closeWhenIdle(store, blocking);
  }

  @Override
  protected DeliveryCursors cursors() {
    return store.deliveryCursors();
  }

  @Override
  protected DeliveryCursors reopen() {
    store.close();
    store = EmbeddedStore.open(embeddedConfig(dir), blocking);
    return store.deliveryCursors();
  }
}
