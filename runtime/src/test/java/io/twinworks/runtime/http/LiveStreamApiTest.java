package io.twinworks.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.runtime.live.LiveSocket;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/stream}: what a dashboard subscribes to arrives as twin deltas once the twin persisted it. */
class LiveStreamApiTest {

  private static final ApiHarness api = new ApiHarness("LiveStreamApiTest");
  private static final Duration WAIT = Duration.ofSeconds(10);

  @AfterAll
  static void shutdown() {
    api.close();
  }

  @Test
  void aSubscribedTwinsRecordedValueArrivesWithQualityAndSourceTime() throws Exception {
    TwinId sensor = TwinId.of("live:s1");
    try (LiveSocket socket = LiveSocket.open(api.port(), "/api/v1/stream")) {
      socket.send("{\"subscribe\":{\"twins\":[\"live:s1\"]}}");
      JsonNode subscribed = socket.await(m -> m.path("type").asText().equals("subscribed"), WAIT);
      assertEquals("[\"live:s1\"]", subscribed.get("twins").toString());

      Instant source = Instant.parse("2026-11-22T08:00:00Z");
      // The feed collects only once it knows a dashboard watches (asked once a second): record until one arrives.
      JsonNode delta = Eventually.get(() -> {
        api.record(sensor, TwinKind.SENSOR, source, Map.of("temperature", 42.5));
        return socket.await(m -> m.path("type").asText().equals("twin"), Duration.ofMillis(300));
      });
      assertEquals("live:s1", delta.get("id").asText());
      assertEquals("sensor", delta.get("kind").asText());
      assertEquals(42.5, delta.at("/signals/temperature/value").asDouble());
      assertEquals("good", delta.at("/signals/temperature/quality").asText());
      assertEquals(source, Instant.parse(delta.at("/signals/temperature/timestamp").asText()));
      assertEquals("online", delta.get("health").asText());
    }
  }

  @Test
  void aPrefixSubscriptionSeesItsTwinsAndNotOthers() throws Exception {
    try (LiveSocket socket = LiveSocket.open(api.port(), "/api/v1/stream")) {
      socket.send("{\"subscribe\":{\"prefix\":\"plant:p1\"}}");
      socket.await(m -> m.path("type").asText().equals("subscribed"), WAIT);
      Instant source = Instant.parse("2026-11-22T09:00:00Z");
      JsonNode delta = Eventually.get(() -> {
        api.record(TwinId.of("plant:p10:x"), TwinKind.SENSOR, source, Map.of("v", 1.0));
        api.record(TwinId.of("plant:p1:x"), TwinKind.SENSOR, source, Map.of("v", 2.0));
        return socket.await(m -> m.path("type").asText().equals("twin"), Duration.ofMillis(300));
      });
      assertEquals("plant:p1:x", delta.get("id").asText(), "p10 is not under the prefix p1");
    }
  }

  @Test
  void aMessageThatIsNotASubscriptionIsAnsweredWithAnError() throws Exception {
    try (LiveSocket socket = LiveSocket.open(api.port(), "/api/v1/stream")) {
      socket.send("{\"hello\":1}");
      JsonNode error = socket.await(m -> m.path("type").asText().equals("error"), WAIT);
      assertEquals("bad-request", error.get("error").asText());
    }
  }
}
