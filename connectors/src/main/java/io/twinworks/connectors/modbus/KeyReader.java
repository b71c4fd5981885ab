package io.twinworks.connectors.modbus;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the keys of one configuration entry (a device, a register) with its defaults behind it. Every error names
 * the key where the bad value is, in full (the entry's own, or the default it fell back on), and the device.
 */
final class KeyReader {

  private final ConfigObject entry;
  private final Config values;
  private final String at;
  private final String defaultsAt;
  private final String device;

  /**
   * @param at the entry's full key, e.g. {@code twinworks.connectors.modbus.devices[0]}
   * @param defaultsAt the full key of {@code defaults}, named when a bad value came from there
   * @param device the device's name for error messages; empty while unknown
   */
  KeyReader(ConfigObject entry, Config defaults, String at, String defaultsAt, String device) {
    this.entry = entry;
    this.values = entry.toConfig().withFallback(defaults);
    this.at = at;
    this.defaultsAt = defaultsAt;
    this.device = device;
  }

  KeyReader forDevice(String name) {
    return new KeyReader(entry, values, at, defaultsAt, name);
  }

  /** Fails on a key that is not one of {@code allowed}: a typo would otherwise silently take the default. */
  void rejectUnknownKeys(Set<String> allowed) {
    for (String key : entry.keySet()) {
      if (!allowed.contains(key)) {
        String expected = allowed.stream().sorted().collect(Collectors.joining(", "));
        throw invalid(key, "unknown key (expected " + expected + ")");
      }
    }
  }

  boolean has(String key) {
    return values.hasPath(key);
  }

  <T> T get(String key, BiFunction<Config, String, T> getter) {
    try {
      return getter.apply(values, key);
    } catch (ConfigException.Missing e) {
      throw invalid(key, "missing");
    } catch (ConfigException e) {
      throw invalid(key, withoutOrigin(e));
    }
  }

  String nonBlank(String key) {
    String value = get(key, Config::getString);
    if (value.isBlank()) {
      throw invalid(key, "must not be blank");
    }
    return value;
  }

  int intIn(String key, int min, int max) {
    int value = get(key, Config::getInt);
    if (value < min || value > max) {
      throw invalid(key, "must be " + min + ".." + max + ", was " + value);
    }
    return value;
  }

  Duration duration(String key, boolean zeroAllowed) {
    Duration value = get(key, Config::getDuration);
    if (value.isNegative() || !zeroAllowed && value.isZero()) {
      throw invalid(key, "must be " + (zeroAllowed ? "zero or more" : "positive") + ", was " + value);
    }
    return value;
  }

  double finite(String key) {
    double value = get(key, Config::getDouble);
    if (!Double.isFinite(value)) {
      throw invalid(key, "must be a finite number, was " + value);
    }
    return value;
  }

  /** One of an enum's configuration names, e.g. {@code holding}. */
  <T extends Enum<T>> T oneOf(String key, T[] choices, Function<String, Optional<T>> find) {
    String value = get(key, Config::getString);
    return find.apply(value).orElseThrow(() -> invalid(key, "unknown value '" + value + "' (expected "
        + Arrays.stream(choices).map(Object::toString).collect(Collectors.joining(", ")) + ")"));
  }

  /** {@code big} (false) or {@code little} (true). */
  boolean little(String key) {
    String value = get(key, Config::getString);
    if (!value.equals("big") && !value.equals("little")) {
      throw invalid(key, "must be big or little, was '" + value + "'");
    }
    return value.equals("little");
  }

  /** The full key a value was read from: the entry's own, or its default's. */
  String where(String key) {
    return entry.containsKey(key) || !defaultsHave(key) ? at + "." + key : defaultsAt + "." + key;
  }

  ConfigException invalid(String key, String problem) {
    return new ConfigException.Generic(where(key) + ": " + problem + (device.isEmpty() ? "" : " (device '" + device
        + "')"));
  }

  /** Typesafe Config starts its messages with where the value was parsed ("String: 3: "); the key says more. */
  private static String withoutOrigin(ConfigException e) {
    String message = e.getMessage();
    String origin = e.origin() == null ? null : e.origin().description() + ": ";
    return origin != null && message.startsWith(origin) ? message.substring(origin.length()) : message;
  }

  private boolean defaultsHave(String key) {
    return !entry.containsKey(key) && values.hasPath(key);
  }
}
