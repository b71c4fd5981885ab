package io.twinworks.connectors.route;

import static io.twinworks.connectors.route.Decoding.RECEIVED;
import static io.twinworks.connectors.route.Decoding.accept;
import static io.twinworks.connectors.route.Decoding.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorDataRouteTest {

  private static final String TOPIC = "sensors/TEMP-01/data";

  @Test
  void everyNumericFieldButIdAndTimestampIsASignal() {
    List<Reading> readings = accept(TOPIC, """
        {"sensor_id":"TEMP-01","temperature":42.5,"humidity":31,"unit":"C","timestamp":1714561200}""");
    Instant time = Instant.parse("2024-05-01T11:00:00Z");
    TwinId id = TwinId.of("default:TEMP-01");
    assertEquals(List.of(
        new Reading(id, TwinKind.SENSOR, "temperature", 42.5, Quality.GOOD, time, RECEIVED, "mqtt:" + TOPIC, 0),
        new Reading(id, TwinKind.SENSOR, "humidity", 31, Quality.GOOD, time, RECEIVED, "mqtt:" + TOPIC, 0)), readings);
  }

  @Test
  void valueFieldIsSignalValue() {
    assertEquals("value", accept(TOPIC, "{\"sensor_id\":\"TEMP-01\",\"value\":7}").get(0).signal());
  }

  @Test
  void numericSensorIdIsNotASignal() {
    assertEquals(List.of("t"), accept(TOPIC, "{\"sensor_id\":17,\"t\":1}").stream().map(Reading::signal).toList());
  }

  @Test
  void payloadWithoutNumericFieldIsRejected() {
    assertEquals("payload has no numeric field besides 'sensor_id' and 'timestamp'",
        reject(TOPIC, "{\"sensor_id\":\"TEMP-01\",\"unit\":\"C\",\"timestamp\":1714561200}"));
  }

  @Test
  void overflowingNumberIsRejected() {
    assertEquals("field 'temperature' is out of range: it overflows a double",
        reject(TOPIC, "{\"temperature\":1e999}"));
  }
}
