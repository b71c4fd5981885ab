package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery promise: every QoS 1 publish the broker acknowledged is in the twins after a
 * {@code kill -9} of the whole runtime (embedded broker included) and a restart, exactly once.
 */
class CrashRecoveryIT {

  private static final int SENSORS = 20;
  private static final int READINGS_EACH = 100;
  private static final int PUBLISH_WINDOW = 500;

  @TempDir
  Path dataDir;

  @Test
  void acknowledgedPublishesSurviveKillMinusNine() throws Exception {
    RuntimeProcess.Ports ports = RuntimeProcess.Ports.free();
    try (RuntimeProcess first = RuntimeProcess.start(dataDir, ports, Map.of())) {
      publishAllAcknowledged(ports.mqtt());
      first.kill9();
    }
    try (RuntimeProcess second = RuntimeProcess.start(dataDir, ports, Map.of())) {
      Eventually.within(Duration.ofSeconds(60), () -> {
        for (int s = 0; s < SENSORS; s++) {
          RuntimeProcess.Answer answer = second.get("/api/v1/twins/default:CRASH-" + s);
          assertEquals(200, answer.status(), answer.text());
          JsonNode twin = answer.json();
          assertEquals(READINGS_EACH, twin.get("counts").get("readings").asInt(), "readings of CRASH-" + s + ": " + twin);
          assertEquals(lastValue(s), twin.get("signals").get("level").get("value").asDouble(), 1e-9);
        }
      });
      System.out.println("CrashRecoveryIT: messages taken in after the restart (redelivered): "
          + second.get("/metrics").text().lines().filter(l -> l.startsWith("twinworks_ingest_messages_total"))
              .findFirst().orElse("none"));
    }
  }

  private static void publishAllAcknowledged(int port) throws Exception {
    MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "crash-publisher", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(1000);
    client.connect(options).waitForCompletion(10_000);
    Instant start = Instant.now().minusSeconds(3600);
    List<IMqttDeliveryToken> tokens = new ArrayList<>();
    for (int r = 0; r < READINGS_EACH; r++) {
      for (int s = 0; s < SENSORS; s++) {
        String payload = "{\"sensor_id\":\"CRASH-" + s + "\",\"level\":" + value(s, r)
            + ",\"timestamp\":" + start.plusMillis(r * 100L).toEpochMilli() + "}";
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        tokens.add(client.publish("sensors/CRASH-" + s + "/data", message));
        if (tokens.size() == PUBLISH_WINDOW) {
          awaitAcknowledged(tokens);
        }
      }
    }
    awaitAcknowledged(tokens);
    client.disconnect().waitForCompletion(5_000);
    client.close();
  }

  private static void awaitAcknowledged(List<IMqttDeliveryToken> tokens) throws Exception {
    for (IMqttDeliveryToken token : tokens) {
      token.waitForCompletion(30_000);
    }
    tokens.clear();
  }

  private static double value(int sensor, int reading) {
    return sensor * 1000 + reading;
  }

  private static double lastValue(int sensor) {
    return value(sensor, READINGS_EACH - 1);
  }
}
