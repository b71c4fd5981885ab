package io.twinworks.twins.oee;

import io.twinworks.twins.config.ConfigReader;
import java.time.Duration;
import java.util.Set;

/** How many closed windows of each bucket a twin keeps (oldest dropped first). */
public record OeeHistoryLimits(int quarterHour, int hour, int shift) {

  static final int MAX = 10_000;

  public OeeHistoryLimits {
    check("quarter-hour", quarterHour);
    check("hour", hour);
    check("shift", shift);
  }

  static OeeHistoryLimits read(ConfigReader history) {
    history.onlyKeys(Set.of("quarter-hour", "hour", "shift"));
    return new OeeHistoryLimits(history.integer("quarter-hour", 1, MAX), history.integer("hour", 1, MAX),
        history.integer("shift", 1, MAX));
  }

  public int of(OeeBucket bucket) {
    return switch (bucket) {
      case QUARTER_HOUR -> quarterHour;
      case HOUR -> hour;
      case SHIFT -> shift;
    };
  }

  /**
   * A time span that holds at least every kept window of every bucket: a shift starts at least once a
   * week, so the last {@code shift} shifts began within that many weeks.
   */
  Duration reach() {
    Duration quarters = Duration.ofMinutes(15L * quarterHour);
    Duration hours = Duration.ofHours(hour);
    Duration weeks = Duration.ofDays(7L * shift);
    return max(max(quarters, hours), weeks);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static void check(String key, int limit) {
    if (limit < 1 || limit > MAX) {
      throw new IllegalArgumentException("history." + key + " must be between 1 and " + MAX + ", was " + limit);
    }
  }
}
