package io.twinworks.connectors.sparkplug;


import com.typesafe.config.Config;
import io.twinworks.connectors.ConfigSection;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.util.Objects;

/**
 * Sparkplug B ingestion, read from {@code twinworks.mqtt.sparkplug}.
 *
 * @param enabled subscribe to {@code spBv1.0/#} and decode what arrives there
 * @param kind the kind of the twins of edge nodes and devices
 * @param rebirthMinInterval an edge node is asked for a rebirth at most once in this time (until it is born again)
 */
public record SparkplugSettings(boolean enabled, TwinKind kind, Duration rebirthMinInterval) {

  /** The subscription covering every Sparkplug B message. */
  public static final String SUBSCRIPTION = SparkplugTopic.NAMESPACE + "/#";

  public SparkplugSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rebirthMinInterval, "rebirthMinInterval");
  }

  /**
   * Reads and validates the settings, failing with a {@link com.typesafe.config.ConfigException} naming the key.
   *
   * @param config the application's root config, or its {@code twinworks.mqtt} section
   */
  public static SparkplugSettings create(Config config) {
    Config mqtt = ConfigSection.MQTT.of(config);
    String kindId = ConfigSection.MQTT.read(mqtt, "sparkplug.kind", Config::getString);
    TwinKind kind = TwinKind.find(kindId).orElseThrow(() -> ConfigSection.MQTT.invalid("sparkplug.kind",
        "unknown kind '" + kindId + "' (expected sensor, machine or battery-pack)"));
    Duration interval = ConfigSection.MQTT.read(mqtt, "sparkplug.rebirth-min-interval", Config::getDuration);
    if (interval.isNegative()) {
      throw ConfigSection.MQTT.invalid("sparkplug.rebirth-min-interval", "must not be negative, was " + interval);
    }
    return new SparkplugSettings(ConfigSection.MQTT.read(mqtt, "sparkplug.enabled", Config::getBoolean), kind, interval);
  }
}
