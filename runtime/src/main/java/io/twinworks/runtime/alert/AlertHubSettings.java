package io.twinworks.runtime.alert;

import com.typesafe.config.Config;
import io.twinworks.runtime.config.ConfigReader;

/**
 * How the alert hub appends ({@code twinworks.alerts.hub} in the runtime's reference.conf).
 *
 * @param batchSize most new changes one append takes from the deliveries queued behind the append in flight (a
 *     single delivery larger than this still goes whole)
 * @param confirmedTwins how many twins the hub remembers having confirmed to (least recently heard from go
 *     first; a forgotten twin costs one read of the log per change it sends again)
 */
public record AlertHubSettings(int batchSize, int confirmedTwins) {

  public static AlertHubSettings fromConfig(Config config) {
    ConfigReader read = new ConfigReader(config);
    return new AlertHubSettings(
        read.intBetween("twinworks.alerts.hub.batch-size", 1, 10_000),
        read.intBetween("twinworks.alerts.hub.confirmed-twins", 1, 10_000_000));
  }
}
