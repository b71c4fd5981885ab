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

class MachineTelemetryRouteTest {

  private static final String TOPIC = "factory/line1/cnc01/telemetry";

  @Test
  void signalNameShape() {
    List<Reading> readings = accept(TOPIC, """
        {"device_id":"cnc01","timestamp":"2024-05-01T11:00:00Z","signal_name":"spindle_speed","value":1200,
         "quality":"good","tags":{"unit":"rpm"}}""");
    assertEquals(List.of(new Reading(TwinId.of("default:line1:cnc01"), TwinKind.MACHINE, "spindle_speed", 1200,
        Quality.GOOD, Instant.parse("2024-05-01T11:00:00Z"), RECEIVED, "mqtt:" + TOPIC, 0)), readings);
  }

  @Test
  void readingsShapeGivesOneReadingPerKeyWithSharedTimeAndQuality() {
    List<Reading> readings = accept(TOPIC, """
        {"device_id":"cnc01","timestamp":1714561200000,"quality":"bad",
         "readings":{"spindle_speed":1200.5,"cycle_count":42,"run_status":1},"tags":{}}""");
    assertEquals(List.of("spindle_speed", "cycle_count", "run_status"), readings.stream().map(Reading::signal).toList());
    assertEquals(List.of(1200.5, 42.0, 1.0), readings.stream().map(Reading::value).toList());
    readings.forEach(r -> assertEquals(Instant.parse("2024-05-01T11:00:00Z"), r.sourceTime()));
    readings.forEach(r -> assertEquals(Quality.BAD, r.quality()));
  }

  @Test
  void stateStringsAndBooleansBecomeNumbers() {
    List<Reading> readings = accept(TOPIC, """
        {"readings":{"a":"RUN","b":"stop","c":"Idle","d":"MAINTENANCE","e":true,"f":false}}""");
    assertEquals(List.of(1.0, 0.0, 2.0, 3.0, 1.0, 0.0), readings.stream().map(Reading::value).toList());
  }

  @Test
  void stateStringAsSingleValue() {
    assertEquals(1.0, accept(TOPIC, "{\"signal_name\":\"state\",\"value\":\"run\"}").get(0).value());
  }

  @Test
  void otherStringsAreRejected() {
    assertEquals("field 'value' is not a number: \"abc\" (strings allowed: RUN, STOP, IDLE, MAINTENANCE)",
        reject(TOPIC, "{\"signal_name\":\"state\",\"value\":\"abc\"}"));
    assertEquals("field 'readings.mode' is not a number: \"AUTO\" (strings allowed: RUN, STOP, IDLE, MAINTENANCE)",
        reject(TOPIC, "{\"readings\":{\"speed\":1,\"mode\":\"AUTO\"}}"));
  }

  @Test
  void objectValueIsRejected() {
    assertEquals("field 'value' is not a number: {\"v\":1}", reject(TOPIC, "{\"signal_name\":\"s\",\"value\":{\"v\":1}}"));
  }

  @Test
  void missingOrAmbiguousShapeIsRejected() {
    assertEquals("payload has neither 'signal_name' nor 'readings'", reject(TOPIC, "{\"value\":1}"));
    assertEquals("payload has both 'signal_name' and 'readings' (send one or the other)",
        reject(TOPIC, "{\"signal_name\":\"s\",\"value\":1,\"readings\":{\"t\":2}}"));
    assertEquals("field 'value' is missing", reject(TOPIC, "{\"signal_name\":\"s\"}"));
    assertEquals("field 'signal_name' is not a non-empty string: 5", reject(TOPIC, "{\"signal_name\":5,\"value\":1}"));
    assertEquals("field 'readings' is empty", reject(TOPIC, "{\"readings\":{}}"));
    assertEquals("field 'readings' is not an object: [1]", reject(TOPIC, "{\"readings\":[1]}"));
  }

  @Test
  void unknownQualityIsRejected() {
    assertEquals("field 'quality' is not a quality: \"great\" (expected good, uncertain or bad)",
        reject(TOPIC, "{\"signal_name\":\"s\",\"value\":1,\"quality\":\"great\"}"));
  }
}
