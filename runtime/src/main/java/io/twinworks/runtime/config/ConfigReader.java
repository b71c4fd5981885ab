package io.twinworks.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/** Reads typed values and turns every problem into a {@link InvalidConfigException} naming the key. */
public final class ConfigReader {

  private final Config config;

  public ConfigReader(Config config) {
    this.config = config;
  }

  public String string(String key) {
    return read(key, () -> config.getString(key));
  }

  public boolean bool(String key) {
    return read(key, () -> config.getBoolean(key));
  }

  public int port(String key, boolean zeroAllowed) {
    int port = read(key, () -> config.getInt(key));
    int min = zeroAllowed ? 0 : 1;
    if (port < min || port > 65535) {
      throw new InvalidConfigException(key, "must be a port number " + min + "..65535, was " + port);
    }
    return port;
  }

  public int intBetween(String key, int min, int max) {
    int value = read(key, () -> config.getInt(key));
    if (value < min || value > max) {
      throw new InvalidConfigException(key, "must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  public Duration positiveDuration(String key) {
    Duration value = read(key, () -> config.getDuration(key));
    if (value.isNegative() || value.isZero()) {
      throw new InvalidConfigException(key, "must be a positive duration, was " + value);
    }
    return value;
  }

  public double nonNegativeDouble(String key) {
    double value = read(key, () -> config.getDouble(key));
    if (value < 0 || Double.isNaN(value)) {
      throw new InvalidConfigException(key, "must be zero or more, was " + value);
    }
    return value;
  }

  /** A size such as {@code 1MiB} or a number of bytes. */
  public long bytesBetween(String key, long min, long max) {
    long value = read(key, () -> config.getBytes(key));
    if (value < min || value > max) {
      throw new InvalidConfigException(key, "must be between " + min + " and " + max + " bytes, was " + value);
    }
    return value;
  }

  public java.util.List<String> stringList(String key) {
    return read(key, () -> config.getStringList(key));
  }

  public java.util.List<? extends Config> configList(String key) {
    return read(key, () -> config.getConfigList(key));
  }

  private <T> T read(String key, java.util.function.Supplier<T> reader) {
    try {
      return reader.get();
    } catch (ConfigException.Missing e) {
      throw new InvalidConfigException(key, "is missing");
    } catch (ConfigException.WrongType | ConfigException.BadValue e) {
      throw new InvalidConfigException(key, e.getMessage());
    }
  }
}
