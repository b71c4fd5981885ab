package io.twinworks.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
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

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
