package io.twinworks.twins;

import io.twinworks.twins.anomaly.DetectorSpec;
import io.twinworks.twins.battery.BatteryLimits;
import io.twinworks.twins.config.ConfigReader;
import io.twinworks.twins.oee.OeeSettings;
import io.twinworks.twins.time.ReorderSettings;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValueFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A twin's own configuration, as given to {@code PUT /twins/{id}/config} and persisted in a
 * {@link TwinEvent.ConfigChanged}: what it names is laid over the defaults, the rest stays default.
 * Keys: {@code heartbeat-timeout}, {@code grace-period}, {@code detectors} (signal pattern → list of
 * detectors), {@code oee} (ideal cycle time, calendar, oee-low), {@code battery} (limits).
 */
public record TwinConfig(String json) implements CborSerializable {

  private static final Set<String> KEYS = Set.of("heartbeat-timeout", "grace-period", "detectors", "oee", "battery");
  private static final TwinConfig NONE = new TwinConfig("{}");

  public TwinConfig {
    Objects.requireNonNull(json, "json");
  }

  public static TwinConfig none() {
    return NONE;
  }

  /**
   * A configuration from a decoded JSON body. It is kept as JSON text: a map of plain values would
   * come back from the journal as whatever collections the serializer prefers. Keys are taken
   * literally (a signal pattern such as {@code cell.*.voltage} is one key, not a path).
   */
  public static TwinConfig of(Map<String, ?> body) {
    try {
      return new TwinConfig(ConfigValueFactory.fromMap(body).render(ConfigRenderOptions.concise()));
    } catch (ConfigException e) {
      throw new IllegalArgumentException("configuration is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The configuration as plain maps, lists, strings, numbers and booleans. */
  public Map<String, Object> body() {
    return ConfigFactory.parseString(json, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON)).root().unwrapped();
  }

  /** The settings this configuration gives a twin; throws {@link IllegalArgumentException} naming the key. */
  public Resolved resolve(AnalyticsDefaults defaults, TwinKind kind, TwinId id) {
    Map<String, Object> body = body();
    for (String key : body.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown key '" + key + "', expected one of " + new TreeSet<>(KEYS));
      }
    }
    Map<String, List<DetectorSpec>> detectors = body.containsKey("detectors")
        ? defaults.detectors().overridesFromMap(section(body, "detectors"))
        : Map.of();
    Optional<Duration> heartbeat = Optional.ofNullable(body.get("heartbeat-timeout"))
        .map(value -> duration("heartbeat-timeout", value));
    ReorderSettings reorder = body.containsKey("grace-period")
        ? ReorderSettings.fromMap(Map.of("grace-period", body.get("grace-period"),
            "max-held", defaults.reorder().maxHeld()))
        : defaults.reorder();
    OeeSettings oee = body.containsKey("oee") ? prefixed("oee", () -> OeeSettings.fromMap(section(body, "oee"))) : defaults.oee();
    BatteryLimits battery = body.containsKey("battery")
        ? prefixed("battery", () -> BatteryLimits.fromMap(section(body, "battery")))
        : defaults.battery();
    Duration timeout = defaults.heartbeat().timeoutFor(kind.id(), id.value(), heartbeat);
    return new Resolved(detectors, timeout, reorder, oee, battery);
  }

  /** A configuration resolved against the defaults. */
  public record Resolved(
      Map<String, List<DetectorSpec>> detectorOverrides,
      Duration heartbeatTimeout,
      ReorderSettings reorder,
      OeeSettings oee,
      BatteryLimits battery) {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(key + " must be an object");
    }
    return (Map<String, Object>) value;
  }

  private static Duration duration(String key, Object value) {
    Duration parsed = ConfigReader.map(Map.of(key, value), "twinworks.twin-config").duration(key);
    if (parsed.isNegative() || parsed.isZero()) {
      throw new IllegalArgumentException(key + " must be positive, was " + value);
    }
    return parsed;
  }

  private static <T> T prefixed(String key, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + "." + e.getMessage(), e);
    }
  }
}
