package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinworks.runtime.alert.delivery.AlertTopicSubscriber;
import io.twinworks.runtime.alert.delivery.WebhookSink;
import io.twinworks.testsupport.MosquittoBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The twins' analytics end to end over a real Mosquitto: communication loss of a silent twin, a spike
 * raising a z-score alert that reaches SSE, the MQTT alert topic and a webhook, the classic OEE example
 * fed as telemetry, and a battery pack's cell imbalance.
 */
class TwinIntelligenceIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration HEARTBEAT = Duration.ofSeconds(3);

  private static MosquittoBroker mosquitto;
  private static WebhookSink webhook;
  private static RuntimeProcess runtime;
  private static MqttClient publisher;
  private static int httpPort;

  @BeforeAll
  static void start() throws Exception {
    mosquitto = MosquittoBroker.start();
    webhook = WebhookSink.start();
    RuntimeProcess.Ports ports = RuntimeProcess.Ports.free();
    httpPort = ports.http();
    Path data = Files.createTempDirectory("twinworks-intelligence-it");
    runtime = RuntimeProcess.start(data, ports, Map.of(
        "twinworks.mqtt.url", mosquitto.url(),
        "twinworks.heartbeat.default-timeout", HEARTBEAT.toMillis() + "ms",
        "twinworks.alerts.webhook-url", webhook.url("/hook")));
    publisher = new MqttClient(mosquitto.url(), "it-publisher-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(1000); // publish() waits for each PUBACK, but Paho frees the slot just after
    publisher.connect(options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (publisher != null) {
      publisher.disconnect();
      publisher.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    if (webhook != null) {
      webhook.close();
    }
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  @Test
  void aSilentTwinTurnsCommunicationLossWithinItsTimeoutPlusOneSecond() throws Exception {
    publish("sensors/QUIET-1/data", "{\"value\": 1.5}");
    Eventually.within(Duration.ofSeconds(10), () -> assertEquals(200, runtime.get("/api/v1/twins/default:QUIET-1").status()));
    Instant lastSeen = Instant.parse(runtime.get("/api/v1/twins/default:QUIET-1").json().path("health").path("lastSeen").asText());

    Eventually.within(Duration.ofSeconds(15), () -> assertEquals("communication-loss",
        runtime.get("/api/v1/twins/default:QUIET-1").json().path("health").path("status").asText()));
    JsonNode alerts = runtime.get("/api/v1/alerts?twin=default:QUIET-1").json().path("items");
    assertEquals("communication-loss", alerts.get(0).path("kind").asText());
    Instant raised = Instant.parse(alerts.get(0).path("raisedAt").asText());
    assertTrue(!raised.isAfter(lastSeen.plus(HEARTBEAT).plusSeconds(1)),
        "raised " + Duration.between(lastSeen, raised) + " after the last reading; timeout " + HEARTBEAT);
    JsonNode twin = runtime.get("/api/v1/twins/default:QUIET-1").json();
    assertEquals("uncertain", twin.path("signals").path("value").path("quality").asText());

    publish("sensors/QUIET-1/data", "{\"value\": 1.6}");
    Eventually.within(Duration.ofSeconds(10), () -> assertEquals("online",
        runtime.get("/api/v1/twins/default:QUIET-1").json().path("health").path("status").asText()));
  }

  @Test
  void aSpikeRaisesAZScoreAlertOnSseMqttAndTheWebhook() throws Exception {
    Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
    publish("sensors/SPIKE-1/data", sensor(t0.minusSeconds(1), 20));
    Eventually.within(Duration.ofSeconds(10), () -> assertEquals(200, runtime.get("/api/v1/twins/default:SPIKE-1").status()));
    assertEquals(200, put("/api/v1/twins/default:SPIKE-1/config", "{\"detectors\":{\"value\":"
        + "[{\"type\":\"zscore\",\"window\":50,\"k\":4,\"warm-up\":20}]}}"));

    try (AlertTopicSubscriber mqtt = new AlertTopicSubscriber(mosquitto.url());
         SseStream sse = SseStream.open(httpPort, "/api/v1/alerts/stream?twin=default:SPIKE-1")) {
      for (int s = 0; s < 60; s++) {
        publish("sensors/SPIKE-1/data", sensor(t0.plusSeconds(s), 20 + 0.1 * Math.sin(s)));
      }
      publish("sensors/SPIKE-1/data", sensor(t0.plusSeconds(60), 40));
      publish("sensors/SPIKE-1/data", sensor(t0.plusSeconds(61), 20));
      publish("sensors/SPIKE-1/data", sensor(t0.plusSeconds(62), 20));

      Eventually.within(Duration.ofSeconds(10), () -> assertTrue(!sse.alerts().isEmpty(), "no alert on SSE"));
      JsonNode alert = sse.alerts().get(0);
      assertEquals("zscore", alert.path("kind").asText());
      assertEquals("value", alert.path("signal").asText());
      assertEquals(40.0, alert.path("value").asDouble());
      String id = alert.path("id").asText();
      Eventually.within(Duration.ofSeconds(10), () -> assertTrue(mqtt.alertIds().contains(id), "MQTT: " + mqtt.alertIds()));
      Eventually.within(Duration.ofSeconds(10),
          () -> assertTrue(webhook.alertIds("/hook").contains(id), "webhook: " + webhook.alertIds("/hook")));
    }
  }

  @Test
  void theClassicOeeExampleFedAsTelemetry() throws Exception {
    String topic = "factory/line1/press1/telemetry";
    Instant day = Instant.parse("2024-03-04T00:00:00Z"); // a Monday
    // The twin appears on Sunday evening: the calendar configured next shapes the windows from Monday on
    // (a window that is open when the calendar changes finishes as it began).
    publish(topic, machine(day.minusSeconds(3600), "run_status", 2));
    Eventually.within(Duration.ofSeconds(10), () -> assertEquals(200, runtime.get("/api/v1/twins/default:line1:press1").status()));
    assertEquals(200, put("/api/v1/twins/default:line1:press1/config", """
        {"oee": {"ideal-cycle-time": "1s", "calendar": {"zone": "UTC", "shifts": [{"name": "early",
          "start": "06:00", "end": "14:00", "days": ["MON", "TUE", "WED", "THU", "FRI"],
          "breaks": [{"start": "08:00", "end": "08:15"}, {"start": "10:00", "end": "10:30"},
                     {"start": "12:00", "end": "12:15"}]}]}}}"""));

    // Breaks IDLE (2), the downtime 11:00-11:47 STOP (0), running (1) otherwise; counters read every minute.
    Map<Integer, Integer> changes = new TreeMap<>(Map.of(350, 2, 360, 1, 480, 2, 495, 1, 600, 2, 630, 1, 660, 0,
        707, 1, 720, 2, 735, 1));
    int state = 2;
    long runMinutes = 0;
    for (int minute = 350; minute < 840; minute++) {
      state = changes.getOrDefault(minute, state);
      Instant at = day.plusSeconds(minute * 60L);
      if (changes.containsKey(minute)) {
        publish(topic, machine(at, "run_status", state));
      }
      runMinutes += minute >= 360 && state == 1 ? 1 : 0;
      publish(topic, machineCounters(at.plusSeconds(59), 1_000_000 + 19_271 * runMinutes / 373,
          5_000 + 423 * runMinutes / 373));
    }
    publish(topic, machine(day.plusSeconds(840 * 60L), "run_status", 2));
    publish(topic, machine(day.plusSeconds(850 * 60L), "run_status", 2)); // moves the reorder watermark past 14:00

    Eventually.within(Duration.ofSeconds(20), () -> {
      JsonNode windows = runtime.get("/api/v1/twins/default:line1:press1/oee?bucket=shift"
          + "&from=2024-03-04T00:00:00Z&to=2024-03-05T00:00:00Z").json().path("windows");
      assertEquals(1, windows.size(), windows.toString());
      JsonNode shift = windows.get(0);
      assertEquals(false, shift.path("partial").asBoolean());
      assertEquals(25_200, shift.path("plannedSeconds").asLong());
      assertEquals(22_380, shift.path("runSeconds").asLong());
      assertEquals(19_271, shift.path("totalCount").asLong());
      assertEquals(18_848, shift.path("goodCount").asLong());
      assertEquals(88.81, percent(shift.path("availability")));
      assertEquals(86.11, percent(shift.path("performance")));
      assertEquals(97.80, percent(shift.path("quality")));
      assertEquals(74.79, percent(shift.path("oee")));
    });
  }

  @Test
  void aPackWhoseCellsDriftApartRaisesCellImbalance() throws Exception {
    Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
    for (int s = 0; s <= 100; s += 5) {
      publish("tenants/acme/plants/p1/racks/r1/packs/pk9/cells/1/voltage", cell(t0.plusSeconds(s), 3.70));
      publish("tenants/acme/plants/p1/racks/r1/packs/pk9/cells/2/voltage", cell(t0.plusSeconds(s), 3.60));
    }
    Eventually.within(Duration.ofSeconds(15), () -> {
      List<String> kinds = runtime.get("/api/v1/alerts?twin=acme:p1:r1:pk9").json().path("items").findValuesAsText("kind");
      assertTrue(kinds.contains("cell-imbalance"), kinds + " " + runtime.get("/api/v1/twins/acme:p1:r1:pk9").text());
    });
  }

  private static double percent(JsonNode ratio) {
    return Math.round(ratio.asDouble() * 10_000) / 100.0;
  }

  private static String sensor(Instant at, double value) {
    return "{\"value\": " + value + ", \"timestamp\": \"" + at + "\"}";
  }

  private static String machine(Instant at, String signal, double value) {
    return "{\"device_id\": \"press1\", \"timestamp\": \"" + at + "\", \"signal_name\": \"" + signal
        + "\", \"value\": " + value + "}";
  }

  private static String machineCounters(Instant at, long total, long defects) {
    return "{\"device_id\": \"press1\", \"timestamp\": \"" + at + "\", \"readings\": {\"cycle_count\": " + total
        + ", \"defect_count\": " + defects + "}}";
  }

  private static String cell(Instant at, double volts) {
    return "{\"value\": " + volts + ", \"timestamp\": \"" + at + "\"}";
  }

  private static void publish(String topic, String payload) throws MqttException {
    publisher.publish(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false);
  }

  private static int put(String path, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.statusCode();
  }

  /** A Server-Sent Events stream read on its own thread, keeping the data of each {@code alert} event. */
  static final class SseStream implements AutoCloseable {
    private final List<JsonNode> alerts = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private final Stream<String> lines;

    private SseStream(Stream<String> lines) {
      this.lines = lines;
      this.reader = new Thread(this::read, "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static SseStream open(int port, String path) throws Exception {
      // Last-Event-ID 0: everything logged so far, then live, so nothing falls between connecting and the
      // node's log tail having the subscriber (a live-only stream could miss that moment's changes)
      HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Accept", "text/event-stream").header("Last-Event-ID", "0").build(), HttpResponse.BodyHandlers.ofLines());
      assertEquals(200, response.statusCode());
      return new SseStream(response.body());
    }

    List<JsonNode> alerts() {
      return List.copyOf(alerts);
    }

    private void read() {
      try {
        lines.forEach(line -> {
          if (line.startsWith("data:")) {
            try {
              alerts.add(JSON.readTree(line.substring(5).trim()));
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        });
      } catch (RuntimeException e) {
        // closed
      }
    }

    @Override
    public void close() {
      lines.close();
      reader.interrupt();
    }
  }
}
