package io.twinworks.connectors.alert;

import com.typesafe.config.Config;
import io.twinworks.connectors.ConfigSection;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.twins.alert.Alert;
import java.time.Duration;
import java.util.Objects;

/**
 * The MQTT alert topic, read from {@code twinworks.alerts.mqtt}. The broker, credentials and reconnect
 * backoff are the ingest connection's ({@link MqttSettings}).
 *
 * @param topicPrefix alerts go to {@code {topicPrefix}/{tenant}/{twinId}}
 * @param clientId empty: the ingest client id + {@code -alerts} (see {@link #clientIdFor})
 * @param maxInFlight publishes awaiting their PUBACK at once; more fail at once
 * @param publishTimeout how long a publish waits for its PUBACK
 */
public record MqttAlertSettings(
    boolean enabled, String topicPrefix, String clientId, int maxInFlight, Duration publishTimeout) {

  static final String ID_SUFFIX = "-alerts";
  private static final int MQTT_MAX_IN_FLIGHT = 65_535; // message ids are 16 bits

  public MqttAlertSettings {
    Objects.requireNonNull(topicPrefix, "topicPrefix");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(publishTimeout, "publishTimeout");
  }

  /**
   * Reads and validates the settings, failing with a {@link com.typesafe.config.ConfigException} naming the key.
   *
   * @param config the application's root config, or its {@code twinworks.alerts} section
   */
  public static MqttAlertSettings create(Config config) {
    Config alerts = ConfigSection.ALERTS.of(config);
    String prefix = ConfigSection.ALERTS.read(alerts, "mqtt.topic-prefix", Config::getString);
    String problem = topicPrefixProblem(prefix);
    if (problem != null) {
      throw ConfigSection.ALERTS.invalid("mqtt.topic-prefix", problem + ", was '" + prefix + "'");
    }
    String clientId = ConfigSection.ALERTS.read(alerts, "mqtt.client-id", Config::getString);
    if (!clientId.isEmpty() && clientId.isBlank()) {
      throw ConfigSection.ALERTS.invalid("mqtt.client-id", "must be empty (derived from twinworks.mqtt.client-id) or a name, was blank");
    }
    int maxInFlight = ConfigSection.ALERTS.read(alerts, "mqtt.max-in-flight", Config::getInt);
    if (maxInFlight < 1 || maxInFlight > MQTT_MAX_IN_FLIGHT) {
      throw ConfigSection.ALERTS.invalid("mqtt.max-in-flight", "must be between 1 and " + MQTT_MAX_IN_FLIGHT + ", was " + maxInFlight);
    }
    return new MqttAlertSettings(ConfigSection.ALERTS.read(alerts, "mqtt.enabled", Config::getBoolean), prefix, clientId, maxInFlight,
        ConfigSection.ALERTS.positiveDuration(alerts, "mqtt.publish-timeout"));
  }

  /** The same settings for a publisher with another client id (one connection per id). */
  public MqttAlertSettings withClientId(String newClientId) {
    return new MqttAlertSettings(enabled, topicPrefix, newClientId, maxInFlight, publishTimeout);
  }

  /** The alert publisher's client id: the configured one, or the ingest connection's + {@code -alerts}. */
  public String clientIdFor(MqttSettings connection) {
    return clientId.isEmpty() ? connection.clientId() + ID_SUFFIX : clientId;
  }

  /** {@code {topicPrefix}/{tenant}/{twinId}}, e.g. {@code twinworks/alerts/acme/acme:p1:r1:pk7}. */
  public String topicFor(Alert alert) {
    return topicPrefix + "/" + alert.tenant() + "/" + alert.twinId().value();
  }

  private static String topicPrefixProblem(String prefix) {
    if (prefix.isEmpty()) {
      return "must not be empty";
    }
    if (prefix.contains("+") || prefix.contains("#")) {
      return "must not contain the wildcards + or #";
    }
    if (prefix.startsWith("$")) {
      return "must not start with $ (reserved for the broker)";
    }
    if (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")) {
      return "must not have empty levels (a leading, trailing or double /)";
    }
    if (prefix.chars().anyMatch(c -> c == 0)) {
      return "must not contain NUL";
    }
    return null;
  }
}
