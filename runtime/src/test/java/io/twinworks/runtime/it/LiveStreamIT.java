package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.runtime.live.LiveSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/v1/stream} of a runtime fed over MQTT by {@code mosquitto_pub}: new twins and their values arrive. */
class LiveStreamIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  static final LocalRuntime RUNTIME = new LocalRuntime();

  @Test
  void aPublishedReadingArrivesAsATwinAddedThenATwinDelta() throws Exception {
    try (LiveSocket socket = LiveSocket.open(RUNTIME.runtime().httpPort(), "/api/v1/stream")) {
      socket.send("{\"subscribe\":{\"prefix\":\"default\"}}");
      socket.await(m -> m.path("type").asText().equals("subscribed"), WAIT);
      long publishedAt = System.currentTimeMillis();
      // Publish until the stream shows it: the feed starts collecting within a second of the first subscriber.
      Eventually.within(WAIT, () -> {
        MosquittoPub.publish(RUNTIME.mqttPort(), "sensors/LIVE-01/data",
            "{\"sensor_id\":\"LIVE-01\",\"temperature\":33.5,\"timestamp\":" + publishedAt + "}");
        socket.await(m -> m.path("type").asText().equals("twin") && m.path("id").asText().equals("default:LIVE-01"),
            Duration.ofSeconds(2));
      });
      MosquittoPub.publish(RUNTIME.mqttPort(), "sensors/LIVE-02/data", "{\"sensor_id\":\"LIVE-02\",\"humidity\":40}");
      JsonNode added = socket.await(m -> m.path("type").asText().equals("twin-added")
          && m.path("id").asText().equals("default:LIVE-02"), WAIT);
      assertEquals("sensor", added.get("kind").asText());
      JsonNode delta = socket.await(m -> m.path("type").asText().equals("twin")
          && m.path("id").asText().equals("default:LIVE-02"), WAIT);
      assertEquals(40.0, delta.at("/signals/humidity/value").asDouble());
      assertEquals("good", delta.at("/signals/humidity/quality").asText());
      assertTrue(Instant.ofEpochMilli(publishedAt).isBefore(Instant.parse(delta.get("receivedAt").asText())));
    }
  }
}
