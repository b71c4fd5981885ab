package io.twinworks.twins.anomaly;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of one detector's settings (a HOCON object or a JSON body turned into one), failing with
 * {@link IllegalArgumentException}s whose message starts with the key; the caller adds the path.
 * Durations are HOCON ({@code 30s}, {@code 2 hours}) or ISO-8601 ({@code PT30S}); a bare number is
 * milliseconds, as in HOCON.
 */
final class SpecReader {

  private final Config config;

  SpecReader(Config config) {
    this.config = config;
  }

  /** A JSON-shaped map as a config; keys are taken literally (a signal pattern may contain dots). */
  static Config toConfig(Map<String, ?> map) {
    return ConfigValueFactory.fromMap(map).toConfig();
  }

  /** A path and a relative message joined: {@code detectors[1]} + {@code window …}. */
  static String at(String path, String message) {
    return path.isEmpty() ? message : path + "." + message;
  }

  int getInt(String key) {
    double value = getDouble(key);
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + " must be a whole number, was " + render(key));
    }
    return (int) value;
  }

  double getDouble(String key) {
    try {
      return config.getDouble(key);
    } catch (ConfigException.Missing e) {
      throw new IllegalArgumentException(key + " is required");
    } catch (ConfigException e) {
      throw new IllegalArgumentException(key + " must be a number, was " + render(key));
    }
  }

  /** A number, or null when the key is absent or {@code null} (an unset optional limit). */
  Double getOptionalDouble(String key) {
    return config.hasPath(key) ? getDouble(key) : null;
  }

  Duration getDuration(String key) {
    if (!config.hasPath(key)) {
      throw new IllegalArgumentException(key + " is required");
    }
    ConfigValue value = config.getValue(key);
    if (value.valueType() == ConfigValueType.STRING) {
      String text = ((String) value.unwrapped()).trim();
      if (text.toUpperCase(Locale.ROOT).startsWith("P") || text.toUpperCase(Locale.ROOT).startsWith("-P")) {
        try {
          return Duration.parse(text);
        } catch (DateTimeParseException e) {
          throw badDuration(key);
        }
      }
    }
    try {
      return config.getDuration(key);
    } catch (ConfigException e) {
      throw badDuration(key);
    }
  }

  String getString(String key) {
    try {
      return config.getString(key);
    } catch (ConfigException.Missing e) {
      throw new IllegalArgumentException(key + " is required");
    } catch (ConfigException e) {
      throw new IllegalArgumentException(key + " must be a text, was " + render(key));
    }
  }

  Severity getSeverity(String key) {
    try {
      return Severity.parse(getString(key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be one of info, warning, critical, was " + render(key));
    }
  }

  private IllegalArgumentException badDuration(String key) {
    return new IllegalArgumentException(key + " must be a duration such as 30s or PT30S, was " + render(key));
  }

  private String render(String key) {
    return config.hasPath(key) ? config.getValue(key).render() : "nothing";
  }
}
