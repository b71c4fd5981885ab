package io.twinworks.runtime.live;

import com.typesafe.config.Config;
import io.twinworks.runtime.config.ConfigReader;
import java.time.Duration;

/**
 * How the live twin stream runs ({@code twinworks.dashboard.stream} in the runtime's reference.conf).
 *
 * @param flushInterval how often a node sends the twin deltas it collected to every node's dashboards
 * @param pingInterval how often an idle WebSocket gets a ping message
 * @param maxPendingTwins twins one slow WebSocket may have waiting (each only its latest values); more are dropped
 */
public record LiveSettings(Duration flushInterval, Duration pingInterval, int maxPendingTwins) {

  public static LiveSettings fromConfig(Config config) {
    ConfigReader read = new ConfigReader(config);
    return new LiveSettings(
        read.positiveDuration("twinworks.dashboard.stream.flush-interval"),
        read.positiveDuration("twinworks.dashboard.stream.ping-interval"),
        read.intBetween("twinworks.dashboard.stream.max-pending-twins", 1, 10_000_000));
  }
}
