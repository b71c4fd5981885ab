package io.twinworks.persistence;

import static io.twinworks.persistence.TestStores.embeddedConfig;

import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.AlertLogContract;
import io.twinworks.persistence.alert.TestClock;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The alert log contract on an H2 file of its own per test. */
class JdbcAlertLogTest extends AlertLogContract {

  @TempDir Path dir;
  private final TestClock clock = new TestClock(T0);
  private ExecutorService blocking;
  private EmbeddedStore store;

  @BeforeEach
  void open() {
    blocking = Executors.newFixedThreadPool(2);
    store = EmbeddedStore.open(embeddedConfig(dir), blocking, clock);
  }

  @AfterEach
  void close() {
    TestStores.closeWhenIdle(store, blocking);
  }

  @Override
  protected AlertLog log() {
    return store.alerts();
  }

  @Override
  protected AlertLog reopen() {
    store.close();
    store = EmbeddedStore.open(embeddedConfig(dir), blocking, clock);
    return store.alerts();
  }

  @Override
  protected TestClock clock() {
    return clock;
  }
}
