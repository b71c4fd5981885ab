package io.twinworks.runtime.alert;

import com.typesafe.config.Config;
import io.twinworks.runtime.config.ConfigReader;
import java.time.Duration;

/**
 * How live alert streams run ({@code twinworks.alerts} in the runtime's reference.conf).
 *
 * @param pollInterval how often a node reads new changes from the alert log when it found none
 * @param subscriberBuffer changes one subscriber may fall behind the tail before its stream fails
 * @param keepAlive how often an idle SSE stream sends a heartbeat
 */
public record AlertStreamSettings(Duration pollInterval, int subscriberBuffer, Duration keepAlive) {

  public static AlertStreamSettings fromConfig(Config config) {
    ConfigReader read = new ConfigReader(config);
    return new AlertStreamSettings(
        read.positiveDuration("twinworks.alerts.poll-interval"),
        read.intBetween("twinworks.alerts.subscriber-buffer", 1, 100_000),
        read.positiveDuration("twinworks.alerts.sse-keep-alive"));
  }
}
