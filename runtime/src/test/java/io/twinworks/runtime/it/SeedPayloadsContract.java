package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Every seed payload shape of DESIGN.md, published with mosquitto_pub, shows up at
 * {@code GET /api/v1/twins/{id}} with the right kind and value; bad payloads go to dead letters and
 * ingestion goes on. Subclasses choose the broker.
 */
abstract class SeedPayloadsContract {

  private static final Duration WAIT = Duration.ofSeconds(30);

  abstract RuntimeProcess runtime();

  abstract int mqttPort();

  @Test
  void batteryCellAsBareNumber() throws Exception {
    publish("tenants/acme/plants/p1/racks/r1/packs/pk7/cells/03/voltage", "3.71");
    assertSignal("acme:p1:r1:pk7", "battery-pack", "cell.03.voltage", 3.71);
  }

  @Test
  void batteryCellAsValueWithTimestamp() throws Exception {
    Instant at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    publish("tenants/acme/plants/p1/racks/r1/packs/pk8/cells/04/temperature",
        "{\"value\":28.5,\"timestamp\":\"" + at + "\"}");
    JsonNode signal = assertSignal("acme:p1:r1:pk8", "battery-pack", "cell.04.temperature", 28.5);
    assertEquals(at, Instant.parse(signal.get("timestamp").asText()));
  }

  @Test
  void factoryTelemetrySingleSignal() throws Exception {
    publish("factory/line1/cnc01/telemetry", "{\"device_id\":\"cnc01\",\"timestamp\":" + Instant.now().toEpochMilli()
        + ",\"signal_name\":\"spindle_temperature\",\"value\":61.5,\"quality\":\"good\",\"tags\":{\"line\":\"line1\"}}");
    assertSignal("default:line1:cnc01", "machine", "spindle_temperature", 61.5);
  }

  @Test
  void factoryTelemetryManySignals() throws Exception {
    publish("factory/line2/cnc02/telemetry", "{\"device_id\":\"cnc02\",\"timestamp\":\"" + Instant.now()
        + "\",\"readings\":{\"vibration\":0.42,\"run_status\":\"RUN\",\"cycle_count\":1200},\"tags\":{}}");
    assertSignal("default:line2:cnc02", "machine", "vibration", 0.42);
    assertSignal("default:line2:cnc02", "machine", "run_status", 1.0);
    assertSignal("default:line2:cnc02", "machine", "cycle_count", 1200.0);
  }

  @Test
  void flatSensorJson() throws Exception {
    publish("sensors/TEMP-01/data", "{\"sensor_id\":\"TEMP-01\",\"temperature\":42.5,\"timestamp\":"
        + Instant.now().getEpochSecond() + "}");
    assertSignal("default:TEMP-01", "sensor", "temperature", 42.5);
  }

  @Test
  void malformedPayloadIsDeadLetteredAndIngestionGoesOn() throws Exception {
    publish("sensors/PRESS-09/data", "{\"sensor_id\":\"PRESS-09\",\"pressure\":");
    publish("sensors/PRESS-09/data", "{\"sensor_id\":\"PRESS-09\",\"pressure\":\"high\"}");
    publish("sensors/PRESS-09/data", "{\"sensor_id\":\"PRESS-09\",\"pressure\":1.25}");
    assertSignal("default:PRESS-09", "sensor", "pressure", 1.25);
    Eventually.within(WAIT, () -> {
      JsonNode items = runtime().get("/api/v1/dead-letters?limit=100").json().get("items");
      int found = 0;
      for (JsonNode item : items) {
        if (item.get("source").asText().equals("sensors/PRESS-09/data")) {
          assertTrue(!item.get("reason").asText().isBlank(), "a dead letter has a reason");
          found++;
        }
      }
      assertEquals(2, found, "both bad payloads are dead letters: " + items);
    });
  }

