package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.ApiHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.twinworks.runtime.http.SecuredApi.Answer;
import io.twinworks.runtime.security.TokenHashes;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Tokens, valid or not, never show in an answer or a log line; the query parameter is for GET only. */
class TokenSecrecyApiTest {

  private static final SecuredApi secured = new SecuredApi("TokenSecrecyApiTest", "");
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  /** Our loggers at INFO, whatever logback-test.xml the test class path holds first (another module's says WARN). */
  private final Logger ours = (Logger) LoggerFactory.getLogger("io.twinworks");
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private ch.qos.logback.classic.Level oursBefore;

  @BeforeEach
  void captureLogs() {
    oursBefore = ours.getLevel();
    ours.setLevel(ch.qos.logback.classic.Level.INFO);
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(logged);
    ours.setLevel(oursBefore);
  }

  @AfterAll
  static void shutdown() {
    secured.close();
  }

  @Test
  void aRejectedTokenIsInNeitherTheAnswerNorTheLog() {
    String header = TokenHashes.newToken();
    String query = TokenHashes.newToken();
    Answer answer = secured.send(HttpRequest.newBuilder(secured.api.uri("/api/v1/twins?access_token=" + query))
        .header("Authorization", "Bearer " + header));
    Answer byQuery = secured.call("GET", "/api/v1/alerts/stream?access_token=" + query, null);

    assertEquals(401, answer.status());
    assertEquals(401, byQuery.status());
    assertEquals("Bearer realm=\"twinworks\", error=\"invalid_token\"", answer.header("WWW-Authenticate").orElseThrow());
    assertEquals("unauthorized", json(answer.body()).get("error").asText());
    for (String secret : List.of(header, query, TokenHashes.sha256Hex(header), TokenHashes.sha256Hex(query))) {
      assertFalse(answer.body().contains(secret) || byQuery.body().contains(secret));
      assertFalse(answer.headers().map().toString().contains(secret));
    }
    List<String> lines = logLines();
    assertTrue(lines.stream().anyMatch(l -> l.contains("/api/v1/alerts/stream") && l.contains("invalid token")),
        "the refusal is logged: " + lines);
    for (String line : lines) {
      assertFalse(line.contains(header) || line.contains(query) || line.contains("access_token"), line);
    }
  }

  @Test
  void aValidTokenInTheQueryIsNotLoggedEither() {
    Answer answer = secured.call("GET", "/metrics?access_token=" + secured.acme, null);
    assertEquals(403, answer.status(), "acme's token is valid but not admin");
    List<String> lines = logLines();
    assertTrue(lines.stream().anyMatch(l -> l.contains("acme-ops")), "the token's name is logged: " + lines);
    lines.forEach(line -> assertFalse(line.contains(secured.acme), line));
  }

  @Test
  void aMalformedAuthorizationHeaderIsNotLoggedByTheHttpServer() {
    String secret = "tw_" + TokenHashes.newToken();
    Logger pekko = (Logger) LoggerFactory.getLogger("org.apache.pekko"); // Pekko HTTP's loggers are under it
    ch.qos.logback.classic.Level before = pekko.getLevel();
    pekko.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      // Not valid HTTP credentials syntax: the server's header parser rejects it (and by default logs it whole).
      Answer answer = secured.send(HttpRequest.newBuilder(secured.api.uri("/api/v1/twins"))
          .header("Authorization", "Bearer " + secret + " ,,=\"x"));
      assertEquals(401, answer.status(), answer.body());
      for (String line : logLines()) {
        assertFalse(line.contains(secret), line);
      }
    } finally {
      pekko.setLevel(before);
    }
  }

  @Test
  void theQueryParameterCountsForGetOnly() {
    Answer post = secured.call("POST", "/api/v1/alerts/acme:s1~1/ack?access_token=" + secured.admin, null);
    assertEquals(401, post.status(), post.body());
    assertTrue(json(post.body()).get("message").asText().contains("Authorization: Bearer"));
    Answer get = secured.call("GET", "/api/v1/twins?access_token=" + secured.admin, null);
    assertEquals(200, get.status(), get.body());
  }

  @Test
  void theBearerSchemeIsCaseInsensitive() {
    Answer answer = secured.send(HttpRequest.newBuilder(secured.api.uri("/api/v1/twins"))
        .header("Authorization", "bearer " + secured.beta));
    assertEquals(200, answer.status(), answer.body());
  }

  private List<String> logLines() {
    return logged.list.stream()
        .map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs() + " " + e.getThrowableProxy())
        .toList();
  }
}
