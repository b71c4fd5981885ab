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
 * @param maxEdgeNodes the edge nodes whose sessions are kept, the least recently heard from forgotten first
 * @param maxFutureSkew a metric time further than this after the receive time is refused ({@code
 *     twinworks.mqtt.max-future-skew}, as for JSON payloads)
 * @param maxPayloadBytes a larger payload is refused unparsed ({@code twinworks.mqtt.max-payload-bytes}, as for JSON)
 */
public record SparkplugSettings(boolean enabled, TwinKind kind, Duration rebirthMinInterval, int maxEdgeNodes,
    Duration maxFutureSkew, int maxPayloadBytes) {

  /** The subscription covering every Sparkplug B message. */
  public static final String SUBSCRIPTION = SparkplugTopic.NAMESPACE + "/#";

  public SparkplugSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rebirthMinInterval, "rebirthMinInterval");
    Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
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
    int maxEdgeNodes = ConfigSection.MQTT.read(mqtt, "sparkplug.max-edge-nodes", Config::getInt);
    if (maxEdgeNodes < 1) {
      throw ConfigSection.MQTT.invalid("sparkplug.max-edge-nodes", "must be at least 1, was " + maxEdgeNodes);
    }
    return new SparkplugSettings(ConfigSection.MQTT.read(mqtt, "sparkplug.enabled", Config::getBoolean), kind, interval,
        maxEdgeNodes, ConfigSection.MQTT.read(mqtt, "max-future-skew", Config::getDuration),
        ConfigSection.MQTT.read(mqtt, "max-payload-bytes", Config::getInt));
  }
}
