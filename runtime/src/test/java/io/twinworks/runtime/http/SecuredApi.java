package io.twinworks.runtime.http;

import io.twinworks.runtime.security.TokenHashes;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An {@link ApiHarness} with security on and four fresh tokens: admin, tenant acme, acme read-only and tenant beta.
 * {@link #call} sends one request with a token (or none) and reads the answer; a stream's answer is closed once its
 * headers are in.
 */
final class SecuredApi implements AutoCloseable {

  /** One answer: status, body (empty for a stream) and headers. */
  record Answer(int status, String body, HttpHeaders headers) {
    Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  final String admin = TokenHashes.newToken();
  final String acme = TokenHashes.newToken();
  final String acmeReadOnly = TokenHashes.newToken();
  final String beta = TokenHashes.newToken();
  final ApiHarness api;

  SecuredApi(String name, String overrides) {
    api = new ApiHarness(name, overrides + "\n" + """
        twinworks.security {
          enabled = true
          tokens = [
            { name = "ops-admin", sha256 = "%s", admin = true }
            { name = "acme-ops", sha256 = "%s", tenant = "acme" }
            { name = "acme-viewer", sha256 = "%s", tenant = "acme", read-only = true }
            { name = "beta-ops", sha256 = "%s", tenant = "beta" }
          ]
        }
        """.formatted(TokenHashes.sha256Hex(admin), TokenHashes.sha256Hex(acme),
        TokenHashes.sha256Hex(acmeReadOnly), TokenHashes.sha256Hex(beta)));
  }

  Answer call(String method, String pathAndQuery, String token) {
    return call(method, pathAndQuery, token, "{}");
  }

  Answer call(String method, String pathAndQuery, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(pathAndQuery)).timeout(ApiHarness.TIMEOUT)
        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /**
   * Opens a WebSocket on {@code pathAndQuery} with the token as a bearer header, and closes it: 101 when the
   * handshake succeeded, else the status the server refused it with.
   */
  Answer webSocket(String pathAndQuery, String token) {
    java.net.http.WebSocket.Builder builder = api.client().newWebSocketBuilder();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    try {
      java.net.http.WebSocket socket = builder.buildAsync(URI.create(api.uri(pathAndQuery).toString()
          .replaceFirst("^http", "ws")), new java.net.http.WebSocket.Listener() {}).get(30, TimeUnit.SECONDS);
      socket.abort();
      return new Answer(101, "", HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
        HttpResponse<?> response = refused.getResponse();
        return new Answer(response.statusCode(), String.valueOf(response.body()), response.headers());
      }
      throw new AssertionError(e);
    } catch (TimeoutException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<InputStream> response = api.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        String body = stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(response.statusCode(), body, response.headers());
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    api.close();
  }
}
