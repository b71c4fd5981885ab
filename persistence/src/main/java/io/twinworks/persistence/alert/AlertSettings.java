package io.twinworks.persistence.alert;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/** The {@code twinworks.alerts} settings of the alert log, read once and checked; errors name the key. */
public record AlertSettings(Duration retention) {

  public static final String RETENTION_KEY = "twinworks.alerts.retention";
  private static final Duration MIN_RETENTION = Duration.ofMinutes(1);
  // Cassandra caps a TTL at 20 years.
  private static final Duration MAX_RETENTION = Duration.ofDays(7300);

  public AlertSettings {
    if (retention.compareTo(MIN_RETENTION) < 0 || retention.compareTo(MAX_RETENTION) > 0) {
      throw new IllegalArgumentException(RETENTION_KEY + " must be between 1 minute and 20 years, was " + retention);
    }
  }

  public static AlertSettings create(Config config) {
    try {
      return new AlertSettings(config.getDuration(RETENTION_KEY));
    } catch (ConfigException e) {
      throw new IllegalArgumentException("missing or invalid config key " + RETENTION_KEY
          + " (a duration such as 30 days): " + e.getMessage(), e);
    }
  }

  /** The retention as a Cassandra TTL. */
  public int retentionSeconds() {
    return (int) retention.toSeconds();
  }
}
