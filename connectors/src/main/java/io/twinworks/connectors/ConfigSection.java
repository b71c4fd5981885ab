package io.twinworks.connectors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * One section of the configuration, e.g. {@code twinworks.alerts}, read so that every error names the full key
 * ({@code twinworks.alerts.webhooks[1].url: missing}).
 */
public record ConfigSection(String path) {

  public static final ConfigSection MQTT = new ConfigSection("twinworks.mqtt");
  public static final ConfigSection ALERTS = new ConfigSection("twinworks.alerts");
  public static final ConfigSection OPCUA = new ConfigSection("twinworks.connectors.opcua");

  /**
   * The section of {@code config}, which may be the application's root config or the section itself; keys it lacks
   * come from the {@code reference.conf} files.
   */
  public Config of(Config config) {
    Config section = config.hasPath(path) ? config.getConfig(path) : config;
    return section.withFallback(ConfigFactory.defaultReference().getConfig(path));
  }

  /** Reads {@code key} with a typesafe-config getter; a failure names it as {@code <path>.<key>}. */
  public <T> T read(Config config, String key, BiFunction<Config, String, T> getter) {
    return read(config, key, key, getter);
  }

  /** Reads {@code key} of {@code config} (e.g. a list entry); a failure names it as {@code <path>.<reportedAs>}. */
  public <T> T read(Config config, String key, String reportedAs, BiFunction<Config, String, T> getter) {
    try {
      return getter.apply(config, key);
    } catch (ConfigException e) {
      throw invalid(reportedAs, e.getMessage());
    }
  }

  public Duration positiveDuration(Config config, String key) {
    return positiveDuration(config, key, key);
  }

  public Duration positiveDuration(Config config, String key, String reportedAs) {
    Duration value = read(config, key, reportedAs, Config::getDuration);
    if (value.isNegative() || value.isZero()) {
      throw invalid(reportedAs, "must be positive, was " + value);
    }
    return value;
  }

  /** A configuration error naming the key, e.g. {@code twinworks.mqtt.routes[1].kind: unknown kind 'foo'}. */
  public ConfigException invalid(String key, String problem) {
    return new ConfigException.Generic(path + "." + key + ": " + problem);
  }
}
