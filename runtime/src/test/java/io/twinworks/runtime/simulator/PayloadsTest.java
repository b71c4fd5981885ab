package io.twinworks.runtime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2025-03-01T08:15:30.100Z");

  @Test
  void machineTelemetryCarriesReadingsAndTags() throws Exception {
    Map<String, Number> readings = new LinkedHashMap<>();
    readings.put("spindle_temperature", 55.25);
    readings.put("run_status", 1);
    readings.put("cycle_count", 1234L);

    JsonNode json = JSON.readTree(Payloads.machineTelemetry("cnc01", AT, readings, "line1"));

    assertEquals("cnc01", json.get("device_id").asText());
    assertEquals("2025-03-01T08:15:30.100Z", json.get("timestamp").asText());
    assertEquals(55.25, json.at("/readings/spindle_temperature").doubleValue());
    assertTrue(json.at("/readings/run_status").isIntegralNumber(), "run_status is 1, not 1.0");
    assertEquals(1234L, json.at("/readings/cycle_count").longValue());
    assertEquals("line1", json.at("/tags/line").asText());
  }

  @Test
  void sensorDataIsKeyedByTypeWithEpochMillis() throws Exception {
    JsonNode json = JSON.readTree(Payloads.sensorData("PRESS-03", "pressure", 5.125, AT));

    assertEquals(List.of("sensor_id", "pressure", "timestamp"), fieldNames(json));
    assertEquals("PRESS-03", json.get("sensor_id").asText());
    assertEquals(5.125, json.get("pressure").doubleValue());
    assertEquals(AT.toEpochMilli(), json.get("timestamp").longValue());
  }

  @Test
  void cellMetricIsBareOrWrapped() throws Exception {
    assertEquals(3.71, JSON.readTree(Payloads.cellMetric(3.71, AT, false)).doubleValue());

    JsonNode wrapped = JSON.readTree(Payloads.cellMetric(3.71, AT, true));
    assertEquals(3.71, wrapped.get("value").doubleValue());
    assertEquals(AT.toString(), wrapped.get("timestamp").asText());
  }

  @Test
  void machineSignalsAreTheFiveOfDesign() {
    MachineSim machine = new MachineSim("line1", "cnc01", 10, false, new java.util.Random(1));

    assertEquals(
        List.of("spindle_temperature", "vibration", "run_status", "cycle_count", "defect_count"),
        List.copyOf(machine.step(0.1).keySet()));
  }

  @Test
  void sensorIdsCycleThroughTheTypes() {
    assertEquals(
        List.of("TEMP-01", "PRESS-01", "HUM-01", "TEMP-02"),
        List.of(SensorSim.id(0), SensorSim.id(1), SensorSim.id(2), SensorSim.id(3)));
    assertEquals("humidity", SensorSim.typeOf(5).key);
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
