package io.twinworks.twins.oee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OEE settings: reference.conf defaults, HOCON and JSON-map sources, errors naming the key. */
class OeeSettingsTest {

  @Test
  void referenceConfHasTheDefaults() {
    OeeSettings defaults = OeeSettings.defaults();
    assertEquals(Optional.empty(), defaults.idealCycleTime());
    assertEquals(ZoneId.of("UTC"), defaults.calendar().zone());
    assertEquals(List.of("day"), defaults.calendar().shifts().stream().map(Shift::name).toList());
    assertEquals(new OeeHistoryLimits(672, 168, 21), defaults.history());
    assertEquals(new OeeLowRule(false, 0.6, 0.6, OeeBucket.HOUR, Severity.WARNING), defaults.oeeLow());
    assertEquals(defaults, OeeSettings.fromConfig(ConfigFactory.load()), "the application config's section");
  }

  @Test
  void mapOverridesOnlyWhatItCarries() {
    OeeSettings settings = OeeSettings.fromMap(Map.of(
        "ideal-cycle-time", "PT1.5S",
        "calendar", Map.of("zone", "Europe/Berlin"),
        "oee-low", Map.of("enabled", true, "below", 0.5)));
    assertEquals(Optional.of(Duration.ofMillis(1_500)), settings.idealCycleTime());
    assertEquals(ZoneId.of("Europe/Berlin"), settings.calendar().zone());
    assertEquals("day", settings.calendar().shifts().get(0).name(), "shifts from the defaults");
    assertEquals(new OeeLowRule(true, 0.5, 0.5, OeeBucket.HOUR, Severity.WARNING), settings.oeeLow());
    assertEquals(settings, OeeFixtures.settings(
        "ideal-cycle-time = 1500ms, calendar.zone = \"Europe/Berlin\", oee-low { enabled = true, below = 0.5 }"));
  }

  @Test
  void badValuesNameTheirKey() {
    assertError("ideal-cycle-time must be positive, was \"PT0S\"", Map.of("ideal-cycle-time", "PT0S"));
    assertError("ideal-cycle-time must be a duration such as 1s or PT1S, was \"fast\"",
        Map.of("ideal-cycle-time", "fast"));
    assertError("history.shift must be a whole number between 1 and 10000, was 0",
        Map.of("history", Map.of("shift", 0)));
    assertError("revise.max-inputs must be a whole number between 0 and 100000, was -1",
        Map.of("revise", Map.of("max-inputs", -1)));
    assertError("revise.within must not be negative, was PT-1S", Map.of("revise", Map.of("within", "-PT1S")));
    assertError("oee-low.bucket must be one of PT15M, PT1H, shift, was 'PT5M'",
        Map.of("oee-low", Map.of("bucket", "PT5M")));
    assertError("oee-low.clear-above must be between 0.6 and 1.0, was 0.5",
        Map.of("oee-low", Map.of("clear-above", 0.5)));
    assertError("calendar.shifts[0].end must be a time of day like 06:00 or 06:00:30, was '6pm'",
        Map.of("calendar", Map.of("shifts", List.of(Map.of("name", "x", "start", "06:00", "end", "6pm")))));
    assertError("ideal-cycle is not a known key (expected one of calendar, history, ideal-cycle-time, oee-low, revise)",
        Map.of("ideal-cycle", "1s"));
  }

  @Test
  void applicationConfigErrorsNameTheFullPath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OeeSettings.fromConfig(
        ConfigFactory.parseString("twinworks.oee.calendar.zone = Nowhere")));
    assertEquals("twinworks.oee.calendar.zone must be a time zone such as Europe/Berlin or UTC, was 'Nowhere'",
        e.getMessage());
  }

  private static void assertError(String message, Map<String, Object> map) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OeeSettings.fromMap(map));
    assertEquals(message, e.getMessage());
  }
}
