package io.twinworks.twins.oee;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads one configuration object, from HOCON or from a JSON-shaped map, laid over the defaults of
 * {@code reference.conf}; every problem is an {@link IllegalArgumentException} naming the key by
 * its path, e.g. {@code calendar.shifts[1].breaks[0].end must be a time of day like 09:30, was '25:00'}.
 */
final class SettingsReader {

  private final Config config;
  private final String at;

  private SettingsReader(Config config, String at) {
    this.config = config;
    this.at = at;
  }

  /** {@code config} is the object itself; keys missing in it come from {@code referencePath}. */
  static SettingsReader of(Config config, String referencePath, String at) {
    return new SettingsReader(config.withFallback(reference(referencePath)), at);
  }

  /** A decoded JSON body: numbers as {@link Number}, durations as strings, objects as maps. */
  static SettingsReader ofMap(Map<String, ?> map, String referencePath, String at) {
    Config parsed;
    try {
      parsed = ConfigFactory.parseMap(map, "configuration map");
    } catch (ConfigException e) {
      throw new IllegalArgumentException("configuration map is not valid: " + e.getMessage(), e);
    }
    return of(parsed, referencePath, at);
  }

  private static Config reference(String path) {
    Config reference = ConfigFactory.defaultReference();
    return reference.hasPath(path) ? reference.getConfig(path) : ConfigFactory.empty();
  }

  String name(String key) {
    return at + key;
  }

  IllegalArgumentException invalid(String key, String problem) {
    return new IllegalArgumentException(name(key) + " " + problem);
  }

  /** Fails on a key not in {@code known}: a typo must not silently fall back to a default. */
  SettingsReader onlyKeys(Set<String> known) {
    for (String key : config.root().keySet()) {
      if (!known.contains(key)) {
        throw invalid(key, "is not a known key (expected one of " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
    return this;
  }

  /** Whether {@code key} has a value (a HOCON or JSON {@code null} is no value). */
  boolean has(String key) {
    return config.hasPath(key);
  }

  String string(String key) {
    ConfigValue value = value(key);
    if (value.valueType() != ConfigValueType.STRING || ((String) value.unwrapped()).isBlank()) {
      throw invalid(key, "must be a non-empty string, was " + value.render());
    }
    return ((String) value.unwrapped()).trim();
  }

  boolean bool(String key) {
    try {
      return config.getBoolean(key);
    } catch (ConfigException e) {
      throw invalid(key, "must be true or false, was " + value(key).render());
    }
  }

  double number(String key, double min, double max) {
    double number = number(key);
    if (!(number >= min && number <= max)) {
      throw invalid(key, "must be between " + min + " and " + max + ", was " + number);
    }
    return number;
  }

  int integer(String key, int min, int max) {
    double number = number(key);
    if (number != Math.rint(number) || number < min || number > max) {
      throw invalid(key, "must be a whole number between " + min + " and " + max + ", was " + value(key).render());
    }
    return (int) number;
  }

  private double number(String key) {
    try {
      return config.getDouble(key);
    } catch (ConfigException e) {
      throw invalid(key, "must be a number, was " + value(key).render());
    }
  }

  /** The string at {@code key} turned into a {@code T} by {@code parse}, which rejects it with an exception. */
  <T> T oneOf(String key, Function<String, T> parse, String accepted) {
    String text = string(key);
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw invalid(key, "must be one of " + accepted + ", was '" + text + "'");
    }
  }

  /** A positive duration if set: HOCON ({@code 1s}, {@code 1500ms}) or ISO-8601 ({@code PT1.5S}). */
  Optional<Duration> optionalPositiveDuration(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    Duration duration = duration(key);
    if (duration.isNegative() || duration.isZero()) {
      throw invalid(key, "must be positive, was " + value(key).render());
    }
    return Optional.of(duration);
  }

  private Duration duration(String key) {
    ConfigValue value = value(key);
    if (value.valueType() == ConfigValueType.STRING) {
      String text = ((String) value.unwrapped()).trim();
      if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
        try {
          return Duration.parse(text);
        } catch (DateTimeParseException e) {
          throw notADuration(key, value);
        }
      }
    }
    try {
      return config.getDuration(key);
    } catch (ConfigException e) {
      throw notADuration(key, value);
    }
  }

  /** The strings at {@code key} (a list), each checked by the caller with its indexed name. */
  List<String> strings(String key) {
    try {
      return config.getStringList(key);
    } catch (ConfigException e) {
      throw invalid(key, "must be a list of strings, was " + value(key).render());
    }
  }

  SettingsReader object(String key) {
    try {
      return new SettingsReader(config.getConfig(key), name(key) + ".");
    } catch (ConfigException e) {
      throw invalid(key, "must be an object, was " + value(key).render());
    }
  }

  /** The objects of the list at {@code key}, each named by its index, e.g. {@code shifts[1].}. */
  List<SettingsReader> objects(String key) {
    List<? extends Config> entries;
    try {
      entries = config.getConfigList(key);
    } catch (ConfigException e) {
      throw invalid(key, "must be a list of objects, was " + value(key).render());
    }
    List<SettingsReader> readers = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      readers.add(new SettingsReader(entries.get(i), name(key) + "[" + i + "]."));
    }
    return readers;
  }

  private ConfigValue value(String key) {
    try {
      if (!config.hasPath(key)) {
        throw invalid(key, "is missing");
      }
      return config.getValue(key);
    } catch (ConfigException.BadPath e) {
      throw invalid(key, "is not a valid key");
    }
  }

  private IllegalArgumentException notADuration(String key, ConfigValue value) {
    return invalid(key, "must be a duration such as 1s or PT1S, was " + value.render());
  }
}
