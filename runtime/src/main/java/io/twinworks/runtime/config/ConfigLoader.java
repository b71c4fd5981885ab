package io.twinworks.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.twinworks.persistence.cassandra.StoreProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the configuration: -D system properties, then an optional --config file, then the bundled
 * application.conf, then every module's reference.conf. The data dir is made absolute before
 * substitutions (the H2 url) are resolved, so a relative path means "relative to where you started".
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  public static Config load(Optional<Path> configFile) {
    return load(configFile, ConfigFactory.empty());
  }

  /** As {@link #load(Optional)}, with {@code overrides} above every layer (a tool's own settings). */
  public static Config load(Optional<Path> configFile, Config overrides) {
    Config unresolved = overrides.withFallback(layers(configFile));
    String dataDir = unresolved.resolve().getString("twinworks.data-dir");
    Config absoluteDataDir = ConfigFactory.parseMap(
        Map.of("twinworks.data-dir", Path.of(dataDir).toAbsolutePath().normalize().toString()));
    try {
      Config resolved = overrides
          .withFallback(ConfigFactory.systemProperties())
          .withFallback(absoluteDataDir)
          .withFallback(unresolved)
          .resolve();
      return storePlugins(resolved).withFallback(resolved);
    } catch (ConfigException e) {
      throw new InvalidConfigException(e.origin() == null ? "config" : e.origin().description(), e.getMessage());
    }
  }

  /** The journal and snapshot plugins of the configured store profile. */
  private static Config storePlugins(Config config) {
    try {
      return StoreProfile.from(config).pluginConfig();
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(StoreProfile.KEY, e.getMessage());
    }
  }

  private static Config layers(Optional<Path> configFile) {
    Config file = ConfigFactory.empty();
    if (configFile.isPresent()) {
      Path path = configFile.get();
      if (!Files.isReadable(path)) {
        throw new InvalidConfigException("--config", "cannot read " + path.toAbsolutePath());
      }
      file = ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    }
    return ConfigFactory.systemProperties()
        .withFallback(file)
        .withFallback(ConfigFactory.parseResources("application.conf"))
        .withFallback(ConfigFactory.defaultReferenceUnresolved());
  }
}
