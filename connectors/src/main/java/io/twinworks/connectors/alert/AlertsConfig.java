package io.twinworks.connectors.alert;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.function.BiFunction;

/** Reads the {@code twinworks.alerts} section, naming the full key in every error (as {@code MqttConfig} does). */
final class AlertsConfig {

  static final String PATH = "twinworks.alerts";

  private AlertsConfig() {}

  /**
   * The {@code twinworks.alerts} section of {@code config}, which may be the application's root config or that
   * section itself; keys it lacks come from this module's {@code reference.conf}.
   */
  static Config section(Config config) {
    Config section = config.hasPath(PATH) ? config.getConfig(PATH) : config;
    return section.withFallback(ConfigFactory.defaultReference().getConfig(PATH));
  }

  /** Reads {@code key} with a typesafe-config getter; a failure names it as {@code twinworks.alerts.<key>}. */
  static <T> T read(Config config, String key, BiFunction<Config, String, T> getter) {
    return read(config, key, key, getter);
  }

  /** Reads {@code key} of {@code config}; a failure names it as {@code twinworks.alerts.<reportedAs>}. */
  static <T> T read(Config config, String key, String reportedAs, BiFunction<Config, String, T> getter) {
    try {
      return getter.apply(config, key);
    } catch (ConfigException e) {
      throw invalid(reportedAs, e.getMessage());
    }
  }

  static Duration positiveDuration(Config config, String key) {
    return positiveDuration(config, key, key);
  }

  static Duration positiveDuration(Config config, String key, String reportedAs) {
    Duration value = read(config, key, reportedAs, Config::getDuration);
    if (value.isNegative() || value.isZero()) {
      throw invalid(reportedAs, "must be positive, was " + value);
    }
    return value;
  }

  /** A configuration error naming the key, e.g. {@code twinworks.alerts.webhooks[1].url: missing}. */
  static ConfigException invalid(String key, String problem) {
    return new ConfigException.Generic(PATH + "." + key + ": " + problem);
  }
}
