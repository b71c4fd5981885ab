package io.twinworks.runtime.config;

import com.typesafe.config.Config;
import io.twinworks.runtime.security.HttpSecurity;
import java.nio.file.Path;
import java.time.Duration;

/** The runtime's own settings, read once at startup and validated. */
public record RuntimeSettings(
    Path dataDir,
    Endpoint http,
    int maxPageSize,
    Endpoint management,
    String externalMqttUrl,
    boolean embeddedBrokerEnabled,
    Endpoint embeddedBroker,
    IngestSettings ingest,
    HistorySettings history,
    ClusterSettings cluster,
    HttpSecurity httpSecurity) {

  /** A host and port to bind or connect to. */
  public record Endpoint(String host, int port) {}

  /** How the ingestion stage batches and waits. */
  public record IngestSettings(
      int maxBatch, Duration batchWindow, int parallelism, int maxReadingsPerCommand, Duration askTimeout,
      int askRetries, Duration registryFlushInterval) {}

  /** What history queries answer by default and at most. */
  public record HistorySettings(int maxPoints, Duration defaultRange, Duration rawRange) {}

  public static RuntimeSettings create(Config config) {
    ConfigReader read = new ConfigReader(config);
    String dataDir = read.string("twinworks.data-dir");
    if (dataDir.isBlank()) {
      throw new InvalidConfigException("twinworks.data-dir", "must not be empty");
    }
    String mqttUrl = read.string("twinworks.mqtt.url").trim();
    if (!mqttUrl.isEmpty() && !mqttUrl.matches("(tcp|ssl|ws|wss)://[^\\s/]+(:\\d+)?/?")) {
      throw new InvalidConfigException("twinworks.mqtt.url",
          "must look like tcp://host:port (or ssl://, ws://, wss://), was '" + mqttUrl + "'");
    }
    boolean embedded = read.bool("twinworks.mqtt.embedded-broker.enabled");
    if (mqttUrl.isEmpty() && !embedded) {
      throw new InvalidConfigException("twinworks.mqtt.url",
          "is empty and the embedded broker is disabled: set one of them");
    }
    return new RuntimeSettings(
        Path.of(dataDir).toAbsolutePath().normalize(),
        new Endpoint(read.string("twinworks.http.host"), read.port("twinworks.http.port", true)),
        read.intBetween("twinworks.http.max-page-size", 1, 100_000),
        new Endpoint(read.string("twinworks.management.host"), read.port("twinworks.management.port", true)),
        mqttUrl,
        embedded,
        new Endpoint(read.string("twinworks.mqtt.embedded-broker.host"),
            read.port("twinworks.mqtt.embedded-broker.port", true)),
        new IngestSettings(
            read.intBetween("twinworks.ingest.max-batch", 1, 100_000),
            read.positiveDuration("twinworks.ingest.batch-window"),
            read.intBetween("twinworks.ingest.parallelism", 1, 256),
            read.intBetween("twinworks.ingest.max-readings-per-command", 1, 100_000),
            read.positiveDuration("twinworks.ingest.ask-timeout"),
            read.intBetween("twinworks.ingest.ask-retries", 0, 100),
            read.positiveDuration("twinworks.ingest.registry-flush-interval")),
        new HistorySettings(
            read.intBetween("twinworks.history.max-points", 1, 1_000_000),
            read.positiveDuration("twinworks.history.default-range"),
            read.positiveDuration("twinworks.history.raw-range")),
        ClusterSettings.create(config),
        HttpSecurity.create(config));
  }

  /** Whether this process runs its own MQTT broker. */
  public boolean usesEmbeddedBroker() {
    return externalMqttUrl.isEmpty();
  }

  public String mqttUrl() {
    return usesEmbeddedBroker()
        ? "tcp://" + embeddedBroker.host() + ":" + embeddedBroker.port()
        : externalMqttUrl;
  }
}
