package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.ApiHarness.alert;
import static io.twinworks.runtime.http.ApiHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.connectors.alert.AlertJson;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlertListApiTest {

  private static final ApiHarness api = new ApiHarness("AlertListApiTest");
  private static final TwinId A = TwinId.of("list:a");
  private static final TwinId B = TwinId.of("list:b");
  private static final TwinId OTHER = TwinId.of("other:c");
  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
  private static Alert a4Cleared;

  @BeforeAll
  static void log() {
    api.append(alert(A, 1, Severity.WARNING, AlertState.ACTIVE, T0.plusSeconds(1)));
    api.append(alert(A, 2, Severity.CRITICAL, AlertState.ACKNOWLEDGED, T0.plusSeconds(2)));
    api.append(alert(A, 3, Severity.INFO, AlertState.CLEARED, T0.plusSeconds(3)));
    api.append(alert(B, 1, Severity.WARNING, AlertState.ACTIVE, T0.plusSeconds(4)));
    api.append(alert(OTHER, 1, Severity.WARNING, AlertState.ACTIVE, T0.plusSeconds(5)));
    // Raised, then cleared: the current state is the latest change.
    api.append(alert(A, 4, Severity.WARNING, AlertState.ACTIVE, T0.plusSeconds(6)));
    a4Cleared = alert(A, 4, Severity.WARNING, AlertState.CLEARED, T0.plusSeconds(6));
    api.append(a4Cleared);
  }

  @AfterAll
  static void shutdown() {
    api.close();
  }

  @Test
  void byDefaultTheOpenAlertsOfATenantNewestRaisedFirst() {
    // open = active + acknowledged; a~3 and a~4 are cleared, other:c is another tenant's.
    assertEquals(List.of("list:b~1", "list:a~2", "list:a~1"), ids(api.get("/api/v1/alerts?tenant=list")));
  }

  @Test
  void eachStateAndAll() {
    assertEquals(List.of("list:a~4", "list:a~3"), ids(api.get("/api/v1/alerts?tenant=list&state=cleared")));
    assertEquals(List.of("list:a~2"), ids(api.get("/api/v1/alerts?tenant=list&state=acknowledged")));
    assertEquals(List.of("list:b~1", "list:a~1"), ids(api.get("/api/v1/alerts?tenant=list&state=active")));
    assertEquals(List.of("list:a~4", "list:b~1", "list:a~3", "list:a~2", "list:a~1"),
        ids(api.get("/api/v1/alerts?tenant=list&state=all")));
    assertEquals(List.of("list:a~4", "list:a~3", "list:a~2", "list:a~1"),
        ids(api.get("/api/v1/alerts?twin=list:a&state=all")));
  }

  @Test
  void itemsAreTheAlertJson() throws Exception {
    JsonNode item = json(api.get("/api/v1/alerts?twin=list:a&state=cleared&limit=1")).get("items").get(0);
    assertEquals(AlertJson.node(a4Cleared), item);
  }

  @Test
  void pagesFollowTheCursorForOneStateAndForOpen() {
    for (String state : List.of("all", "open")) {
      List<String> all = ids(api.get("/api/v1/alerts?tenant=list&state=" + state));
      List<String> paged = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        HttpResponse<String> response = api.get("/api/v1/alerts?tenant=list&state=" + state + "&limit=2"
            + (cursor == null ? "" : "&cursor=" + cursor));
        JsonNode body = json(response);
        assertTrue(body.get("items").size() <= 2);
        paged.addAll(ids(response));
        cursor = body.get("cursor").isNull() ? null : body.get("cursor").asText();
        pages++;
      } while (cursor != null && pages < 10);
      assertEquals(all, paged, state);
      // all: 5 alerts = 2 + 2 + 1 pages; open: 3 = 2 + 1.
      assertEquals(state.equals("all") ? 3 : 2, pages, state);
    }
  }

  @Test
  void badParametersAreJson400s() {
    for (String query : List.of("state=closed", "limit=0", "limit=many", "cursor=garbage", "twin=list:a:b%20c",
        "tenant=a'b")) {
      HttpResponse<String> response = api.get("/api/v1/alerts?" + query);
      assertEquals(400, response.statusCode(), query);
      assertEquals("bad-request", json(response).get("error").asText(), query);
    }
    assertTrue(json(api.get("/api/v1/alerts?state=closed")).get("message").asText().contains("closed"));
  }

  private static List<String> ids(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    List<String> ids = new ArrayList<>();
    json(response).get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }
}
