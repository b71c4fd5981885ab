package io.twinworks.connectors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.function.BiFunction;

/** Reads the {@code twinworks.mqtt} section, naming the full key in every error. */
public final class MqttConfig {

  public static final String PATH = "twinworks.mqtt";

  private MqttConfig() {}

  /**
   * The {@code twinworks.mqtt} section of {@code config}, which may be the application's root config or that
   * section itself; keys it lacks come from this module's {@code reference.conf}.
   */
  public static Config section(Config config) {
    Config section = config.hasPath(PATH) ? config.getConfig(PATH) : config;
    return section.withFallback(ConfigFactory.defaultReference().getConfig(PATH));
  }

  /** Reads a key with a typesafe-config getter, rethrowing its failure under the full key name. */
  public static <T> T read(Config section, String key, BiFunction<Config, String, T> getter) {
    try {
      return getter.apply(section, key);
    } catch (ConfigException e) {
      throw invalid(key, e.getMessage());
    }
  }

  /** A configuration error naming the key, e.g. {@code twinworks.mqtt.routes[1].kind: unknown kind 'foo'}. */
  public static ConfigException invalid(String key, String problem) {
    return new ConfigException.Generic(PATH + "." + key + ": " + problem);
  }
}
