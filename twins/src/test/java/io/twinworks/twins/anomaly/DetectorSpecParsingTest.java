package io.twinworks.twins.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorSpecParsingTest {

  private static void assertMessage(String message, Map<String, ?> spec) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DetectorSpec.fromMap(spec));
    assertEquals(message, e.getMessage());
  }

  @Test
  void unsetSettingsComeFromTheTypeDefaults() {
    assertEquals(new HampelSpec(61, 3.5, 0.5, 1e-9, 1e-6, 30, Duration.ZERO, Severity.WARNING),
        DetectorSpec.fromConfig(ConfigFactory.parseString("type = hampel")));
  }

  @Test
  void hoconAndJsonShapedMapGiveTheSameSpec() {
    DetectorSpec fromHocon = DetectorSpec.fromConfig(ConfigFactory.parseString(
        "type = iqr, window = 500, lower-quantile = 0.05, k = 1, min-duration = 30s, severity = critical"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "iqr");
    body.put("window", 500);
    body.put("lower-quantile", 0.05);
    body.put("k", 1);
    body.put("min-duration", "PT30S");
    body.put("severity", "CRITICAL");
    assertEquals(fromHocon, DetectorSpec.fromMap(body));
    assertEquals(new IqrSpec(500, 0.05, 0.75, 1, 0.5, 1e-9, 1e-6, 30, Duration.ofSeconds(30), Severity.CRITICAL),
        fromHocon);
  }

  @Test
  void thresholdLimitsAreOptionalButOneIsNeeded() {
    assertEquals(new ThresholdSpec(null, 80.0, null, null, 0, 0, Duration.ZERO, Severity.CRITICAL),
        DetectorSpec.fromMap(Map.of("type", "threshold", "high", 80)));
    assertMessage("low, high or baseline (with deviation) must be set", Map.of("type", "threshold"));
    assertMessage("deviation is required with a baseline", Map.of("type", "threshold", "baseline", 42));
  }

  @Test
  void problemsNameTheKey() {
    assertMessage("window must be at least 5, was 2", Map.of("type", "zscore", "window", 2));
    assertMessage("window must be a whole number, was 60.5", Map.of("type", "zscore", "window", 60.5));
    assertMessage("k must be a number, was \"high\"", Map.of("type", "zscore", "k", "high"));
    assertMessage("clear-ratio must be above 0 and at most 1, was 1.5", Map.of("type", "hampel", "clear-ratio", 1.5));
    assertMessage("min-duration must be a duration such as 30s or PT30S, was \"soon\"",
        Map.of("type", "iqr", "min-duration", "soon"));
    assertMessage("severity must be one of info, warning, critical, was \"loud\"",
        Map.of("type", "iqr", "severity", "loud"));
    assertMessage("max-rate is required", Map.of("type", "rate-of-change"));
    assertMessage("type must be one of threshold, zscore, iqr, hampel, rate-of-change, flatline, seasonal, was 'ewma'",
        Map.of("type", "ewma"));
    assertMessage("type is required", Map.of("k", 3));
    assertMessage("windw is not a setting of zscore (its settings: clear-ratio, k, min-duration, min-relative-scale, "
        + "min-scale, severity, warm-up, window)", Map.of("type", "zscore", "windw", 30));
  }
}
