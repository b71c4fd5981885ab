package io.twinworks.runtime.alert.delivery;

import com.typesafe.config.Config;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.runtime.config.ConfigReader;
import io.twinworks.runtime.config.InvalidConfigException;
import java.time.Duration;
import org.apache.pekko.event.Logging;
import org.apache.pekko.stream.RestartSettings;

/**
 * How every alert delivery channel reads the log and retries, from {@code twinworks.alerts.poll-interval} and
 * {@code twinworks.alerts.delivery}; errors name the key.
 *
 * @param pollInterval how often a caught-up channel asks the log for new changes
 * @param batchSize most changes read at once
 * @param minBackoff first wait before a failed channel starts again from its cursor; doubles up to maxBackoff
 * @param stopTimeout how long stopping waits for the delivery in flight before abandoning it
 */
public record DeliverySettings(
    Duration pollInterval, int batchSize, Duration minBackoff, Duration maxBackoff, Duration stopTimeout) {

  static final String POLL_INTERVAL = "twinworks.alerts.poll-interval";
  static final String PREFIX = "twinworks.alerts.delivery.";
  private static final double RANDOM_FACTOR = 0.2;

  public DeliverySettings {
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw new InvalidConfigException(PREFIX + "max-backoff", "must not be less than min-backoff (" + minBackoff
          + "), was " + maxBackoff);
    }
  }

  public static DeliverySettings create(Config config) {
    ConfigReader read = new ConfigReader(config);
    return new DeliverySettings(read.positiveDuration(POLL_INTERVAL),
        read.intBetween(PREFIX + "batch-size", 1, AlertLog.MAX_SINCE_LIMIT),
        read.positiveDuration(PREFIX + "min-backoff"), read.positiveDuration(PREFIX + "max-backoff"),
        read.positiveDuration(PREFIX + "stop-timeout"));
  }

  /**
   * Restarts without limit: a channel keeps trying for as long as it runs. Pekko logs each restart at debug only: the
   * channel logs its failures itself, with its name.
   */
  RestartSettings restartSettings() {
    return RestartSettings.create(minBackoff, maxBackoff, RANDOM_FACTOR)
        .withLogSettings(RestartSettings.createLogSettings(Logging.DebugLevel()));
  }
}
