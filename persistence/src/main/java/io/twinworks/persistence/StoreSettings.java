package io.twinworks.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.util.Optional;

/** The {@code twinworks.store.h2} and {@code twinworks.dead-letters} settings, checked once. */
public record StoreSettings(String url, String user, String password, int maxConnections, int deadLetterMaxRows) {

  public static final String URL_KEY = "twinworks.store.h2.url";

  public static StoreSettings create(Config config) {
    String url = string(config, URL_KEY);
    if (!url.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException(URL_KEY + " must be an H2 JDBC URL (jdbc:h2:...), was '" + url + "'");
    }
    StoreSettings settings = new StoreSettings(url, string(config, "twinworks.store.h2.user"),
        string(config, "twinworks.store.h2.password"), positive(config, "twinworks.store.h2.max-connections"),
        positive(config, "twinworks.dead-letters.max-rows"));
    settings.databaseFile().ifPresent(StoreSettings::checkExplicitPath);
    return settings;
  }

  /**
   * The database file's base path for an embedded file URL ({@code jdbc:h2:[file:]path[;...]}),
   * empty for in-memory and server URLs.
   */
  public Optional<Path> databaseFile() {
    String rest = url.substring("jdbc:h2:".length());
    int options = rest.indexOf(';');
    String location = options < 0 ? rest : rest.substring(0, options);
    if (location.startsWith("mem:") || location.startsWith("tcp:") || location.startsWith("ssl:")
        || location.startsWith("zip:")) {
      return Optional.empty();
    }
    location = location.startsWith("file:") ? location.substring("file:".length()) : location;
    if (location.startsWith("~")) {
      location = System.getProperty("user.home") + location.substring(1);
    }
    return Optional.of(Path.of(location));
  }

  @Override
  public String toString() {
    return "StoreSettings[url=" + url + ", user=" + user + ", maxConnections=" + maxConnections
        + ", deadLetterMaxRows=" + deadLetterMaxRows + "]";
  }

  // H2 refuses paths that are implicitly relative to the working directory ("data/h2/x").
  private static void checkExplicitPath(Path file) {
    String path = file.toString();
    if (!file.isAbsolute() && !path.startsWith("./") && !path.startsWith(".\\")) {
      throw new IllegalArgumentException(URL_KEY + " has the relative path '" + path
          + "'; H2 needs an absolute path or one starting with './' (set twinworks.data-dir accordingly)");
    }
  }

  private static String string(Config config, String key) {
    try {
      return config.getString(key);
    } catch (ConfigException.Missing e) {
      throw new IllegalArgumentException("missing config key " + key
          + (key.equals(URL_KEY) ? " (include \"twinworks-embedded-store.conf\" and set twinworks.data-dir)" : ""), e);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("invalid config key " + key + ": " + e.getMessage(), e);
    }
  }

  private static int positive(Config config, String key) {
    int value;
    try {
      value = config.getInt(key);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("invalid or missing config key " + key + ": " + e.getMessage(), e);
    }
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be at least 1, was " + value);
    }
    return value;
  }
}
