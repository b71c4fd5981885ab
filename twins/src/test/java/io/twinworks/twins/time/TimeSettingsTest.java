package io.twinworks.twins.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeSettingsTest {

  @Test
  void referenceConfHasTheDefaults() {
    assertEquals(new ReorderSettings(Duration.ZERO, 10_000), ReorderSettings.fromConfig(ConfigFactory.load()));
    assertEquals(new ClockDriftSettings(false, Duration.ofMinutes(1), 30, 5),
        ClockDriftSettings.fromConfig(ConfigFactory.load()));
  }

  @Test
  void aMapTakesIsoAndHoconDurationsAndJsonNumbersAndKeepsDefaultsForTheRest() {
    assertEquals(new ReorderSettings(Duration.ofMillis(1_500), 10_000), ReorderSettings.fromMap(Map.of("grace-period", "PT1.5S")));
    assertEquals(new ReorderSettings(Duration.ZERO, 50), ReorderSettings.fromMap(Map.of("grace-period", "0s", "max-held", 50L)));
    assertEquals(new ClockDriftSettings(true, Duration.ofSeconds(30), 20, 5),
        ClockDriftSettings.fromMap(Map.of("correct", true, "bucket", "30 seconds", "window", new BigDecimal("20"))));
  }

  @Test
  void aSectionOfHoconReadsLikeTheRootConfig() {
    assertEquals(new ReorderSettings(Duration.ofSeconds(5), 10_000),
        ReorderSettings.fromConfig(ConfigFactory.parseString("grace-period = 5s")));
  }

  @Test
  void badValuesNameTheirKey() {
    assertMessage("grace-period must be a duration such as 30s or PT30S, was \"soon\"",
        () -> ReorderSettings.fromMap(Map.of("grace-period", "soon")));
    assertMessage("grace-period must not be negative, was PT-1S",
        () -> ReorderSettings.fromMap(Map.of("grace-period", "-PT1S")));
    assertMessage("max-held must be a whole number, was 2.5", () -> ReorderSettings.fromMap(Map.of("max-held", 2.5)));
    assertMessage("twinworks.time.reorder.max-held must be between 1 and 1000000, was 0",
        () -> ReorderSettings.fromConfig(ConfigFactory.parseString("twinworks.time.reorder.max-held = 0")));
    assertMessage("min-buckets must be between 2 and window 30, was 40",
        () -> ClockDriftSettings.fromMap(Map.of("min-buckets", 40)));
    assertMessage("gracePeriod is not a known key (expected one of grace-period, max-held)",
        () -> ReorderSettings.fromMap(Map.of("gracePeriod", "1s")));
  }

  private static void assertMessage(String message, Runnable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call::run).getMessage());
  }
}
