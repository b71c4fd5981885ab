package io.twinworks.twins.time;

import com.typesafe.config.Config;
import io.twinworks.twins.config.ConfigReader;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How a twin's {@link ReorderBuffer} waits for stragglers ({@code twinworks.time.reorder}).
 *
 * @param gracePeriod how far behind the newest source time a sample may arrive and still be put in
 *     order; zero releases every sample at once
 * @param maxHeld the most samples held back; beyond it the oldest are released early
 */
public record ReorderSettings(Duration gracePeriod, int maxHeld) {

  public static final String PATH = "twinworks.time.reorder";
  public static final int MAX_HELD_LIMIT = 1_000_000;
  private static final Set<String> KEYS = Set.of("grace-period", "max-held");

  public ReorderSettings {
    if (gracePeriod.isNegative()) {
      throw new IllegalArgumentException("grace-period must not be negative, was " + gracePeriod);
    }
    if (maxHeld < 1 || maxHeld > MAX_HELD_LIMIT) {
      throw new IllegalArgumentException("max-held must be between 1 and " + MAX_HELD_LIMIT + ", was " + maxHeld);
    }
  }

  /** Reads the root config's {@code twinworks.time.reorder} section, or that section itself. */
  public static ReorderSettings fromConfig(Config config) {
    return read(ConfigReader.section(config, PATH));
  }

  /** Reads a JSON body such as {@code {"grace-period": "PT5S"}}; keys left out keep their defaults. */
  public static ReorderSettings fromMap(Map<String, Object> map) {
    return read(ConfigReader.map(map, PATH));
  }

  private static ReorderSettings read(ConfigReader config) {
    config.onlyKeys(KEYS);
    return config.validated(() -> new ReorderSettings(config.duration("grace-period"), config.integer("max-held")));
  }

  long graceMicros() {
    return TimeUnit.MICROSECONDS.convert(gracePeriod);
  }
}
