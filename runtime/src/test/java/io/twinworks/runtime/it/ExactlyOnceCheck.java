package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.runtime.bench.LoadPublisher;
import java.time.Instant;

/**
 * What a runtime must answer for one twin after a {@link LoadPublisher} run: its state counts every reading (applied
 * in order or kept as late), its latest value is the newest published, and its history holds each reading exactly
 * once, as raw points and in the 1-minute rollups.
 */
final class ExactlyOnceCheck {

  private ExactlyOnceCheck() {}

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
