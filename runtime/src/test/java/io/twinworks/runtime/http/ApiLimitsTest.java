package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.ApiHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.runtime.http.SecuredApi.Answer;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request size limit (413), rate limit per token (429) and CORS for a configured origin. */
class ApiLimitsTest {

  private static final String ORIGIN = "https://ops.example.com";
  /** A refill of one request per 1,000 s: within a test only the burst of 5 counts. */
  private static final SecuredApi secured = new SecuredApi("ApiLimitsTest", """
      twinworks.http.max-request-bytes = 1024
      twinworks.http.cors.allowed-origins = ["%s"]
      twinworks.security.rate-limit { requests-per-second = 0.001, burst = 5 }
      """.formatted(ORIGIN));
  private static final String TWIN = "/api/v1/twins/acme:s1/config";
  /** A config body of 2,000 bytes: the threshold's JSON padded with spaces. */
  private static final String LARGE = "{\"grace-period\":\"0s\"" + " ".repeat(2000 - 21) + "}";

  @BeforeAll
  static void aTwin() {
    secured.api.register(TwinId.of("acme:s1"), TwinKind.SENSOR);
  }

  @AfterAll
  static void shutdown() {
    secured.close();
  }

  @Test
  void aBodyOverTheLimitIs413() {
    assertEquals(2000, LARGE.length());
    Answer declared = secured.call("PUT", TWIN, secured.admin, LARGE);
    assertEquals(413, declared.status(), declared.body());
    assertEquals("payload-too-large", json(declared.body()).get("error").asText());
    assertTrue(json(declared.body()).get("message").asText().contains("twinworks.http.max-request-bytes"));
  }

  @Test
  void aTokenPastItsBurstIs429WithRetryAfterAndOthersAreNotAffected() {
    for (int i = 0; i < 5; i++) {
      assertEquals(200, secured.call("GET", "/api/v1/twins", secured.beta).status(), "request " + i + " of the burst");
    }
    Answer limited = secured.call("GET", "/api/v1/twins", secured.beta);
    assertEquals(429, limited.status(), limited.body());
    assertEquals("rate-limited", json(limited.body()).get("error").asText());
    // Empty bucket, 0.001 per second: one request's worth in 1 / 0.001 = 1000 s.
    assertEquals("1000", limited.header("Retry-After").orElseThrow());
    assertEquals(200, secured.call("GET", "/api/v1/twins", secured.acmeReadOnly).status());
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
    Answer preflight = secured.send(HttpRequest.newBuilder(secured.api.uri("/api/v1/twins"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", ORIGIN).header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization"));
    assertEquals(204, preflight.status());
    assertEquals(ORIGIN, preflight.header("Access-Control-Allow-Origin").orElseThrow());
    assertTrue(preflight.header("Access-Control-Allow-Headers").orElseThrow().contains("Authorization"));
  }

  @Test
  void onlyAnAllowedOriginGetsCorsHeaders() {
    Answer allowed = secured.send(HttpRequest.newBuilder(secured.api.uri("/api/v1/twins"))
        .header("Origin", ORIGIN).header("Authorization", "Bearer " + secured.acme));
    assertEquals(200, allowed.status());
    assertEquals(ORIGIN, allowed.header("Access-Control-Allow-Origin").orElseThrow());
    assertEquals("Origin", allowed.header("Vary").orElseThrow());

    Answer other = secured.send(HttpRequest.newBuilder(secured.api.uri("/api/v1/twins"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET"));
    assertTrue(other.header("Access-Control-Allow-Origin").isEmpty());
    assertEquals(405, other.status(), "not a preflight we answer: OPTIONS is not a method of the API");
  }
}
