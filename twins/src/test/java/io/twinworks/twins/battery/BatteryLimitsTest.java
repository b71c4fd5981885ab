package io.twinworks.twins.battery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import io.twinworks.twins.alert.Severity;
import io.twinworks.twins.battery.BatteryLimits.Limit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatteryLimitsTest {

  static final BatteryLimits DEFAULTS = BatteryLimits.fromConfig(ConfigFactory.load());

  @Test
  void referenceConfHasLiIonDefaults() {
    assertEquals(new BatteryLimits(
        new Limit(2.5, 2.6, Duration.ofSeconds(5), Severity.CRITICAL),
        new Limit(4.25, 4.2, Duration.ofSeconds(5), Severity.CRITICAL),
        new Limit(0.05, 0.04, Duration.ofMinutes(1), Severity.WARNING),
        new Limit(55, 50, Duration.ofSeconds(10), Severity.CRITICAL),
        new Limit(5, 4, Duration.ofMinutes(5), Severity.WARNING)), DEFAULTS);
  }

  @Test
  void aMapChangesOnlyWhatItNames() {
    BatteryLimits limits = BatteryLimits.fromMap(Map.of("over-temperature",
        Map.of("raise-at", 50, "clear-at", 45.5, "min-duration", "PT30S", "severity", "warning")));
    assertEquals(new Limit(50, 45.5, Duration.ofSeconds(30), Severity.WARNING), limits.overTemperature());
    assertEquals(DEFAULTS.underVoltage(), limits.underVoltage());
    assertEquals(DEFAULTS.imbalance(), limits.imbalance());
  }

  @Test
  void badLimitsNameTheirKey() {
    assertMessage("over-temperature.clear-at must not be above over-temperature.raise-at 45.0, was 50.0",
        Map.of("over-temperature", Map.of("raise-at", 45)));
    assertMessage("under-voltage.clear-at must not be below under-voltage.raise-at 2.5, was 2.4",
        Map.of("under-voltage", Map.of("clear-at", 2.4)));
    assertMessage("over-voltage.clear-at must be above under-voltage.clear-at 2.6, was 2.55",
        Map.of("over-voltage", Map.of("raise-at", 2.6, "clear-at", 2.55)));
    assertMessage("imbalance.clear-at must be positive, was 0.0", Map.of("imbalance", Map.of("clear-at", 0)));
    assertMessage("soc-divergence.severity must be one of info, warning, critical, was 'high'",
        Map.of("soc-divergence", Map.of("severity", "high")));
    assertMessage("imbalance.min-duration must not be negative, was PT-1S",
        Map.of("imbalance", Map.of("min-duration", "-1s")));
    assertMessage("imbalance.raise-at must be a number, was \"wide\"", Map.of("imbalance", Map.of("raise-at", "wide")));
    assertMessage("imbalance.limit is not a known key (expected one of clear-at, min-duration, raise-at, severity)",
        Map.of("imbalance", Map.of("limit", 0.1)));
  }

  @Test
  void hoconErrorsCarryTheFullPath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatteryLimits.fromConfig(
        ConfigFactory.parseString("twinworks.battery.over-voltage.severity = loud").withFallback(ConfigFactory.load())));
    assertEquals("twinworks.battery.over-voltage.severity must be one of info, warning, critical, was 'loud'",
        e.getMessage());
  }

  private static void assertMessage(String message, Map<String, Object> map) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> BatteryLimits.fromMap(map)).getMessage());
  }
}
