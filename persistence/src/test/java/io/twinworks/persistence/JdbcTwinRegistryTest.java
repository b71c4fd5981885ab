package io.twinworks.persistence;

import static io.twinworks.persistence.TestStores.embeddedConfig;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class JdbcTwinRegistryTest extends TwinRegistryContract {

  @TempDir Path dir;
  private ExecutorService blocking;
  private EmbeddedStore store;
  private TwinRegistry registry;

  @BeforeEach
  void open() {
    blocking = Executors.newFixedThreadPool(4);
    store = EmbeddedStore.open(embeddedConfig(dir), blocking);
    registry = store.registry();
  }

  @AfterEach
  void close() {
    store.close();
    blocking.shutdownNow();
  }

  @Override
  protected TwinRegistry registry() {
    return registry;
  }
}
