package io.twinworks.connectors.opcua;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.function.BiFunction;

/** Reads the {@code twinworks.connectors.opcua} section, naming the full key in every error. */
final class OpcUaConfig {

  static final String PATH = "twinworks.connectors.opcua";

  private OpcUaConfig() {}

  /**
   * The {@code twinworks.connectors.opcua} section of the application's root {@code config}; keys it lacks come
   * from this module's {@code reference.conf}.
   */
  static Config section(Config config) {
    Config section = config.hasPath(PATH) ? config.getConfig(PATH) : ConfigFactory.empty();
    return section.withFallback(ConfigFactory.defaultReference().getConfig(PATH));
  }

  /** Reads {@code key} of {@code config}; a failure names it as {@code twinworks.connectors.opcua.<reportedAs>}. */
  static <T> T read(Config config, String key, String reportedAs, BiFunction<Config, String, T> getter) {
    try {
      return getter.apply(config, key);
    } catch (ConfigException e) {
      throw invalid(reportedAs, e.getMessage());
    }
  }

  static Duration positiveDuration(Config config, String key, String reportedAs) {
    Duration value = read(config, key, reportedAs, Config::getDuration);
    if (value.isNegative() || value.isZero()) {
      throw invalid(reportedAs, "must be positive, was " + value);
    }
    return value;
  }

  /** A configuration error naming the key, e.g. {@code twinworks.connectors.opcua.endpoints[0].url: missing}. */
  static ConfigException invalid(String key, String problem) {
    return new ConfigException.Generic(PATH + "." + key + ": " + problem);
  }
}
