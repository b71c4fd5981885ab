package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.ApiHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TwinOeeApiTest {

  private static final ApiHarness api = new ApiHarness("TwinOeeApiTest");
  private static final TwinId MACHINE = TwinId.of("oee:line1:m1");
  private static final TwinId SENSOR = TwinId.of("oee:s1");
  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

  /** Runs 08:00–08:10 making 20 parts (cycle_count 0 → 10 → 20), then stops. */
  @BeforeAll
  static void machine() {
    api.register(MACHINE, TwinKind.MACHINE);
    api.register(SENSOR, TwinKind.SENSOR);
    assertEquals(200, api.put("/api/v1/twins/oee:line1:m1/config", "{\"grace-period\":\"0s\"}").statusCode());
    api.record(MACHINE, TwinKind.MACHINE, T0, Map.of("run_status", 1.0, "cycle_count", 0.0));
    api.record(MACHINE, TwinKind.MACHINE, T0.plusSeconds(300), Map.of("run_status", 1.0, "cycle_count", 10.0));
    api.record(MACHINE, TwinKind.MACHINE, T0.plusSeconds(600), Map.of("run_status", 0.0, "cycle_count", 20.0));
  }

  @AfterAll
  static void shutdown() {
    api.close();
  }

  @Test
  void aMachineAnswersItsWindowsInTheShapeOfTheDesign() {
    HttpResponse<String> response = api.get(
        "/api/v1/twins/oee:line1:m1/oee?from=2026-01-10T08:00:00Z&to=2026-01-10T09:00:00Z&bucket=PT15M");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode windows = json(response).get("windows");
    assertEquals(1, windows.size(), windows.toString());
    JsonNode window = windows.get(0);
    for (String field : List.of("start", "end", "availability", "performance", "quality", "oee", "plannedSeconds",
        "runSeconds", "totalCount", "goodCount")) {
      assertTrue(window.has(field), field + " in " + window);
    }
    assertEquals("2026-01-10T08:00:00Z", window.get("start").asText());
    assertEquals("2026-01-10T08:15:00Z", window.get("end").asText());
    assertEquals(600.0, window.get("runSeconds").asDouble(), "RUN from 08:00 to 08:10");
    assertEquals(20, window.get("totalCount").asLong(), "cycle_count 0 → 20");
    assertEquals(20, window.get("goodCount").asLong(), "no defects");
    assertEquals(1.0, window.get("quality").asDouble(), "20 / 20");
    assertTrue(window.get("performance").isNull(), "no ideal cycle time configured");
  }

  @Test
  void theDefaultsAreTheLastDayInHours() {
    // to = now, from = now - 24 h: the machine's 2026-01-10 windows are long before, unless now is that day.
    HttpResponse<String> response = api.get("/api/v1/twins/oee:line1:m1/oee");
    assertEquals(200, response.statusCode(), response.body());
    json(response).get("windows").forEach(w -> assertEquals("PT1H", w.get("bucket").asText()));
  }

  @Test
  void aSensorOrBadParametersAre400AndAnUnknownTwin404() {
    HttpResponse<String> sensor = api.get("/api/v1/twins/oee:s1/oee");
    assertEquals(400, sensor.statusCode());
    assertTrue(json(sensor).get("message").asText().contains("machine"), sensor.body());
    for (String query : List.of("bucket=PT5M", "from=yesterday", "from=2026-01-10T09:00:00Z&to=2026-01-10T08:00:00Z")) {
      HttpResponse<String> response = api.get("/api/v1/twins/oee:line1:m1/oee?" + query);
      assertEquals(400, response.statusCode(), query);
      assertEquals("bad-request", json(response).get("error").asText());
    }
    assertEquals(404, api.get("/api/v1/twins/oee:nobody/oee").statusCode());
  }

  @Test
  void theTwinShowsHealthOpenAlertsOeeAndClock() {
    JsonNode twin = json(api.get("/api/v1/twins/oee:line1:m1"));
    assertEquals("machine", twin.get("kind").asText());
    assertEquals("online", twin.get("health").get("status").asText(), twin.toString());
    assertTrue(twin.get("health").has("lastSeen"));
    assertEquals(0, twin.get("alerts").size());
    assertTrue(twin.get("oee").has("PT15M"), twin.get("oee").toString());
    assertEquals(20, twin.get("oee").get("PT15M").get("totalCount").asLong());
    assertTrue(twin.get("clock").has("offsetMillis"), twin.toString());
    assertTrue(twin.get("signals").has("cycle_count"));
  }

  @Test
  void aSensorHasNoOee() {
    api.record(SENSOR, TwinKind.SENSOR, T0, Map.of("temperature", 21.0));
    JsonNode twin = json(api.get("/api/v1/twins/oee:s1"));
    assertTrue(!twin.has("oee"), twin.toString());
    assertTrue(twin.get("alerts").isArray());
  }
}
