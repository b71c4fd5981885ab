package io.twinworks.connectors.mqtt;


import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.ConfigSection;
import io.twinworks.connectors.Secret;
import java.time.Duration;
import java.util.Objects;
import org.apache.pekko.stream.RestartSettings;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The broker connection of MQTT ingestion, read from {@code twinworks.mqtt}.
 *
 * @param url broker URL; empty until the runtime decides (see {@link #withUrl})
 * @param username empty for none
 * @param password shown as {@code ***} when printed
 * @param tls used for {@code ssl://} URLs
 * @param maxRestarts restarts allowed within {@code maxRestartsWithin}; -1 for no limit
 * @param sharedGroup empty for plain subscriptions; else the MQTT shared-subscription group every ingest
 *     subscription joins ({@code $share/<group>/<filter>}), so the broker spreads messages over the nodes
 */
public record MqttSettings(
    String url,
    String clientId,
    String username,
    Secret password,
    int bufferSize,
    Duration minBackoff,
    Duration maxBackoff,
    double randomFactor,
    int maxRestarts,
    Duration maxRestartsWithin,
    String sharedGroup,
    MqttTls tls) {

  public MqttSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(minBackoff, "minBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRestartsWithin, "maxRestartsWithin");
    Objects.requireNonNull(sharedGroup, "sharedGroup");
    Objects.requireNonNull(tls, "tls");
  }

  /**
   * Reads and validates the settings, failing with a {@link com.typesafe.config.ConfigException} naming the key.
   *
   * @param config the application's root config, or its {@code twinworks.mqtt} section
   */
  public static MqttSettings create(Config config) {
    Config mqtt = ConfigSection.MQTT.of(config);
    String clientId = ConfigSection.MQTT.read(mqtt, "client-id", Config::getString);
    if (clientId.isBlank() || clientId.length() > 65535) {
      throw ConfigSection.MQTT.invalid("client-id", "must be a non-empty string");
    }
    int bufferSize = ConfigSection.MQTT.read(mqtt, "buffer-size", Config::getInt);
    if (bufferSize <= 0) {
      throw ConfigSection.MQTT.invalid("buffer-size", "must be positive, was " + bufferSize);
    }
    Duration minBackoff = ConfigSection.MQTT.positiveDuration(mqtt, "min-backoff");
    Duration maxBackoff = ConfigSection.MQTT.positiveDuration(mqtt, "max-backoff");
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw ConfigSection.MQTT.invalid("max-backoff", "must not be less than min-backoff (" + minBackoff + "), was " + maxBackoff);
    }
    double randomFactor = ConfigSection.MQTT.read(mqtt, "random-factor", Config::getDouble);
    if (!(randomFactor >= 0 && randomFactor <= 1)) {
      throw ConfigSection.MQTT.invalid("random-factor", "must be between 0 and 1, was " + randomFactor);
    }
    int maxRestarts = ConfigSection.MQTT.read(mqtt, "max-restarts", Config::getInt);
    if (maxRestarts < -1) {
      throw ConfigSection.MQTT.invalid("max-restarts", "must be -1 (forever) or at least 0, was " + maxRestarts);
    }
    String sharedGroup = ConfigSection.MQTT.read(mqtt, "shared-group", Config::getString).trim();
    if (!sharedGroup.matches("[^/+#\\s]*")) {
      throw ConfigSection.MQTT.invalid("shared-group",
          "must be one topic level without /, + or # (e.g. twinworks), was '" + sharedGroup + "'");
    }
    String url = ConfigSection.MQTT.read(mqtt, "url", Config::getString).trim();
    MqttTls tls = MqttTls.create(mqtt);
    if (tls.configured() && url.startsWith("tcp://")) {
      throw ConfigSection.MQTT.invalid("url", "is " + url + " but twinworks.mqtt.tls is set: use ssl://host:8883, "
          + "or the credentials and data would cross the network in clear");
    }
    String username = ConfigSection.MQTT.read(mqtt, "username", Config::getString);
    Secret password = new Secret(ConfigSection.MQTT.read(mqtt, "password", Config::getString));
    if (username.isEmpty() && !password.isEmpty()) {
      throw ConfigSection.MQTT.invalid("password", "is set but username is empty");
    }
    return new MqttSettings(url, clientId, username, password, bufferSize, minBackoff, maxBackoff, randomFactor,
        maxRestarts, ConfigSection.MQTT.positiveDuration(mqtt, "max-restarts-within"), sharedGroup, tls);
  }

  /** The same settings with another broker URL, e.g. the embedded broker's. */
  public MqttSettings withUrl(String newUrl) {
    return new MqttSettings(newUrl, clientId, username, password, bufferSize, minBackoff, maxBackoff, randomFactor,
        maxRestarts, maxRestartsWithin, sharedGroup, tls);
  }

  /** The same settings with another client id. */
  public MqttSettings withClientId(String newClientId) {
    return new MqttSettings(url, newClientId, username, password, bufferSize, minBackoff, maxBackoff, randomFactor,
        maxRestarts, maxRestartsWithin, sharedGroup, tls);
  }

  /** Whether ingest subscriptions are shared with the other nodes of a cluster. */
  public boolean shared() {
    return !sharedGroup.isEmpty();
  }

  /**
   * The filter as this node subscribes to it for ingestion: {@code $share/<group>/<filter>} when a shared group is
   * set (each message goes to one member of the group), else the filter itself.
   */
  public String ingestFilter(String filter) {
    return shared() ? "$share/" + sharedGroup + "/" + filter : filter;
  }

  /** Backoff and restart limits for the {@code RestartSource} around the broker connection. */
  public RestartSettings restartSettings() {
    RestartSettings restart = RestartSettings.create(minBackoff, maxBackoff, randomFactor);
    return maxRestarts < 0 ? restart : restart.withMaxRestarts(maxRestarts, maxRestartsWithin);
  }

  /**
   * Paho options of the ingest connection: persistent session (clean session off) under the stable
   * client id, Paho's own reconnect off (the restart source reconnects), TCP_NODELAY (Paho's default socket has
   * Nagle on), and for {@code ssl://} URLs the TLS of {@link #tls()}.
   *
   * @throws IllegalStateException when no URL is set
   */
  public MqttConnectOptions connectOptions() {
    requireUrl();
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(false);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(10);
    if (url.startsWith("tcp://")) {
      options.setSocketFactory(new NoDelaySocketFactory());
    }
    applyCredentialsAndTls(options);
    return options;
  }

  /**
   * Sets this connection's user name and password (if any) and, for an {@code ssl://} URL, its TLS on options a
   * client made for itself (the bench's and the simulator's publishers).
   */
  public void applyCredentialsAndTls(MqttConnectOptions options) {
    if (!username.isEmpty()) {
      options.setUserName(username);
      options.setPassword(password.reveal());
    }
    if (url.startsWith("ssl://")) {
      options.setSocketFactory(tls.socketFactory());
      options.setHttpsHostnameVerificationEnabled(tls.verifyHostname());
    }
  }

  /**
   * The credentials and TLS of {@code twinworks.mqtt} as configured (application.conf, -D, TWINWORKS_MQTT_*) for a
   * client of another URL, e.g. {@code bench --mqtt-url ssl://broker:8883}.
   */
  public static MqttSettings configuredFor(String url) {
    return create(ConfigFactory.load()).withUrl(url);
  }

  /** @throws IllegalStateException when no URL is set */
  public void requireUrl() {
    if (url.isBlank()) {
      throw new IllegalStateException(ConfigSection.MQTT.path() + ".url is empty: set it, or pass the broker's URL with withUrl");
    }
  }
}
