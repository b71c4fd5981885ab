package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.ApiHarness.alert;
import static io.twinworks.runtime.http.ApiHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlertAckApiTest {

  private static final ApiHarness api = new ApiHarness("AlertAckApiTest");
  private static final TwinId SENSOR = TwinId.of("ack:s1");
  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
  private static String raised;

  /** A real sensor twin with a threshold at 50 raises an alert at 60; the hub logs it. */
  @BeforeAll
  static void raise() {
    api.register(SENSOR, TwinKind.SENSOR);
    HttpResponse<String> configured = api.put("/api/v1/twins/ack:s1/config",
        "{\"grace-period\":\"0s\",\"detectors\":{\"temperature\":[{\"type\":\"threshold\",\"high\":50}]}}");
    assertEquals(200, configured.statusCode(), configured.body());
    api.record(SENSOR, TwinKind.SENSOR, T0, Map.of("temperature", 20.0));
    api.record(SENSOR, TwinKind.SENSOR, T0.plusSeconds(1), Map.of("temperature", 60.0));
    raised = Eventually.get(() -> {
      JsonNode items = json(api.get("/api/v1/alerts?twin=ack:s1")).get("items");
      assertEquals(1, items.size(), items.toString());
      return items.get(0).get("id").asText();
    });
  }

  @AfterAll
  static void shutdown() {
    api.close();
  }

  @Test
  void anOpenAlertIsAcknowledgedByItsTwinAndTheLogFollows() {
    HttpResponse<String> response = api.post("/api/v1/alerts/" + raised + "/ack");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode alert = json(response);
    assertEquals(raised, alert.get("id").asText());
    assertEquals("acknowledged", alert.get("state").asText());
    assertFalse(alert.get("acknowledgedAt").isNull());
    assertEquals(60.0, alert.get("value").asDouble());
    assertEquals("critical", alert.get("severity").asText(), "a threshold is critical by default");

    HttpResponse<String> again = api.post("/api/v1/alerts/" + raised + "/ack");
    assertEquals(200, again.statusCode(), "acknowledging twice is harmless");
    assertEquals(alert.get("acknowledgedAt"), json(again).get("acknowledgedAt"));
    Eventually.get(() -> {
      JsonNode items = json(api.get("/api/v1/alerts?twin=ack:s1&state=acknowledged")).get("items");
      assertEquals(1, items.size());
      return null;
    });
  }

  @Test
  void anAlertTheLogDoesNotKnowIs404() {
    HttpResponse<String> response = api.post("/api/v1/alerts/ack:s1~999/ack");
    assertEquals(404, response.statusCode());
    assertEquals("not-found", json(response).get("error").asText());
  }

  @Test
  void anAlertTheTwinHasNoOpenAlertForIs404() {
    api.append(alert(SENSOR, 77, Severity.WARNING, AlertState.ACTIVE, T0));
    HttpResponse<String> response = api.post("/api/v1/alerts/ack:s1~77/ack");
    assertEquals(404, response.statusCode(), response.body());
    assertTrue(json(response).get("message").asText().contains("no open alert"), response.body());
  }

  @Test
  void aClearedAlertIs409() {
    api.append(alert(SENSOR, 78, Severity.WARNING, AlertState.CLEARED, T0));
    HttpResponse<String> response = api.post("/api/v1/alerts/ack:s1~78/ack");
    assertEquals(409, response.statusCode(), response.body());
    assertEquals("already-cleared", json(response).get("error").asText());
  }

  @Test
  void aMalformedAlertIdIs400() {
    HttpResponse<String> response = api.post("/api/v1/alerts/ack:s1/ack");
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(json(response).get("message").asText().contains("<twin id>~<number>"));
  }
}
