package io.twinworks.runtime.edge;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.twinworks.connectors.mqtt.MqttSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The edge gateway's settings ({@code twinworks.edge}), validated with errors that name the key.
 *
 * @param metricsPort 0 for a free port, -1 for no metrics endpoint
 */
public record EdgeSettings(String gateway, MqttSettings mqtt, Path bufferPath, long bufferMaxBytes, int window,
    Duration ackTimeout, String metricsHost, int metricsPort, Duration statusInterval) {

  static final String PATH = "twinworks.edge";

  /** Reads {@code twinworks.edge} of a resolved root config. */
  public static EdgeSettings fromConfig(Config root) {
    Config edge = root.getConfig(PATH);
    String gateway = edge.getString("gateway");
    if (gateway.isBlank() || gateway.contains("/") || gateway.contains("+") || gateway.contains("#")) {
      throw invalid("gateway", "must name this gateway as one MQTT topic level (no /, + or #), was '" + gateway + "'");
    }
    String url = edge.getString("mqtt.url");
    if (url.isBlank()) {
      throw invalid("mqtt.url", "must name the central broker, e.g. tcp://broker.plant.local:1883");
    }
    String clientId = edge.getString("mqtt.client-id");
    Config mqtt = edge.getConfig("mqtt")
        .withValue("client-id", ConfigValueFactory.fromAnyRef(clientId.isBlank() ? "twinworks-edge-" + gateway : clientId))
        .atPath("twinworks.mqtt")
        .withFallback(root);
    long maxBytes = edge.getBytes("buffer.max-bytes");
    if (maxBytes <= 0) {
      throw invalid("buffer.max-bytes", "must be positive, was " + maxBytes);
    }
    int window = edge.getInt("forward.window");
    if (window < 1 || window > 65_535) {
      throw invalid("forward.window", "must be 1..65535, was " + window);
    }
    int metricsPort = edge.getInt("metrics-port");
    if (metricsPort < -1 || metricsPort > 65_535) {
      throw invalid("metrics-port", "must be a port, 0 (a free one) or -1 (off), was " + metricsPort);
    }
    return new EdgeSettings(gateway, MqttSettings.create(mqtt), Path.of(edge.getString("buffer.path")), maxBytes,
        window, positive(edge, "forward.ack-timeout"), edge.getString("metrics-host"), metricsPort,
        positive(edge, "status-interval"));
  }

  /** The defaults under the given {@code twinworks.edge} keys (e.g. from a gateway YAML file). */
  public static Config withDefaults(Config edgeKeys) {
    return edgeKeys.atPath(PATH).withFallback(ConfigFactory.load()).resolve();
  }

  private static Duration positive(Config edge, String key) {
    Duration value = edge.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw invalid(key, "must be positive, was " + value);
    }
    return value;
  }

  private static ConfigException invalid(String key, String problem) {
    return new ConfigException.BadValue(PATH + "." + key, problem);
  }
}
