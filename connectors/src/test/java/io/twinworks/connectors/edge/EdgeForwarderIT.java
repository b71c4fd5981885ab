package io.twinworks.connectors.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store-and-forward against a real Mosquitto: readings appended at 10 Hz keep being buffered while the broker is
 * down, and afterwards every message has reached a subscriber, first copies in sequence order, none missing.
 */
class EdgeForwarderIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration OUTAGE = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  @Test
  void aBrokerOutageDelaysButLosesNothing() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.startPersistent();
         EdgeBuffer buffer = EdgeBuffer.open(dir.resolve("buffer.db"), 10_000_000, Clock.systemUTC())) {
      List<Long> received = new CopyOnWriteArrayList<>();
      MqttClient subscriber = subscribe(broker, received);
      MqttSettings connection = MqttSettings.create(ConfigFactory.parseMap(Map.of(
              "twinworks.mqtt.url", broker.url(), "twinworks.mqtt.client-id", "edge-forwarder-it",
              "twinworks.mqtt.min-backoff", "200ms", "twinworks.mqtt.max-backoff", "1s"))
          .withFallback(ConfigFactory.load()));
      EdgeEncoder encoder = new EdgeEncoder("gw1");
      int appended = 0;
      try (EdgeForwarder forwarder = EdgeForwarder.start(buffer, connection, 50, Duration.ofSeconds(2))) {
        long outageStart = System.nanoTime() + 2_000_000_000L;
        long outageEnd = outageStart + OUTAGE.toNanos();
        boolean stopped = false;
        boolean restarted = false;
        long end = outageEnd + 2_000_000_000L;
        while (System.nanoTime() < end) {
          buffer.append(encoder.entries(List.of(EdgeReadings.reading("acme:p1:press7", "pressure", appended))));
          appended++;
          if (!stopped && System.nanoTime() >= outageStart) {
            broker.stop();
            stopped = true;
          }
          if (!restarted && System.nanoTime() >= outageEnd) {
            broker.startAgain();
            restarted = true;
          }
          Thread.sleep(100);
        }
        assertTrue(stopped && restarted);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (new LinkedHashSet<>(received).size() < appended && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertEquals(appended, forwarder.forwardedReadings(), "every reading acknowledged by the broker");
      } finally {
        subscriber.disconnectForcibly(1_000);
        subscriber.close();
      }
      List<Long> firstCopies = new ArrayList<>(new LinkedHashSet<>(received));
      List<Long> expected = new ArrayList<>();
      for (long seq = 1; seq <= appended; seq++) {
        expected.add(seq);
      }
      assertEquals(expected, firstCopies, "every message once at least, first copies in order");
      assertEquals(0, buffer.stats().messages(), "nothing left in the buffer");
    }
  }

  private static MqttClient subscribe(MosquittoBroker broker, List<Long> received) throws Exception {
    MqttClient client = new MqttClient(broker.url(), "edge-forwarder-it-subscriber", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(false); // the broker keeps the subscription and queues for it across its restart
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(500);
    client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) throws Exception {
        JsonNode payload = JSON.readTree(message.getPayload());
        received.add(payload.get("seq").asLong());
      }

      @Override
      public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
    });
    client.connect(options);
    client.subscribe("edge/#", 1);
    return client;
  }
}
