package io.twinworks.persistence;

import io.twinworks.persistence.history.HistoryStore;
import io.twinworks.persistence.history.HistoryStoreContract;
import io.twinworks.twins.TwinId;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class JdbcHistoryStoreTest extends HistoryStoreContract {

  @TempDir
  static Path dataDir;

  private static final AtomicInteger twins = new AtomicInteger();
  private static ExecutorService blocking;
  private static EmbeddedStore embedded;

  @BeforeAll
  static void open() {
    blocking = Executors.newFixedThreadPool(2);
    embedded = EmbeddedStore.open(TestStores.embeddedConfig(dataDir), blocking);
  }

  @AfterAll
  static void close() {
    embedded.close();
    blocking.shutdownNow();
  }

  @Override
  protected HistoryStore store() {
    return embedded.history();
  }

  @Override
  protected TwinId newTwin() {
    return TwinId.of("t", "twin" + twins.incrementAndGet());
  }
}
