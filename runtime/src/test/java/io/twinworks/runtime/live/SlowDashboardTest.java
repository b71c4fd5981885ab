package io.twinworks.runtime.live;

import io.twinworks.runtime.security.Principal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A dashboard that stops reading gets, once it reads again, the latest values of each twin in few messages. */
class SlowDashboardTest {

  private static final ActorTestKit testKit = ActorTestKit.create("SlowDashboardTest",
      ConfigFactory.parseString("pekko.loglevel = WARNING").withFallback(ConfigFactory.load()));
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int BATCHES = 2000;
  private static final int SIGNALS = 50;
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aSlowClientGetsTheLatestValuePerTwinAndFarFewerMessagesThanBatches() throws Exception {
    LiveSettings settings = LiveSettings.fromConfig(testKit.system().settings().config());
    LiveHub hub = LiveHub.start(testKit.system(), settings, LiveFeed.start(testKit.system(), settings),
        Clock.systemUTC());
    ServerBinding binding = Http.get(testKit.system()).newServerAt("127.0.0.1", 0)
        .bind(new AllDirectives() {}.path("stream", () -> new AllDirectives() {}.handleWebSocketMessages(hub.flow(Principal.UNSECURED))))
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    try (LiveSocket socket = LiveSocket.open(binding.localAddress().getPort(), "/stream")) {
      socket.send("{\"subscribe\":{\"prefix\":\"slow\"}}");
      socket.await(m -> m.path("type").asText().equals("subscribed"), WAIT);
      socket.pause();

      // Each batch: twins slow:a and slow:b with 50 signals (~3 KB a message): 2 × 2000 messages of ~12 MB
      // would be sent unconflated, more than the loopback socket buffers hold.
      for (int i = 1; i <= BATCHES; i++) {
        hub.dispatch(new LiveBatch(List.of(delta("slow:a", i), delta("slow:b", i)), List.of()));
      }
      socket.resume();

      Map<String, Integer> messages = new HashMap<>();
      Map<String, Double> latest = new HashMap<>();
      while (latest.getOrDefault("slow:a", 0.0) < BATCHES || latest.getOrDefault("slow:b", 0.0) < BATCHES) {
        JsonNode twin = socket.await(m -> m.path("type").asText().equals("twin"), WAIT);
        String id = twin.get("id").asText();
        messages.merge(id, 1, Integer::sum);
        latest.put(id, twin.at("/signals/s0/value").asDouble());
        assertEquals(SIGNALS, twin.get("signals").size(), "every signal, merged");
      }
      int total = messages.values().stream().mapToInt(Integer::intValue).sum();
      assertTrue(total < BATCHES, "conflated: " + total + " messages for " + (2 * BATCHES) + " deltas");
    } finally {
      binding.unbind();
    }
  }

  private static LiveBatch.Delta delta(String twin, int value) {
    Map<String, LiveBatch.Signal> signals = new HashMap<>();
    for (int s = 0; s < SIGNALS; s++) {
      signals.put("s" + s, new LiveBatch.Signal(value, T0.plusMillis(value), "good"));
    }
    return new LiveBatch.Delta(twin, "sensor", signals, T0.plusMillis(value));
  }
}
