package io.twinworks.connectors.route;

import static io.twinworks.connectors.route.Decoding.RECEIVED;
import static io.twinworks.connectors.route.Decoding.accept;
import static io.twinworks.connectors.route.Decoding.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatteryCellRouteTest {

  private static final String TOPIC = "tenants/acme/plants/p1/racks/r1/packs/pk7/cells/12/voltage";

  @Test
  void bareNumberIsOneReadingOfTheCellMetric() {
    List<Reading> readings = accept(TOPIC, "3.712");
    assertEquals(List.of(new Reading(TwinId.of("acme:p1:r1:pk7"), TwinKind.BATTERY_PACK, "cell.12.voltage", 3.712,
        Quality.GOOD, RECEIVED, RECEIVED, "mqtt:" + TOPIC, 0)), readings);
  }

  @Test
  void objectCarriesTimestampAndQuality() {
    Reading reading = accept(TOPIC, "{\"value\":3.7,\"timestamp\":\"2024-05-01T11:59:00Z\",\"quality\":\"Uncertain\"}")
        .get(0);
    assertEquals(3.7, reading.value());
    assertEquals(Instant.parse("2024-05-01T11:59:00Z"), reading.sourceTime());
    assertEquals(Quality.UNCERTAIN, reading.quality());
  }

  @Test
  void objectWithoutValueIsRejected() {
    assertEquals("field 'value' is missing", reject(TOPIC, "{\"timestamp\":1714564740}"));
  }

  @Test
  void nonNumericBareValueIsRejected() {
    assertTrue(reject(TOPIC, "[3.7]").startsWith("payload is not a number: [3.7]"));
  }
}
