package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.ApiHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.runtime.http.RouteCatalog.Access;
import io.twinworks.runtime.http.RouteCatalog.Entry;
import io.twinworks.runtime.live.LiveSocket;
import io.twinworks.runtime.http.SecuredApi.Answer;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every route of {@link RouteCatalog} with security on: without a token (401), with tenant beta's token on
 * tenant acme's resources (403 or 404, never acme's data), with a read-only token on writes (403), with acme's own
 * token on its reads and with the admin token on everything (2xx). A route added to the catalog without a request
 * here fails {@link #everyRouteOfTheCatalogIsTried}.
 */
class TenantIsolationApiTest {

  private static final SecuredApi secured = new SecuredApi("TenantIsolationApiTest", "");
  private static final TwinId SENSOR = TwinId.of("acme:s1");
  private static final TwinId MACHINE = TwinId.of("acme:line1:m1");
  private static final TwinId BETA_SENSOR = TwinId.of("beta:s9");
  /** Names and values only acme's twins, alerts and dead letters carry: never in an answer to beta. */
  private static final String SECRET_SIGNAL = "acme_secret_temp";
  private static final String SECRET_PAYLOAD = "acme-only-payload";
  private static final String CONFIG = "{\"grace-period\":\"0s\",\"detectors\":{\"" + SECRET_SIGNAL
      + "\":[{\"type\":\"threshold\",\"high\":50}]}}";
  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
  private static String alertId;

  /** A request on acme's resources for each non-public route, keyed "METHOD path-template". */
  private static Map<String, String> requests() {
    return Map.ofEntries(
        Map.entry("GET /api/v1/twins", "/api/v1/twins?tenant=acme"),
        Map.entry("GET /api/v1/twins/{id}", "/api/v1/twins/" + SENSOR),
        Map.entry("GET /api/v1/twins/{id}/history", "/api/v1/twins/" + SENSOR + "/history?signal=" + SECRET_SIGNAL),
        Map.entry("GET /api/v1/twins/{id}/config", "/api/v1/twins/" + SENSOR + "/config"),
        Map.entry("PUT /api/v1/twins/{id}/config", "/api/v1/twins/" + SENSOR + "/config"),
        Map.entry("GET /api/v1/twins/{id}/oee", "/api/v1/twins/" + MACHINE + "/oee"),
        Map.entry("GET /api/v1/alerts", "/api/v1/alerts?tenant=acme"),
        Map.entry("GET /api/v1/alerts/stream", "/api/v1/alerts/stream?tenant=acme"),
        Map.entry("POST /api/v1/alerts/{alertId}/ack", "/api/v1/alerts/" + alertId + "/ack"),
        Map.entry("GET /api/v1/dead-letters", "/api/v1/dead-letters"),
        Map.entry("GET /api/v1/stream", "/api/v1/stream"),
        Map.entry("GET /metrics", "/metrics"));
  }

  /** Acme: a sensor that raised an alert, a machine, a dead letter; beta: a sensor and a dead letter. */
  @BeforeAll
  static void twoTenants() {
    ApiHarness api = secured.api;
    api.register(SENSOR, TwinKind.SENSOR);
    api.register(MACHINE, TwinKind.MACHINE);
    api.register(BETA_SENSOR, TwinKind.SENSOR);
    Answer configured = secured.call("PUT", "/api/v1/twins/" + SENSOR + "/config", secured.admin, CONFIG);
    assertEquals(200, configured.status(), configured.body());
    api.record(SENSOR, TwinKind.SENSOR, T0, Map.of(SECRET_SIGNAL, 20.0));
    api.record(SENSOR, TwinKind.SENSOR, T0.plusSeconds(1), Map.of(SECRET_SIGNAL, 60.0));
    api.record(MACHINE, TwinKind.MACHINE, T0, Map.of("run_status", 1.0));
    api.record(BETA_SENSOR, TwinKind.SENSOR, T0, Map.of("temperature", 21.0));
    ApiHarness.await(api.deadLetters().record(DeadLetter.of(T0, "tenants/acme/plants/p1/racks/r1/packs/pk1/cells/c1/v",
        "not a number", SECRET_PAYLOAD.getBytes(StandardCharsets.UTF_8))));
    ApiHarness.await(api.deadLetters().record(DeadLetter.of(T0, "tenants/beta/plants/p1/racks/r1/packs/pk1/cells/c1/v",
        "not a number", "beta-payload".getBytes(StandardCharsets.UTF_8))));
    alertId = Eventually.get(() -> {
      JsonNode items = json(secured.call("GET", "/api/v1/alerts?twin=" + SENSOR, secured.admin).body()).get("items");
      assertEquals(1, items.size(), items.toString());
      return items.get(0).get("id").asText();
    });
  }

  @AfterAll
  static void shutdown() {
    secured.close();
  }

  @Test
  void everyRouteOfTheCatalogIsTried() {
    Set<String> protectedRoutes = RouteCatalog.ROUTES.stream().filter(e -> e.access() != Access.PUBLIC)
        .map(TenantIsolationApiTest::key).collect(Collectors.toSet());
    assertEquals(protectedRoutes, requests().keySet());
  }

  @Test
  void withoutATokenEveryApiRouteAnswers401AndPublicOnesDoNot() {
    for (Entry route : RouteCatalog.ROUTES) {
      if (route.access() == Access.PUBLIC) {
        Answer answer = secured.call(route.method(), route.path().replace("*", "app.js"), null);
        assertFalse(answer.status() == 401 || answer.status() == 403, key(route) + " is public: " + answer);
        continue;
      }
      Answer answer = secured.call(route.method(), requests().get(key(route)), null);
      assertEquals(401, answer.status(), key(route) + ": " + answer.body());
      assertEquals("unauthorized", json(answer.body()).get("error").asText(), key(route));
      assertTrue(answer.header("WWW-Authenticate").orElse("").startsWith("Bearer"), key(route));
    }
  }

  @Test
  void anotherTenantsTokenGetsNeitherAcmesDataNorWhetherItExists() {
    for (Entry route : protectedRoutes()) {
      Answer answer = send(route, secured.beta);
      assertFalse(answer.body().contains(SECRET_SIGNAL) || answer.body().contains(SECRET_PAYLOAD),
          key(route) + " showed acme's data to beta: " + answer.body());
      if (LISTS.contains(key(route))) {
        assertOk(route, answer); // beta's own only: see aTenantsListsAndStreamsAreForcedToItsOwnTenant
        continue;
      }
      assertTrue(answer.status() == 403 || answer.status() == 404, key(route) + ": " + answer.status());
      if (answer.status() == 404) {
        // Exactly what an acme twin or alert that does not exist answers.
        String unknown = requests().get(key(route)).replace(SENSOR.value(), "acme:nope")
            .replace(MACHINE.value(), "acme:nope");
        Answer nope = secured.call(route.method(), unknown, secured.admin, CONFIG);
        assertEquals(404, nope.status(), unknown);
        assertEquals(json(nope.body()).get("message").asText().replace("acme:nope", "X"),
            json(answer.body()).get("message").asText().replace(SENSOR.value(), "X").replace(MACHINE.value(), "X"),
            key(route));
      }
    }
  }

  @Test
  void aTenantsListsAndStreamsAreForcedToItsOwnTenant() throws Exception {
    JsonNode twins = json(secured.call("GET", "/api/v1/twins", secured.beta).body()).get("items");
    assertEquals(List.of(BETA_SENSOR.value()), ids(twins));
    JsonNode byPrefix = json(secured.call("GET", "/api/v1/twins?prefix=acme:", secured.beta).body()).get("items");
    assertEquals(0, byPrefix.size(), byPrefix.toString());
    JsonNode alerts = json(secured.call("GET", "/api/v1/alerts?state=all&twin=" + SENSOR, secured.beta).body());
    assertEquals(0, alerts.get("items").size(), alerts.toString());
    JsonNode letters = json(secured.call("GET", "/api/v1/dead-letters", secured.beta).body()).get("items");
    assertEquals(1, letters.size(), letters.toString());
    assertEquals("beta-payload", letters.get(0).get("payload").asText());
    assertEquals(2, json(secured.call("GET", "/api/v1/dead-letters", secured.admin).body()).get("items").size());

    // Replaying the stream from its start: the admin gets acme's alert, beta gets nothing.
    try (SseClient admin = SseClient.open(secured.api, "/api/v1/alerts/stream?access_token=" + secured.admin, "0")) {
      assertTrue(admin.next(ApiHarness.TIMEOUT).data().contains(SECRET_SIGNAL));
    }
    try (SseClient beta = SseClient.open(secured.api, "/api/v1/alerts/stream?access_token=" + secured.beta, "0")) {
      assertTrue(beta.quietFor(Duration.ofMillis(500)));
    }
  }

  @Test
  void aTenantsLiveStreamCarriesItsOwnTwinsOnly() throws Exception {
    TwinId acmeTwin = TwinId.of("acme:live1");
    TwinId betaTwin = TwinId.of("beta:live1");
    try (LiveSocket admin = LiveSocket.open(secured.api.port(), "/api/v1/stream?access_token=" + secured.admin);
        LiveSocket beta = LiveSocket.open(secured.api.port(), "/api/v1/stream?access_token=" + secured.beta)) {
      for (LiveSocket socket : List.of(admin, beta)) {
        socket.send("{\"subscribe\":{\"prefix\":\"\"}}"); // every twin it may see
        socket.await(m -> m.path("type").asText().equals("subscribed"), ApiHarness.TIMEOUT);
      }
      // The feed collects only once it knows a dashboard watches (asked once a second): record until one arrives.
      java.util.concurrent.atomic.AtomicInteger second = new java.util.concurrent.atomic.AtomicInteger();
      Eventually.get(() -> {
        Instant at = T0.plusSeconds(3600 + second.incrementAndGet());
        secured.api.record(acmeTwin, TwinKind.SENSOR, at, Map.of(SECRET_SIGNAL, 30.0));
        secured.api.record(betaTwin, TwinKind.SENSOR, at, Map.of("temperature", 21.0));
        return admin.await(m -> m.path("id").asText().equals(acmeTwin.value()), Duration.ofMillis(300));
      });
      JsonNode first = beta.await(m -> m.path("type").asText().equals("twin"), ApiHarness.TIMEOUT);
      assertEquals(betaTwin.value(), first.get("id").asText(), "beta's first delta is of its own twin");
      assertThrows(AssertionError.class, () -> beta.await(m -> m.toString().contains("acme"), Duration.ofSeconds(1)),
          "no delta or announcement of acme's twins reaches beta");
    }
  }

  @Test
  void aReadOnlyTokenReadsButDoesNotWrite() {
    for (Entry route : protectedRoutes()) {
      if (route.access() == Access.ADMIN) {
        continue;
      }
      Answer answer = send(route, secured.acmeReadOnly);
      if (route.isWrite()) {
        assertEquals(403, answer.status(), key(route) + ": " + answer.body());
        assertEquals("forbidden", json(answer.body()).get("error").asText());
      } else {
        assertOk(route, answer);
      }
    }
  }

  @Test
  void aTenantTokenIsRefusedOnAdminRoutes() {
    for (Entry route : protectedRoutes()) {
      if (route.access() == Access.ADMIN) {
        Answer answer = secured.call(route.method(), requests().get(key(route)), secured.acme);
        assertEquals(403, answer.status(), key(route));
      }
    }
  }

  @Test
  void theAdminTokenIsAnsweredOnEveryRoute() {
    for (Entry route : protectedRoutes()) {
      assertOk(route, send(route, secured.admin));
    }
  }

  @Test
  void aPathOutsideTheCatalogIsNotFoundEvenForTheAdmin() {
    Answer answer = secured.call("GET", "/api/v1/unlisted", secured.admin);
    assertEquals(404, answer.status());
    assertEquals("not-found", json(answer.body()).get("error").asText());
  }

  @Test
  void corsIsClosedByDefault() {
    Answer answer = secured.send(java.net.http.HttpRequest.newBuilder(secured.api.uri("/api/v1/twins"))
        .header("Origin", "https://evil.example.com").header("Authorization", "Bearer " + secured.acme));
    assertEquals(200, answer.status());
    assertTrue(answer.header("Access-Control-Allow-Origin").isEmpty());
    assertTrue(answer.header("Strict-Transport-Security").isEmpty(), "HSTS only over HTTPS");
  }

  /** Routes that answer a list or a stream of the token's own tenant, not one resource of acme's. */
  private static final Set<String> LISTS = Set.of("GET /api/v1/dead-letters", "GET /api/v1/stream");
  /** Routes that are WebSockets: tried with a handshake, answered 101 when it is allowed. */
  private static final Set<String> WEBSOCKETS = Set.of("GET /api/v1/stream");

  /** The route's request on acme's resources with {@code token}; a WebSocket route as a handshake. */
  private static Answer send(Entry route, String token) {
    String request = requests().get(key(route));
    return WEBSOCKETS.contains(key(route)) ? secured.webSocket(request, token)
        : secured.call(route.method(), request, token, CONFIG);
  }

  private static void assertOk(Entry route, Answer answer) {
    assertEquals(WEBSOCKETS.contains(key(route)) ? 101 : 200, answer.status(), key(route) + ": " + answer.body());
  }

  private static List<Entry> protectedRoutes() {
    return RouteCatalog.ROUTES.stream().filter(e -> e.access() != Access.PUBLIC).toList();
  }

  private static String key(Entry route) {
    return route.method() + " " + route.path();
  }

  private static List<String> ids(JsonNode items) {
    return java.util.stream.StreamSupport.stream(items.spliterator(), false).map(i -> i.get("id").asText()).toList();
  }
}
