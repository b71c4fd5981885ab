package io.twinworks.twins;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;

/** The twins' settings, read once from {@code twinworks.twins} and the analytics sections (see reference.conf). */
public record TwinSettings(
    int snapshotEvery, Duration idleTimeout, Duration minBackoff, Duration maxBackoff, double randomFactor,
    AnalyticsDefaults analytics) {

  private static final String PREFIX = "twinworks.twins.";

  public static TwinSettings create(ActorSystem<?> system) {
    return create(system.settings().config());
  }

  /** Reads the settings from a root config; fails with the offending key's name on a bad value. */
  public static TwinSettings create(Config config) {
    int snapshotEvery = config.getInt(PREFIX + "snapshot-every");
    require(snapshotEvery >= 1, config, "snapshot-every", "must be at least 1");
    Duration idle = positive(config, "idle-timeout");
    Duration min = positive(config, "min-backoff");
    Duration max = positive(config, "max-backoff");
    require(max.compareTo(min) >= 0, config, "max-backoff", "must not be less than min-backoff " + min);
    double factor = config.getDouble(PREFIX + "random-factor");
    require(factor >= 0 && factor <= 1, config, "random-factor", "must be between 0 and 1");
    return new TwinSettings(snapshotEvery, idle, min, max, factor, AnalyticsDefaults.fromConfig(config));
  }

  private static Duration positive(Config config, String key) {
    Duration value = config.getDuration(PREFIX + key);
    require(!value.isNegative() && !value.isZero(), config, key, "must be positive");
    return value;
  }

  private static void require(boolean ok, Config config, String key, String problem) {
    if (!ok) {
      throw new ConfigException.BadValue(config.getValue(PREFIX + key).origin(), PREFIX + key, problem);
    }
  }
}
