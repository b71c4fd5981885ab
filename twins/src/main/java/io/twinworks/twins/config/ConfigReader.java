package io.twinworks.twins.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.twinworks.twins.alert.Severity;
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
import java.util.function.Supplier;

/**
 * Reads one configuration object for a typed settings record, from HOCON or from a JSON body, and
 * fails with an {@link IllegalArgumentException} naming the offending key by its full path, e.g.
 * {@code rules[1].timeout must be positive, was PT0S}. Keys a source leaves out take the defaults
 * of {@code reference.conf}, so a JSON body need only carry what it changes. The reader checks types;
 * the records check ranges, see {@link #validated}.
 */
public final class ConfigReader {

  private static final ConfigRenderOptions CONCISE = ConfigRenderOptions.concise();
  private final Config config;
  private final String at;

  private ConfigReader(Config config, String at) {
    this.config = config;
    this.at = at;
  }

  /**
   * Reads the section {@code path} (e.g. {@code twinworks.heartbeat}) of {@code config}, which may
   * be the application's root config or that section itself; keys are named with the full path.
   */
  public static ConfigReader section(Config config, String path) {
    Config section = config.hasPath(path) ? config.getConfig(path) : config;
    return of(section, path, path + ".");
  }

  /**
   * Reads {@code config}, the object itself, laid over the reference defaults of section
   * {@code referencePath}; keys are named {@code at + key} (e.g. {@code at} = {@code calendar.}).
   */
  public static ConfigReader of(Config config, String referencePath, String at) {
    return new ConfigReader(config.withFallback(reference(referencePath)), at);
  }

  /**
   * Reads a JSON-shaped map (numbers as {@link Number}, durations as strings) laid over the
   * reference defaults of section {@code path}; keys are named as the map has them.
   */
  public static ConfigReader map(Map<String, ?> map, String path) {
    return map(map, path, "");
  }

