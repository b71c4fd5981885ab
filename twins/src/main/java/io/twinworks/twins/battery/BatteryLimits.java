package io.twinworks.twins.battery;

import com.typesafe.config.Config;
import io.twinworks.twins.alert.Severity;
import io.twinworks.twins.config.ConfigReader;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The limits a battery pack's cells are held to ({@code twinworks.battery}). Voltages in V,
 * temperatures in °C, state of charge in %.
 *
 * @param underVoltage a cell's voltage at or below {@code raise-at}; clears above {@code clear-at}
 * @param overVoltage a cell's voltage at or above {@code raise-at}
 * @param imbalance the pack's voltage spread (max − min) at or above {@code raise-at}
 * @param overTemperature a cell's temperature at or above {@code raise-at}
 * @param socDivergence the largest |cell SoC − mean SoC| at or above {@code raise-at}
 */
public record BatteryLimits(
    Limit underVoltage, Limit overVoltage, Limit imbalance, Limit overTemperature, Limit socDivergence) {

  public static final String PATH = "twinworks.battery";
  private static final Set<String> KEYS =
      Set.of("under-voltage", "over-voltage", "imbalance", "over-temperature", "soc-divergence");
  private static final Set<String> LIMIT_KEYS = Set.of("raise-at", "clear-at", "min-duration", "severity");

  /**
   * One limit with hysteresis: raised when the value has been at or past {@code raiseAt} for
   * {@code minDuration}, cleared when it has been back short of {@code clearAt} for as long.
   */
  public record Limit(double raiseAt, double clearAt, Duration minDuration, Severity severity) {

    public Limit {
      if (!Double.isFinite(raiseAt)) {
        throw new IllegalArgumentException("raise-at must be a finite number, was " + raiseAt);
      }
      if (!Double.isFinite(clearAt)) {
        throw new IllegalArgumentException("clear-at must be a finite number, was " + clearAt);
      }
      if (minDuration.isNegative()) {
        throw new IllegalArgumentException("min-duration must not be negative, was " + minDuration);
      }
      Objects.requireNonNull(severity, "severity");
    }
  }

  public BatteryLimits {
    lowLimit(underVoltage, "under-voltage");
    highLimit(overVoltage, "over-voltage");
    highLimit(imbalance, "imbalance");
    highLimit(overTemperature, "over-temperature");
    highLimit(socDivergence, "soc-divergence");
    if (overVoltage.clearAt() <= underVoltage.clearAt()) {
      throw new IllegalArgumentException("over-voltage.clear-at must be above under-voltage.clear-at "
          + underVoltage.clearAt() + ", was " + overVoltage.clearAt());
    }
    positiveSpread(imbalance, "imbalance");
    positiveSpread(socDivergence, "soc-divergence");
  }

  /** Reads the root config's {@code twinworks.battery} section, or that section itself. */
  public static BatteryLimits fromConfig(Config config) {
    return read(ConfigReader.section(config, PATH));
  }

  /**
   * Reads a JSON body such as {@code {"over-temperature": {"raise-at": 50, "clear-at": 45}}}; keys
   * left out keep their defaults.
   */
  public static BatteryLimits fromMap(Map<String, Object> map) {
    return read(ConfigReader.map(map, PATH));
  }

  private static BatteryLimits read(ConfigReader config) {
    config.onlyKeys(KEYS);
    return config.validated(() -> new BatteryLimits(limit(config, "under-voltage"), limit(config, "over-voltage"),
        limit(config, "imbalance"), limit(config, "over-temperature"), limit(config, "soc-divergence")));
  }

  private static Limit limit(ConfigReader parent, String key) {
    ConfigReader limit = parent.object(key).onlyKeys(LIMIT_KEYS);
    return limit.validated(() -> new Limit(limit.number("raise-at"), limit.number("clear-at"),
        limit.duration("min-duration"), limit.severity("severity")));
  }

  private static void lowLimit(Limit limit, String key) {
    if (limit.clearAt() < limit.raiseAt()) {
      throw new IllegalArgumentException(key + ".clear-at must not be below " + key + ".raise-at "
          + limit.raiseAt() + ", was " + limit.clearAt());
    }
  }

  private static void highLimit(Limit limit, String key) {
    if (limit.clearAt() > limit.raiseAt()) {
      throw new IllegalArgumentException(key + ".clear-at must not be above " + key + ".raise-at "
          + limit.raiseAt() + ", was " + limit.clearAt());
    }
  }

  /** A spread is never negative: a clear level of 0 or less would never clear. */
  private static void positiveSpread(Limit limit, String key) {
    if (limit.clearAt() <= 0) {
      throw new IllegalArgumentException(key + ".clear-at must be positive, was " + limit.clearAt());
    }
  }
}
