package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.ApiHarness.alert;
import static io.twinworks.runtime.http.ApiHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.connectors.alert.AlertJson;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AlertStreamApiTest {

  private static final ApiHarness api = new ApiHarness("AlertStreamApiTest");
  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
  private static final Duration SECOND = Duration.ofSeconds(1);

  @AfterAll
  static void shutdown() {
    api.close();
  }

  @Test
  void anAlertAppendedToTheLogArrivesWithinASecond() throws Exception {
    TwinId twin = TwinId.of("sse:live");
    try (SseClient client = live("/api/v1/alerts/stream?twin=sse:live")) {
      Alert alert = alert(twin, 1, Severity.WARNING, AlertState.ACTIVE, T0);
      long seq = api.append(alert);
      SseClient.Event event = client.next(SECOND);
      assertEquals("alert", event.type());
      assertEquals(Long.toString(seq), event.id());
      assertEquals(AlertJson.string(alert), event.data());
    }
  }

  @Test
  void reconnectingWithLastEventIdGetsExactlyTheMissedChangesInOrderThenLiveOnes() throws Exception {
    TwinId twin = TwinId.of("sse:resume");
    String seen;
    try (SseClient client = live("/api/v1/alerts/stream?twin=sse:resume")) {
      api.append(alert(twin, 1, Severity.WARNING, AlertState.ACTIVE, T0));
      seen = client.next(SECOND).id();
    }
    // While disconnected: three changes of this twin, and one of another twin the filter leaves out.
    long m1 = api.append(alert(twin, 1, Severity.WARNING, AlertState.ACKNOWLEDGED, T0));
    api.append(alert(TwinId.of("sse:elsewhere"), 1, Severity.WARNING, AlertState.ACTIVE, T0));
    long m2 = api.append(alert(twin, 1, Severity.WARNING, AlertState.CLEARED, T0));
    long m3 = api.append(alert(twin, 2, Severity.CRITICAL, AlertState.ACTIVE, T0.plusSeconds(5)));
    try (SseClient client = SseClient.open(api, "/api/v1/alerts/stream?twin=sse:resume", seen)) {
      List<SseClient.Event> missed = client.next(3, SECOND);
      assertEquals(List.of(Long.toString(m1), Long.toString(m2), Long.toString(m3)),
          missed.stream().map(SseClient.Event::id).toList());
      assertEquals("cleared", json(missed.get(1).data()).get("state").asText());
      long live = api.append(alert(twin, 2, Severity.CRITICAL, AlertState.CLEARED, T0.plusSeconds(5)));
      assertEquals(Long.toString(live), client.next(SECOND).id());
      assertTrue(client.quietFor(Duration.ofMillis(300)), "no duplicates");
    }
  }

  @Test
  void severityIsAMinimum() throws Exception {
    TwinId twin = TwinId.of("sse:severity");
    try (SseClient client = live("/api/v1/alerts/stream?twin=sse:severity&severity=critical")) {
      api.append(alert(twin, 1, Severity.WARNING, AlertState.ACTIVE, T0));
      long critical = api.append(alert(twin, 2, Severity.CRITICAL, AlertState.ACTIVE, T0));
      assertEquals(Long.toString(critical), client.next(SECOND).id());
    }
  }

  @Test
  void aClientThatNeverReadsDoesNotDelayAnother() throws Exception {
    TwinId twin = TwinId.of("sse:busy");
    try (Socket stuck = new Socket("127.0.0.1", api.port());
        SseClient reader = live("/api/v1/alerts/stream?twin=sse:busy")) {
      OutputStream out = stuck.getOutputStream();
      out.write(("GET /api/v1/alerts/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush(); // and never reads
      int n = 300;
      for (int i = 0; i < n; i++) {
        api.append(alert(twin, i + 1, Severity.INFO, AlertState.ACTIVE, T0.plusSeconds(i)));
      }
      List<SseClient.Event> got = reader.next(n, SECOND);
      assertEquals(n, got.size());
      long last = api.append(alert(twin, n + 1, Severity.INFO, AlertState.ACTIVE, T0));
      assertEquals(Long.toString(last), reader.next(SECOND).id(), "still live within a second");
    }
  }

  @Test
  void badParametersAreJson400s() throws Exception {
    for (String query : List.of("severity=loud", "twin=a:b%20c", "tenant=a'b")) {
      HttpResponse<String> response = api.get("/api/v1/alerts/stream?" + query);
      assertEquals(400, response.statusCode(), query);
      assertEquals("bad-request", json(response.body()).get("error").asText());
    }
    HttpResponse<String> badId = api.client().send(HttpRequest.newBuilder(api.uri("/api/v1/alerts/stream"))
        .header("Last-Event-ID", "abc").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, badId.statusCode());
    assertTrue(json(badId.body()).get("message").asText().contains("Last-Event-ID"));
  }

  /** A live-only stream, once its subscription to the tail is in place (it registers asynchronously). */
  private static SseClient live(String pathAndQuery) throws Exception {
    SseClient client = SseClient.open(api, pathAndQuery, null);
    Thread.sleep(200);
    return client;
  }
}