  /** As {@link #map(Map, String)}, with keys named {@code at + key}. */
  public static ConfigReader map(Map<String, ?> map, String referencePath, String at) {
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

  /** The full name of {@code key} for messages, e.g. {@code twinworks.battery.imbalance.raise-at}. */
  public String name(String key) {
    return at + key;
  }

  /** An error about {@code key}: {@code "<full name> <problem>"}. */
  public IllegalArgumentException invalid(String key, String problem) {
    return new KeyProblem(name(key) + " " + problem, null);
  }

  /**
   * Builds a settings record whose constructor checks its own values and names the key first in
   * its messages (e.g. {@code max-held must be ...}), and puts this object's path in front of it.
   * One place checks a value, whichever way the record was made.
   */
  public <T> T validated(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (KeyProblem e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new KeyProblem(at + e.getMessage(), e);
    }
  }

  /** Fails on a key not in {@code known}: a typo must not silently fall back to a default. */
  public ConfigReader onlyKeys(Set<String> known) {
    for (String key : config.root().keySet()) {
      if (!known.contains(key)) {
        throw invalid(key, "is not a known key (expected one of " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
    return this;
  }

  public boolean has(String key) {
    return config.hasPath(key);
  }

  public String string(String key) {
    ConfigValue value = value(key);
    if (value.valueType() != ConfigValueType.STRING || ((String) value.unwrapped()).isBlank()) {
      throw invalid(key, "must be a non-empty string, was " + value.render(CONCISE));
    }
    return (String) value.unwrapped();
  }

  public boolean bool(String key) {
    try {
      return config.getBoolean(key);
    } catch (ConfigException e) {
      throw invalid(key, "must be true or false, was " + value(key).render(CONCISE));
    }
  }

  /** A finite number. */
  public double number(String key) {
    double number = anyNumber(key);
    if (!Double.isFinite(number)) {
      throw invalid(key, "must be a finite number, was " + number);
    }
    return number;
  }

  /** A whole number that fits an {@code int}; its range is the record's to check. */
  public int integer(String key) {
    double number = number(key);
    if (number != Math.rint(number) || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
      throw invalid(key, "must be a whole number, was " + value(key).render(CONCISE));
    }
    return (int) number;
  }

  /** A number in [{@code min}, {@code max}]. */
  public double number(String key, double min, double max) {
    double number = anyNumber(key);
    if (!(number >= min && number <= max)) {
      throw invalid(key, "must be between " + min + " and " + max + ", was " + number);
    }
    return number;
  }

  /** A whole number in [{@code min}, {@code max}]. */
  public int integer(String key, int min, int max) {
    double number = anyNumber(key);
    if (number != Math.rint(number) || number < min || number > max) {
      throw invalid(key, "must be a whole number between " + min + " and " + max + ", was "
          + value(key).render(CONCISE));
    }
    return (int) number;
  }

  private double anyNumber(String key) {
    try {
      return config.getDouble(key);
    } catch (ConfigException e) {
      throw invalid(key, "must be a number, was " + value(key).render(CONCISE));
    }
  }

  /** A duration: HOCON ({@code 30s}, {@code 2 minutes}; a bare number is milliseconds) or ISO-8601 ({@code PT30S}). */
  public Duration duration(String key) {
    return duration(key, Duration.ofSeconds(30));
  }

  /** A positive duration if set, else empty; {@code example} is the one its messages give. */
  public Optional<Duration> optionalPositiveDuration(String key, Duration example) {
    if (!has(key)) {
      return Optional.empty();
    }
    Duration duration = duration(key, example);
    if (duration.isNegative() || duration.isZero()) {
      throw invalid(key, "must be positive, was " + value(key).render(CONCISE));
    }
    return Optional.of(duration);
  }

  /** {@link #duration(String)}, whose messages give {@code example} (whole seconds) as the example. */
  private Duration duration(String key, Duration example) {
    ConfigValue value = value(key);
    if (value.valueType() == ConfigValueType.STRING) {
      String text = ((String) value.unwrapped()).trim();
      if (text.toUpperCase(Locale.ROOT).startsWith("P") || text.toUpperCase(Locale.ROOT).startsWith("-P")) {
        try {
          return Duration.parse(text);
        } catch (DateTimeParseException e) {
          throw notADuration(key, value, example);
        }
      }
    }
    try {
      return config.getDuration(key);
    } catch (ConfigException e) {
      throw notADuration(key, value, example);
    }
  }

  /** The string at {@code key}, trimmed, turned into a {@code T} by {@code parse}, which rejects it with an exception. */
  public <T> T oneOf(String key, Function<String, T> parse, String accepted) {
    String text = string(key).trim();
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw invalid(key, "must be one of " + accepted + ", was '" + text + "'");
    }
  }

  /** The strings of the list at {@code key}. */
  public List<String> strings(String key) {
    try {
      return config.getStringList(key);
    } catch (ConfigException e) {
      throw invalid(key, "must be a list of strings, was " + value(key).render(CONCISE));
    }
  }

  public Severity severity(String key) {
    String text = string(key);
    try {
      return Severity.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(key, "must be one of info, warning, critical, was '" + text + "'");
    }
  }

  /** The object at {@code key}, its keys named under it. */
  public ConfigReader object(String key) {
    try {
      return new ConfigReader(config.getConfig(key), name(key) + ".");
    } catch (ConfigException e) {
      throw invalid(key, "must be an object, was " + value(key).render(CONCISE));
    }
  }

  /** The list of objects at {@code key}, each named by its index, e.g. {@code rules[1].}. */
  public List<ConfigReader> objects(String key) {
    List<? extends Config> entries;
    try {
      entries = config.getConfigList(key);
    } catch (ConfigException e) {
      throw invalid(key, "must be a list of objects, was " + value(key).render(CONCISE));
    }
    List<ConfigReader> readers = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      readers.add(new ConfigReader(entries.get(i), name(key) + "[" + i + "]."));
    }
    return readers;
  }

  private ConfigValue value(String key) {
    try {
      if (!config.hasPathOrNull(key) || config.getIsNull(key)) {
        throw invalid(key, "is missing");
      }
      return config.getValue(key);
    } catch (ConfigException.BadPath e) {
      throw invalid(key, "is not a valid key");
    }
  }

  private IllegalArgumentException notADuration(String key, ConfigValue value, Duration example) {
    return invalid(key, "must be a duration such as " + example.toSeconds() + "s or " + example + ", was "
        + value.render(CONCISE));
  }

  /** A problem already named by its full key, which {@link #validated} passes on as it is. */
  private static final class KeyProblem extends IllegalArgumentException {
    KeyProblem(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
