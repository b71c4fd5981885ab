package io.twinworks.twins.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorRulesTest {

  private static final DetectorRules REFERENCE = DetectorRules.reference();

  private static List<DetectorKind> kinds(List<DetectorSpec> specs) {
    return specs.stream().map(DetectorSpec::kind).toList();
  }

  @Test
  void newSensorAndMachineSignalsGetTheRobustDefaults() {
    List<DetectorKind> robust = List.of(DetectorKind.IQR, DetectorKind.ZSCORE, DetectorKind.SEASONAL,
        DetectorKind.FLATLINE);
    assertEquals(robust, kinds(REFERENCE.specsFor("sensor", "temperature", Map.of())));
    assertEquals(robust, kinds(REFERENCE.specsFor(TwinKind.MACHINE, "spindle_temp", Map.of())));
    assertEquals(robust, kinds(REFERENCE.specsFor(TwinKind.BATTERY_PACK, "pack.current", Map.of())));
  }

  @Test
  void machineStatesCountersAndBatteryCellsGetNoSpikeDetector() {
    for (String signal : List.of("run_status", "state", "cycle_count", "defect_count")) {
      assertEquals(List.of(), REFERENCE.specsFor("machine", signal, Map.of()), signal);
    }
    assertEquals(List.of(), REFERENCE.specsFor("battery-pack", "cell.3.voltage", Map.of()));
    assertEquals(4, REFERENCE.specsFor("sensor", "cycle_count", Map.of()).size(), "only machines count cycles");
  }

  @Test
  void aTwinsOverridesComeFirstExactNameBeforePattern() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("temp*", List.of(Map.of("type", "hampel", "window", 30)));
    body.put("temperature", List.of(Map.of("type", "threshold", "baseline", 42, "deviation", 5)));
    body.put("noise", List.of());
    Map<String, List<DetectorSpec>> overrides = REFERENCE.overridesFromMap(body);
    assertEquals(new ThresholdSpec(null, null, 42.0, 5.0, 0, 0, Duration.ZERO, Severity.CRITICAL),
        REFERENCE.specsFor("sensor", "temperature", overrides).get(0));
    assertEquals(List.of(DetectorKind.HAMPEL), kinds(REFERENCE.specsFor("sensor", "temp_2", overrides)));
    assertEquals(List.of(), REFERENCE.specsFor("sensor", "noise", overrides), "an empty list switches them off");
    assertEquals(4, REFERENCE.specsFor("sensor", "pressure", overrides).size(), "the rules for the rest");
  }

  @Test
  void overrideProblemsNameTheirPlace() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> REFERENCE.overridesFromMap(
        Map.of("temp*", List.of(Map.of("type", "flatline"), Map.of("type", "zscore", "window", 2)))));
    assertEquals("detectors.temp*[1].window must be at least 5, was 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> REFERENCE.overridesFromMap(
        Map.of("x", List.of(Map.of("type", "zscore"), Map.of("type", "zscore", "k", 4)))));
    assertEquals("detectors.x[1].type zscore is already in the list: one detector of each type per signal "
        + "(its alerts are told apart by type)", e.getMessage());
  }

  @Test
  void rulesFromHoconFirstMatchWinsAndProblemsNameThePath() {
    DetectorRules rules = DetectorRules.fromConfig(ConfigFactory.parseString("""
        twinworks.anomaly.rules = [
          { kinds = [sensor], signals = ["temp*", "t?"], detectors = [{ type = zscore, k = 4 }] }
          { kinds = ["*"], signals = "*", detectors = [{ type = hampel }] }
        ]""").withFallback(ConfigFactory.defaultReference()));
    assertEquals(List.of(DetectorKind.ZSCORE), kinds(rules.specsFor("sensor", "t1", Map.of())));
    assertEquals(List.of(DetectorKind.HAMPEL), kinds(rules.specsFor("machine", "temperature", Map.of())));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DetectorRules.fromConfig(ConfigFactory.parseString(
            "twinworks.anomaly.rules = [{ kinds = [robot], signals = \"*\", detectors = [] }]")));
    assertEquals("twinworks.anomaly.rules[0].kinds must hold sensor, machine, battery-pack or *, was 'robot'",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DetectorRules.fromConfig(ConfigFactory.parseString(
        "twinworks.anomaly.rules = [{ kinds = [sensor], signals = \"*\", detectors = [{type = iqr}, {type = hampel,"
            + " window = 2}] }]")));
    assertEquals("twinworks.anomaly.rules[0].detectors[1].window must be at least 5, was 2", e.getMessage());
  }

  @Test
  void theSectionAsAMapReadsLikeHocon() {
    DetectorRules rules = DetectorRules.fromMap(Map.of("rules", List.of(
        Map.of("kinds", List.of("machine"), "signals", "*", "detectors", List.of(Map.of("type", "flatline"))))));
    assertTrue(rules.specsFor("sensor", "x", Map.of()).isEmpty());
    assertEquals(List.of(DetectorKind.FLATLINE), kinds(rules.specsFor("machine", "x", Map.of())));
  }
}