  @Test
  void listsTwinsByKindAndAnswersErrorsAsJson() throws Exception {
    publish("sensors/HUM-03/data", "{\"sensor_id\":\"HUM-03\",\"humidity\":55.0}");
    assertSignal("default:HUM-03", "sensor", "humidity", 55.0);
    Eventually.within(WAIT, () -> {
      JsonNode items = runtime().get("/api/v1/twins?kind=sensor&prefix=default:HUM").json().get("items");
      assertEquals(1, items.size(), items.toString());
      assertEquals("default:HUM-03", items.get(0).get("id").asText());
      assertEquals("default", items.get(0).get("tenant").asText());
    });
    RuntimeProcess.Answer unknown = runtime().get("/api/v1/twins/default:nobody");
    assertEquals(404, unknown.status());
    assertEquals("not-found", unknown.json().get("error").asText());
    RuntimeProcess.Answer badId = runtime().get("/api/v1/twins/no-tenant");
    assertEquals(400, badId.status());
    assertTrue(badId.json().get("message").asText().contains("twin id"), badId.text());
    assertEquals(400, runtime().get("/api/v1/twins?limit=0").status());
    assertEquals(400, runtime().get("/api/v1/twins?kind=robot").status());
    assertEquals(404, runtime().get("/api/v1/nothing-here").status());
  }

  @Test
  void historyAnswersPointsAndBuckets() throws Exception {
    Instant t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MINUTES);
    for (int i = 0; i < 3; i++) {
      publish("sensors/HIST-01/data", "{\"sensor_id\":\"HIST-01\",\"temperature\":" + (20 + i)
          + ",\"timestamp\":\"" + t0.plusSeconds(i * 10L) + "\"}");
    }
    String range = "&from=" + t0 + "&to=" + t0.plusSeconds(120);
    Eventually.within(WAIT, () -> {
      JsonNode points = runtime().get("/api/v1/twins/default:HIST-01/history?signal=temperature" + range)
          .json().get("points");
      assertEquals(3, points.size(), points.toString());
      assertEquals(t0.plusSeconds(10), Instant.parse(points.get(1).get("t").asText()));
      assertEquals(21.0, points.get(1).get("v").asDouble());
    });
    JsonNode buckets = runtime().get("/api/v1/twins/default:HIST-01/history?signal=temperature&step=PT1M" + range)
        .json().get("points");
    assertEquals(1, buckets.size(), buckets.toString());
    assertEquals(3, buckets.get(0).get("count").asInt());
    assertEquals(21.0, buckets.get(0).get("avg").asDouble(), 1e-9);
    RuntimeProcess.Answer noSignal = runtime().get("/api/v1/twins/default:HIST-01/history");
    assertEquals(400, noSignal.status());
    assertTrue(noSignal.json().get("message").asText().contains("signal"), noSignal.text());
    assertEquals(400, runtime().get("/api/v1/twins/default:HIST-01/history?signal=temperature&from=yesterday").status());
    assertEquals(400, runtime().get("/api/v1/twins/default:HIST-01/history?signal=temperature&step=PT0.001S").status());
    assertEquals(404, runtime().get("/api/v1/twins/default:NOPE/history?signal=temperature").status());
  }

  private void publish(String topic, String payload) throws Exception {
    MosquittoPub.publish(mqttPort(), topic, payload);
  }

  private JsonNode assertSignal(String twinId, String kind, String signal, double value) throws Exception {
    JsonNode[] found = new JsonNode[1];
    Eventually.within(WAIT, () -> {
      RuntimeProcess.Answer answer = runtime().get("/api/v1/twins/" + twinId);
      assertEquals(200, answer.status(), answer.text());
      assertEquals(kind, answer.json().get("kind").asText());
      JsonNode s = answer.json().get("signals").get(signal);
      assertTrue(s != null, signal + " missing in " + answer.text());
      assertEquals(value, s.get("value").asDouble(), 1e-9);
      assertEquals("good", s.get("quality").asText());
      found[0] = s;
    });
    return found[0];
  }
}
