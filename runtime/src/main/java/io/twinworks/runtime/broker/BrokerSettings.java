package io.twinworks.runtime.broker;

import java.nio.file.Path;
import java.util.Objects;

/** Where the embedded MQTT broker listens and keeps its journal (under {@code dataDir/broker}). */
public record BrokerSettings(String host, int port, Path dataDir) {

  public BrokerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    if (host.isBlank()) {
      throw new IllegalArgumentException("embedded broker host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("embedded broker port must be 1..65535, was " + port);
    }
  }

  /** {@code tcp://host:port}, with IPv6 literals bracketed. */
  public String url() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "tcp://" + h + ":" + port;
  }
}
