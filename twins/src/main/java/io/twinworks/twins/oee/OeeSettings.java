package io.twinworks.twins.oee;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.twins.config.ConfigReader;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A machine twin's OEE configuration (section {@code twinworks.oee} of reference.conf, overridden
 * per twin by {@code PUT /twins/{id}/config}). Keys left out take the reference defaults.
 *
 * @param idealCycleTime the fastest possible time per part; empty while unknown (no performance)
 */
public record OeeSettings(
    Optional<Duration> idealCycleTime, ShiftCalendar calendar, OeeHistoryLimits history, OeeLowRule oeeLow,
    OeeRevisionLimits revision) {

  public static final String SECTION = "twinworks.oee";

  private static final Set<String> KEYS = Set.of("ideal-cycle-time", "calendar", "history", "oee-low", "revise");

  public OeeSettings {
    Objects.requireNonNull(idealCycleTime, "idealCycleTime");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(oeeLow, "oeeLow");
    Objects.requireNonNull(revision, "revision");
  }

  /** The reference.conf defaults. */
  public static OeeSettings defaults() {
    return fromConfig(ConfigFactory.empty());
  }

  /** Reads the application config (keys named {@code twinworks.oee.*}) or that section itself. */
  public static OeeSettings fromConfig(Config config) {
    return config.hasPath(SECTION)
        ? read(ConfigReader.of(config.getConfig(SECTION), SECTION, SECTION + "."))
        : read(ConfigReader.of(config, SECTION, ""));
  }

  /** Reads a decoded JSON body, e.g. {@code {"ideal-cycle-time":"PT1S","calendar":{..}}}. */
  public static OeeSettings fromMap(Map<String, Object> map) {
    return read(ConfigReader.map(map, SECTION, ""));
  }

  /** The ideal cycle time in seconds, 0 while unknown. */
  double idealCycleSeconds() {
    return idealCycleTime.map(time -> time.toNanos() / 1e9).orElse(0.0);
  }

  private static OeeSettings read(ConfigReader oee) {
    oee.onlyKeys(KEYS);
    return new OeeSettings(oee.optionalPositiveDuration("ideal-cycle-time", Duration.ofSeconds(1)),
        CalendarReader.read(oee.object("calendar")), OeeHistoryLimits.read(oee.object("history")),
        OeeLowRule.read(oee.object("oee-low")), OeeRevisionLimits.read(oee.object("revise")));
  }
}
