package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.runtime.bench.LoadPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a runtime must answer for one twin after a {@link LoadPublisher} run: its state counts every reading (applied
 * in order or kept as late), its latest value is the newest published, and its history holds each reading exactly
 * once, as raw points and in the 1-minute rollups.
 */
final class ExactlyOnceCheck {

  private ExactlyOnceCheck() {}

  /**
   * Checks every twin of the load, asking the nodes in turn, a few twins at once, each until it holds or two minutes
   * are up; then that the publisher had every reading acknowledged.
   */
  static void verifyAll(List<RuntimeProcess> nodes, LoadPublisher publisher, int twins, int readingsEach)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    ExecutorService checkers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> checks = new ArrayList<>();
      for (int twin = 0; twin < twins; twin++) {
        RuntimeProcess node = nodes.get(twin % nodes.size());
        int t = twin;
        checks.add(checkers.submit(() -> {
          Eventually.within(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
              () -> verifyTwin(node, publisher, t, readingsEach));
          return null;
        }));
      }
      for (Future<?> check : checks) {
        try {
          check.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof AssertionError failure) {
            throw failure;
          }
          throw e;
        }
      }
    } finally {
      checkers.shutdownNow();
    }
    assertTrue(publisher.acknowledged() >= publisher.total(), "every reading acknowledged to the publisher");
  }

  static void verifyTwin(RuntimeProcess runtime, LoadPublisher publisher, int twin, int readingsEach)
      throws Exception {
    String id = LoadPublisher.twinId(twin);
    RuntimeProcess.Answer state = runtime.get("/api/v1/twins/" + id);
    assertEquals(200, state.status(), state.text());
    JsonNode json = state.json();
    // A broker restart may deliver older readings after newer ones: the twin keeps those as late, so
    // every reading is either applied in order or kept late, and the latest is the newest published.
    JsonNode counts = json.get("counts");
    assertTrue(counts.get("readings").asInt() + counts.get("late").asInt() >= readingsEach,
        id + " lost readings: " + state.text());
    JsonNode latest = json.get("signals").get(LoadPublisher.SIGNAL);
    assertEquals(LoadPublisher.value(twin, readingsEach - 1), latest.get("value").asDouble(), id + " latest value");
    assertEquals(publisher.time(readingsEach - 1), Instant.parse(latest.get("timestamp").asText()),
        id + " latest time");

    RuntimeProcess.Answer history = runtime.get("/api/v1/twins/" + id + "/history?signal=" + LoadPublisher.SIGNAL
        + "&from=" + publisher.time(0) + "&to=" + publisher.end() + "&limit=" + (readingsEach * 2));
    assertEquals(200, history.status(), history.text());
    JsonNode points = history.json().get("points");
    assertEquals(readingsEach, points.size(), id + " history points");
    for (int r = 0; r < readingsEach; r++) {
      JsonNode point = points.get(r);
      assertEquals(publisher.time(r), Instant.parse(point.get("t").asText()), id + " point " + r);
      assertEquals(LoadPublisher.value(twin, r), point.get("v").asDouble(), id + " value " + r);
    }

    RuntimeProcess.Answer minutes = runtime.get("/api/v1/twins/" + id + "/history?signal=" + LoadPublisher.SIGNAL
        + "&from=" + publisher.time(0) + "&to=" + publisher.end() + "&step=PT1M");
    assertEquals(200, minutes.status(), minutes.text());
    long counted = 0;
    for (JsonNode bucket : minutes.json().get("points")) {
      counted += bucket.get("count").asLong();
    }
    assertEquals(readingsEach, counted, id + " readings counted by the 1-minute buckets (rollups exactly once)");
  }
}
