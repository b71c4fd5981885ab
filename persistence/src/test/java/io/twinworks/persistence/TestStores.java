package io.twinworks.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Config and helpers for tests on real H2 files. */
final class TestStores {

  private TestStores() {}

  /** The embedded-store profile as the runtime loads it, with {@code twinworks.data-dir = dir}. */
  static Config embeddedConfig(Path dataDir, String overrides) {
    Config app = ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.parseString("twinworks.data-dir = \"" + dataDir.toAbsolutePath() + "\""))
        .withFallback(ConfigFactory.parseResources("twinworks-embedded-store.conf"));
    return ConfigFactory.load(app);
  }

  static Config embeddedConfig(Path dataDir) {
    return embeddedConfig(dataDir, "");
  }

  /**
   * Lets the store's background work on {@code blocking} finish (a dead-letter prune started by the last record
   * still holds a connection, and H2 writes its files until it is back), then closes the store — before the test's
   * temp directory is deleted.
   */
  static void closeWhenIdle(EmbeddedStore store, ExecutorService blocking) {
    blocking.shutdown();
    try {
      if (!blocking.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new AssertionError("store work still running after 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      if (store != null) {
        store.close();
      }
    }
  }

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
